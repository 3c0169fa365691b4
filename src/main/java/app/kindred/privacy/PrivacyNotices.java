package app.kindred.privacy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * The privacy notice a person sees once after their first sign-in, until they say they
 * have read it: Home shows it, without blocking any page.
 */
public interface PrivacyNotices {

	/**
	 * The notices of the organisations the person belongs to (as staff, or through the
	 * given programmes they take part in), or Kindred's general notice when none; empty
	 * once they acknowledged it.
	 */
	Optional<FirstNotice> unacknowledged(AccountId account, Collection<ProgrammeId> programmes, Language language);

	/**
	 * @param organisations each organisation's notice, none when Kindred's general notice
	 * applies
	 */
	record FirstNotice(List<Notice> organisations) {

		public boolean general() {
			return organisations.isEmpty();
		}

	}

	/**
	 * One organisation's notice as shown to the viewer.
	 *
	 * @param text the notice, or {@code null} when the organisation wrote none (Kindred's
	 * default text applies)
	 * @param shownIn the language of the text, which differs from the viewer's when no
	 * version in theirs exists
	 */
	record Notice(UUID organisation, String name, String text, Language shownIn, boolean otherLanguage) {

		/** The text's paragraphs, separated by blank lines where it was written. */
		public List<String> paragraphs() {
			return text == null ? List.of() : List.of(text.strip().split("\\R\\s*\\R"));
		}

	}

}
