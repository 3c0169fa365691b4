package app.kindred.privacy.internal;

import static app.kindred.organisation.Role.COORDINATOR;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import app.kindred.core.HomeContributor;
import app.kindred.identity.AccountId;
import app.kindred.organisation.Organisations;

/**
 * A coordinator's Home lists each organisation's open erasure requests as a task, so that
 * none waits unseen.
 */
@Component
class ErasureHome implements HomeContributor {

	private final Organisations organisations;

	private final ErasureService erasure;

	ErasureHome(Organisations organisations, ErasureService erasure) {
		this.organisations = organisations;
		this.erasure = erasure;
	}

	/** One organisation's waiting requests. */
	record Waiting(String organisation, String link, long count) {
	}

	@Override
	public List<Part> parts(Viewer viewer) {
		var account = new AccountId(viewer.account());
		var parts = new ArrayList<Part>();
		for (var organisation : organisations.staffedBy(account)) {
			// Role inside this class is Home's role: the organisation's comes by its
			// constant
			if (!organisations.rolesOf(organisation.id(), account).contains(COORDINATOR)) {
				continue;
			}
			long count = erasure.openCount(organisation.id());
			if (count > 0) {
				var link = "/organisations/" + organisation.id() + "/erasures";
				parts.add(Part
					.of(null, HomeContributor.Role.COORDINATOR, 90, "privacy/erasure-home", "erasures",
							new Waiting(organisation.name(), link, count))
					.needing(List.of(Task.of("erasure.home.task", link, count, organisation.name()))));
			}
		}
		return parts;
	}

}
