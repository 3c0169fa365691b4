package app.kindred.sso.internal;

import java.util.EnumMap;
import java.util.Map;

import app.kindred.core.Language;
import app.kindred.organisation.OrganisationId;

/**
 * An organisation's OpenID Connect provider as stored.
 *
 * @param sealedSecret the client secret as a JWE (core.SealedSecrets), or null
 * @param secretEnv the environment variable holding the client secret instead, or null
 * @param names the name on the "Sign in with" button per language; a language without one
 * takes another's, and with none the organisation's name
 * @param studyNumberClaim the ID token claim carrying the study number, or null
 * @param passwordOffForStaff the organisation's staff sign in only through the provider
 */
public record ProviderSettings(OrganisationId organisation, String issuer, String clientId, String sealedSecret,
		String secretEnv, Map<Language, String> names, String studyNumberClaim, boolean enabled,
		boolean passwordOffForStaff) {

	public static final int ISSUER_MAX = 500;

	public static final int CLIENT_ID_MAX = 255;

	public static final int SECRET_MAX = 1000;

	public static final int NAME_MAX = 100;

	public static final int CLAIM_MAX = 100;

	public ProviderSettings {
		var copy = new EnumMap<Language, String>(Language.class);
		if (names != null) {
			copy.putAll(names);
		}
		names = copy;
	}

	/** The button's name in the language, else in any language given, else null. */
	public String name(Language language) {
		var own = names.get(language);
		if (own != null && !own.isBlank()) {
			return own;
		}
		return names.values().stream().filter(n -> n != null && !n.isBlank()).findFirst().orElse(null);
	}

}
