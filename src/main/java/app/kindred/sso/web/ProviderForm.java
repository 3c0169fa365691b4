package app.kindred.sso.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

import app.kindred.core.Language;
import app.kindred.sso.internal.ProviderService;
import app.kindred.sso.internal.ProviderSettings;

/**
 * An organisation's provider as typed. The client secret is never filled in again: left
 * empty it keeps the stored one; {@code env:NAME} reads it from that environment
 * variable.
 */
record ProviderForm(
		@NotBlank(message = "{sso.settings.issuer.required}") @Size(max = ProviderSettings.ISSUER_MAX) String issuer,
		@NotBlank(message = "{sso.settings.clientId.required}") @Size(
				max = ProviderSettings.CLIENT_ID_MAX) String clientId,
		@Size(max = ProviderSettings.SECRET_MAX) String clientSecret,
		@Size(max = ProviderSettings.NAME_MAX) String nameEn, @Size(max = ProviderSettings.NAME_MAX) String nameFi,
		@Size(max = ProviderSettings.NAME_MAX) String nameSv,
		@Size(max = ProviderSettings.CLAIM_MAX) String studyNumberClaim, Boolean enabled, Boolean passwordOffForStaff) {

	static final String ENV = "env:";

	private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");

	private static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_:./-]{1,100}");

	static ProviderForm of(ProviderService.View view) {
		return view.provider()
			.map(p -> new ProviderForm(p.issuer(), p.clientId(), p.secretEnv() == null ? "" : ENV + p.secretEnv(),
					p.names().get(Language.EN), p.names().get(Language.FI), p.names().get(Language.SV),
					p.studyNumberClaim(), p.enabled(), p.passwordOffForStaff()))
			.orElse(new ProviderForm("", "", "", "", "", "", "", false, false));
	}

	/**
	 * The changes, or empty with each problem at its field: the issuer an https address
	 * (http only on this machine, for trying a provider out), a variable's name in the
	 * shape environments allow, a claim's name without spaces.
	 */
	Optional<ProviderService.Changes> check(BindingResult result) {
		if (!result.hasFieldErrors("issuer") && !issuerValid(issuer.strip())) {
			result.rejectValue("issuer", "sso.settings.issuer.invalid");
		}
		String env = null;
		var secret = clientSecret == null ? "" : clientSecret.strip();
		if (secret.startsWith(ENV)) {
			env = secret.substring(ENV.length());
			if (!VARIABLE.matcher(env).matches()) {
				result.rejectValue("clientSecret", "sso.settings.secret.variable");
			}
		}
		var claim = blankToNull(studyNumberClaim);
		if (claim != null && !CLAIM.matcher(claim).matches()) {
			result.rejectValue("studyNumberClaim", "sso.settings.claim.invalid");
		}
		if (result.hasErrors()) {
			return Optional.empty();
		}
		var names = new EnumMap<Language, String>(Language.class);
		putIfSet(names, Language.EN, nameEn);
		putIfSet(names, Language.FI, nameFi);
		putIfSet(names, Language.SV, nameSv);
		var issuerUrl = issuer.strip();
		if (issuerUrl.endsWith("/")) {
			issuerUrl = issuerUrl.substring(0, issuerUrl.length() - 1);
		}
		return Optional.of(new ProviderService.Changes(issuerUrl, clientId.strip(), env == null ? secret : null, env,
				names, claim, Boolean.TRUE.equals(enabled), Boolean.TRUE.equals(passwordOffForStaff)));
	}

	/**
	 * What the secret field shows again: only an environment variable's name, never a
	 * secret.
	 */
	public String shownSecret() {
		return clientSecret != null && clientSecret.strip().startsWith(ENV) ? clientSecret.strip() : "";
	}

	private static boolean issuerValid(String typed) {
		try {
			var uri = new URI(typed);
			var host = uri.getHost();
			if (host == null || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
				return false;
			}
			var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return "https".equals(scheme) || ("http".equals(scheme)
					&& ("localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host)));
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	private static void putIfSet(EnumMap<Language, String> names, Language language, String name) {
		var value = blankToNull(name);
		if (value != null) {
			names.put(language, value);
		}
	}

	private static String blankToNull(String typed) {
		return typed == null || typed.isBlank() ? null : typed.strip();
	}

}
