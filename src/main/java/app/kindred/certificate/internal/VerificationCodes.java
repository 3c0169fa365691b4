package app.kindred.certificate.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Verification codes: 20 characters of Crockford's base 32 (no I, L, O or U, so nothing
 * is misread), 100 random bits, printed in groups of four ({@code 7KQ2-M9XD-…}). What
 * someone types is read leniently: any case, with or without hyphens or spaces, O for 0
 * and I or L for 1.
 */
public final class VerificationCodes {

	static final int LENGTH = 20;

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final Pattern STORED = Pattern.compile("[0-9A-HJKMNP-TV-Z]{" + LENGTH + "}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private VerificationCodes() {
	}

	/** A new code as stored, without hyphens. */
	static String next() {
		var code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** The code as stored, or empty when what was given cannot be a code. */
	public static Optional<String> normalise(String given) {
		if (given == null || given.length() > 2 * LENGTH) {
			return Optional.empty();
		}
		var code = given.toUpperCase(Locale.ROOT)
			.replaceAll("[\\s-]", "")
			.replace('O', '0')
			.replace('I', '1')
			.replace('L', '1');
		return STORED.matcher(code).matches() ? Optional.of(code) : Optional.empty();
	}

	/** The stored code in groups of four joined by hyphens. */
	public static String display(String code) {
		var shown = new StringBuilder();
		for (int i = 0; i < code.length(); i += 4) {
			if (i > 0) {
				shown.append('-');
			}
			shown.append(code, i, Math.min(code.length(), i + 4));
		}
		return shown.toString();
	}

}
