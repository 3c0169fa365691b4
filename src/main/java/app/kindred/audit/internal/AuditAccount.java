package app.kindred.audit.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import app.kindred.core.AccountContributor;
import app.kindred.core.HomeContributor;

/**
 * On the account page: who has read the person's data, and Kindred's privacy notice.
 */
@Component
class AuditAccount implements AccountContributor {

	/** After the certificates. */
	static final int ORDER = 200;

	@Override
	public List<Section> sections(HomeContributor.Viewer viewer) {
		return List.of(new Section(ORDER, "audit/account", "audit", null));
	}

}
