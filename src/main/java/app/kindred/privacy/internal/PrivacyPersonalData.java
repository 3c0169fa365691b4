package app.kindred.privacy.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataContributor;

/**
 * The person's requests to be erased in "my data": when asked, what became of each, when
 * and why (never which coordinator decided).
 */
@Component
class PrivacyPersonalData implements PersonalDataContributor {

	/**
	 * The tables this export reads about the person (PersonalDataCoverageTests holds
	 * every module to it).
	 */
	static final List<String> TABLES = List.of("erasure_request");

	record Asked(Instant askedAt, ErasureStore.Status status, Instant decidedAt, String reason) {
	}

	private final ErasureStore store;

	PrivacyPersonalData(ErasureStore store) {
		this.store = store;
	}

	@Override
	public List<Section> personalData(UUID account) {
		var asked = store.allOf(account)
			.stream()
			.map(r -> new Asked(r.askedAt(), r.status(), r.decidedAt(), r.reason()))
			.toList();
		return asked.isEmpty() ? List.of() : List.of(new Section("erasure.data.requests", 95, asked));
	}

}
