package app.kindred.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.matching.match.DictionaryMatch;
import me.gosimple.nbvcxz.matching.match.Match;
import me.gosimple.nbvcxz.matching.match.RepeatMatch;
import me.gosimple.nbvcxz.matching.match.SequenceMatch;
import me.gosimple.nbvcxz.matching.match.SpacialMatch;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;

/**
 * Which new passwords are refused, and why, for every form that sets one. Strength is
 * estimated by nbvcxz (a zxcvbn port with its own dictionaries of common passwords, words
 * and names, keyboard walks, repeats, sequences and dates); the person's e-mail address
 * and name are added as words that count for nothing. A password is refused below
 * nbvcxz's default minimum entropy (35 bits, about 34 billion guesses), or when it is
 * mostly made of the person's own name or address. The reason is our own message key, in
 * the person's language, chosen from what the estimator found; its English feedback is
 * not shown.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	/** BCrypt reads at most 72 bytes; a longer password would be silently cut. */
	public static final int MAX_BYTES = 72;

	private static final String PERSONAL = "personal";

	private static final String COMMON = "passwords";

	/**
	 * nbvcxz's dictionaries, read when the first password is checked rather than while
	 * the application starts, where reading them took about 4 % of the main thread.
	 */
	private static final class CommonPasswords {

		static final List<Dictionary> DICTIONARIES = ConfigurationBuilder.getDefaultDictionaries();

	}

	/**
	 * The message key of the reason a password is refused, or empty when it may be used.
	 */
	public Optional<String> weakness(String password, String email, String displayName) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("password.tooLong");
		}
		var all = new ArrayList<>(CommonPasswords.DICTIONARIES);
		all.add(personal(email, displayName));
		var estimator = new Nbvcxz(
				new ConfigurationBuilder().setDictionaries(all).setLocale(Locale.ENGLISH).createConfiguration());
		var result = estimator.estimate(password);
		int personalChars = result.getMatches()
			.stream()
			.filter(m -> m instanceof DictionaryMatch d && PERSONAL.equals(d.getDictionaryName()))
			.mapToInt(Match::getLength)
			.sum();
		if (personalChars * 2 >= password.length()) {
			return Optional.of("password.weak.personal");
		}
		if (result.isMinimumEntropyMet()) {
			return Optional.empty();
		}
		if (personalChars >= 3) {
			return Optional.of("password.weak.personal");
		}
		return result.getMatches()
			.stream()
			.filter(m -> reason(m) != null)
			.max(Comparator.comparingInt(Match::getLength))
			.map(PasswordPolicy::reason)
			.or(() -> Optional.of("password.weak.guessable"));
	}

	private static String reason(Match match) {
		if (match instanceof DictionaryMatch d) {
			return COMMON.equals(d.getDictionaryName()) ? "password.weak.common" : "password.weak.guessable";
		}
		if (match instanceof SpacialMatch) {
			return "password.weak.keyboard";
		}
		if (match instanceof RepeatMatch || match instanceof SequenceMatch) {
			return "password.weak.repeated";
		}
		return null;
	}

	/**
	 * The address's local part and the name, whole and in their parts (split at dots,
	 * dashes, spaces, digits).
	 */
	private static Dictionary personal(String email, String displayName) {
		Set<String> words = new LinkedHashSet<>();
		if (email != null) {
			var local = email.strip().toLowerCase(Locale.ROOT);
			int at = local.indexOf('@');
			if (at > 0) {
				var domain = local.substring(at + 1);
				local = local.substring(0, at);
				addWithParts(words, domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain);
			}
			addWithParts(words, local);
		}
		if (displayName != null) {
			addWithParts(words, displayName.strip().toLowerCase(Locale.ROOT));
		}
		var builder = new DictionaryBuilder().setDictionaryName(PERSONAL).setExclusion(true);
		words.forEach(word -> builder.addWord(word, 0));
		return builder.createDictionary();
	}

	private static void addWithParts(Set<String> words, String value) {
		if (value.length() >= 3) {
			words.add(value);
			words.add(value.replaceAll("[^\\p{L}\\p{N}]", ""));
		}
		for (var part : value.split("[^\\p{L}]+")) {
			if (part.length() >= 3) {
				words.add(part);
			}
		}
	}

}
