package app.kindred.recruitment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import app.kindred.core.Language;

/**
 * What a person tells about themselves when they sign up. The first fields are asked in
 * every call and kept in columns of their own; {@link Details} holds the rest, as the
 * call asked it.
 */
public record SignUpAnswers(Set<Language> languages, Delivery delivery, String department, String motivation,
		String experience, boolean declaredEligible, Details details) {

	/**
	 * These answers with the other answers' languages, place, weekly times and wished
	 * co-mentor: what a mentor may still change after the call closes, since groups are
	 * formed from them. Everything else stays as it was sent.
	 */
	public SignUpAnswers withLogisticsOf(SignUpAnswers changed) {
		var c = changed.details();
		var d = new Details(c.campuses(), c.availability(), details.forCredit(), details.studentNumber(), c.coMentor(),
				details.custom(), details.consents());
		return new SignUpAnswers(changed.languages(), changed.delivery(), department, motivation, experience,
				declaredEligible, d);
	}

	public enum Delivery {

		REMOTE, CAMPUS, EITHER

	}

	/**
	 * The rest: campuses, availability per slot key, a student number when taken for
	 * credits, a wished co-mentor, answers to custom questions by question id (texts as
	 * typed, choices as option numbers from 0), and the consent texts accepted.
	 */
	public record Details(List<String> campuses, Map<String, Call.Availability> availability, boolean forCredit,
			String studentNumber, String coMentor, Map<String, List<String>> custom, List<String> consents) {

		public Details {
			campuses = campuses == null ? List.of() : List.copyOf(campuses);
			availability = availability == null ? Map.of() : Map.copyOf(availability);
			custom = custom == null ? Map.of() : Map.copyOf(custom);
			consents = consents == null ? List.of() : List.copyOf(consents);
		}

		public static final Details NONE = new Details(List.of(), Map.of(), false, null, null, Map.of(), List.of());

		private static final Pattern STUDENT_NUMBER = Pattern.compile("[A-Za-z0-9-]{3,20}");

		/**
		 * Whether a student number has the form universities' registries use: letters,
		 * digits and hyphens, 3 to 20. The sign-up asks for it in this form, and the
		 * grade export sends only such numbers.
		 */
		public static boolean validStudentNumber(String number) {
			return number != null && STUDENT_NUMBER.matcher(number.strip()).matches();
		}

		public Call.Availability availability(Call.Slot slot) {
			return availability.getOrDefault(slot.key(), Call.Availability.NO);
		}

		public List<String> custom(String question) {
			return custom.getOrDefault(question, List.of());
		}
	}
}
