package app.kindred.certificate.internal;

import java.util.EnumMap;
import java.util.Map;

import app.kindred.core.Language;

/**
 * A programme's rule for who qualifies and the words its certificates print. A programme
 * whose coordinators never saved any uses {@link #DEFAULTS}.
 *
 * @param requireTraining a mentor must be ready to lead: the trainings the rule asks for
 * attended, or readiness given by a coordinator
 * @param minimumMeetings meetings of the mentor's group held (started, not cancelled)
 * @param participation whether participants may ask for a participation certificate
 * @param participantMinimumMeetings meetings a participant attended, as the rolls record
 * @param roleTexts what the mentor's role involved, per language; a language left out
 * prints Kindred's own text ({@code certificate.role.default})
 * @param signatoryName who signs, or null for the issuing coordinator
 * @param signatoryTitle the signatory's title, or null for "coordinator" in the
 * certificate's language
 */
public record CertificateSettings(boolean requireTraining, int minimumMeetings, boolean participation,
		int participantMinimumMeetings, Map<Language, String> roleTexts, String signatoryName, String signatoryTitle) {

	/** A group meets weekly at most: a year of meetings is the most a rule may ask. */
	public static final int MEETINGS_MAX = 52;

	public static final int ROLE_TEXT_MAX = 2000;

	public static final int SIGNATORY_MAX = 200;

	/**
	 * All trainings attended or readiness given, four meetings of the group held, no
	 * participation certificates (four meetings attended once they are turned on).
	 */
	public static final CertificateSettings DEFAULTS = new CertificateSettings(true, 4, false, 4, Map.of(), null, null);

	public CertificateSettings {
		var texts = new EnumMap<Language, String>(Language.class);
		if (roleTexts != null) {
			roleTexts.forEach((language, text) -> {
				if (text != null && !text.isBlank()) {
					texts.put(language, text.strip());
				}
			});
		}
		roleTexts = Map.copyOf(texts);
		signatoryName = blankToNull(signatoryName);
		signatoryTitle = blankToNull(signatoryTitle);
	}

	/** The programme's own role text in this language, or null for Kindred's. */
	public String roleText(Language language) {
		return roleTexts.get(language);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
