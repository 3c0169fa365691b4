package app.kindred.recruitment;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.kindred.core.Language;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What one call (the mentor call or the participant sign-up of one programme) asks and
 * how it decides. The built-in questions are always asked where they apply; the
 * coordinator adds questions and consent texts in the programme's languages.
 */
public record Call(RecruitmentRole role, boolean approvalRequired, boolean closingReminder, boolean askDepartment,
		boolean askStudentNumber, List<Question> questions, List<Consent> consents, List<Slot> slots) {

	public Call {
		questions = List.copyOf(questions);
		consents = List.copyOf(consents);
		slots = List.copyOf(slots);
	}

	/**
	 * A call nobody has configured: automatic acceptance, the built-in questions, a
	 * student number for credits.
	 */
	static Call defaults(RecruitmentRole role, boolean creditCourse, List<Slot> slots) {
		return new Call(role, false, false, true, creditCourse, List.of(), List.of(), slots);
	}

	public Optional<Question> question(String id) {
		return questions.stream().filter(q -> q.id().equals(id)).findFirst();
	}

	public enum QuestionKind {

		SHORT_TEXT(200), LONG_TEXT(4000), SINGLE_CHOICE(200), MULTIPLE_CHOICE(200);

		private final int maxLength;

		QuestionKind(int maxLength) {
			this.maxLength = maxLength;
		}

		public int maxLength() {
			return maxLength;
		}

		public boolean choice() {
			return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
		}

	}

	/**
	 * A custom question: its text per language and, for choices, its options per
	 * language, the same number in each language, so an answer is stored as the option's
	 * index and reads right in every language.
	 */
	public record Question(String id, QuestionKind kind, boolean required, Map<Language, String> label,
			Map<Language, List<String>> options) {

		public Question {
			label = Map.copyOf(label);
			options = options == null ? Map.of() : Map.copyOf(options);
		}

		public String label(Language wanted) {
			return Texts.in(label, wanted);
		}

		public List<String> options(Language wanted) {
			return options.isEmpty() ? List.of() : Texts.in(options, wanted);
		}

		/**
		 * An answer as the person gave it: text as typed, choices by their options' names
		 * in the wanted language.
		 */
		public String answer(List<String> values, Language wanted) {
			if (!kind.choice()) {
				return String.join(" ", values);
			}
			var names = options(wanted);
			return values.stream()
				.mapToInt(Integer::parseInt)
				.filter(i -> i >= 0 && i < names.size())
				.mapToObj(names::get)
				.collect(Collectors.joining(", "));
		}
	}

	/** A text the person must accept to send their application, per language. */
	public record Consent(String id, Map<Language, String> text) {

		public Consent {
			text = Map.copyOf(text);
		}

		public String text(Language wanted) {
			return Texts.in(text, wanted);
		}
	}

	/**
	 * A weekly time a group could meet; the key names it in forms and stored answers
	 * ("MON1615").
	 */
	public record Slot(DayOfWeek day, LocalTime starts) implements Comparable<Slot> {

		/** The slot a key names ("MON1615"); empty for anything else. */
		public static Optional<Slot> ofKey(String key) {
			if (key == null || !key.matches("[A-Z]{3}[0-9]{4}")) {
				return Optional.empty();
			}
			return Arrays.stream(DayOfWeek.values())
				.filter(d -> d.name().startsWith(key.substring(0, 3)))
				.findFirst()
				.flatMap(day -> {
					int hour = Integer.parseInt(key.substring(3, 5));
					int minute = Integer.parseInt(key.substring(5, 7));
					return hour < 24 && minute < 60 ? Optional.of(new Slot(day, LocalTime.of(hour, minute)))
							: Optional.empty();
				});
		}

		public String key() {
			return day.name().substring(0, 3) + String.format("%02d%02d", starts.getHour(), starts.getMinute());
		}

		@Override
		public int compareTo(Slot other) {
			int byDay = day.compareTo(other.day);
			return byDay != 0 ? byDay : starts.compareTo(other.starts);
		}
	}

	/** How someone can make a slot. */
	public enum Availability {

		PREFERRED, POSSIBLE, NO

	}

	/** A text in the wanted language, else in English, else in any language it has. */
	static final class Texts {

		static <T> T in(Map<Language, T> texts, Language wanted) {
			if (texts.containsKey(wanted)) {
				return texts.get(wanted);
			}
			if (texts.containsKey(Language.EN)) {
				return texts.get(Language.EN);
			}
			return texts.values().stream().findFirst().orElse(null);
		}

		private Texts() {
		}

	}
}
