package app.kindred.sso.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataContributor;
import app.kindred.identity.AccountId;

/**
 * The person's sign-ins through their university in "my data": which provider, the study
 * number it sent if the organisation asked for one, and since when. The subject
 * identifier is the provider's, meaningless to the person, and stays out.
 */
@Component
class SsoPersonalData implements PersonalDataContributor {

	/**
	 * The tables this export reads about the person (PersonalDataCoverageTests holds
	 * every module to it); a mailed link's token (sso_link_token) is only a hash, valid
	 * for an hour.
	 */
	static final List<String> TABLES = List.of("sso_link");

	private final LinkStore links;

	SsoPersonalData(LinkStore links) {
		this.links = links;
	}

	@Override
	public List<Section> personalData(UUID account) {
		var linked = links.linksOf(new AccountId(account));
		return linked.isEmpty() ? List.of() : List.of(new Section("sso.data.links", 15, linked));
	}

}
