package app.kindred.privacy.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import app.kindred.core.AccountContributor;
import app.kindred.core.HomeContributor;
import app.kindred.identity.AccountId;

/**
 * The last section of the account page: how to ask to be erased, or where the request
 * stands.
 */
@Component
class ErasureAccount implements AccountContributor {

	/** Last, after every other section. */
	static final int ORDER = 1000;

	private final ErasureService erasure;

	ErasureAccount(ErasureService erasure) {
		this.erasure = erasure;
	}

	/** The latest request, if any: its state and the days it was asked and decided. */
	record Standing(String status, LocalDate askedOn, LocalDate decidedOn, String reason) {
	}

	@Override
	public List<Section> sections(HomeContributor.Viewer viewer) {
		var latest = erasure.latest(new AccountId(viewer.account()))
			.map(r -> new Standing(r.status().name(), r.askedAt().atZone(viewer.zone()).toLocalDate(),
					r.decidedAt() == null ? null : r.decidedAt().atZone(viewer.zone()).toLocalDate(), r.reason()))
			.orElse(null);
		return List.of(new Section(ORDER, "privacy/erasure-account", "erasure", latest));
	}

}
