package app.kindred.feedback.internal;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import app.kindred.core.Language;
import app.kindred.core.Tokens;
import app.kindred.feedback.SurveyKind;
import app.kindred.programme.ProgrammeId;

/**
 * An answer as the page sent it ({@code q.<key>} per question, {@code quote.<key>} for
 * consent to quote a free text, {@code code.*} for the self-generated code), checked
 * against the survey's form: each problem as a message key at its field. A value the form
 * does not offer (a forged point or option) is refused like a typing mistake.
 */
public final class AnswerCheck {

	/** The longest free-text answer kept, as survey_item.text holds it. */
	public static final int TEXT_MAX = 4000;

	/** The self-generated code's questions, in the order the page asks them. */
	public static final List<String> CODE_FIELDS = List.of("code.mother", "code.day", "code.town");

	/**
	 * The outcome: the items to store and the hashed code when there were no problems,
	 * else the problems by field.
	 */
	public record Checked(List<Answer.Item> items, String pairCode, Map<String, String> problems) {

		public boolean ok() {
			return problems.isEmpty();
		}

	}

	private AnswerCheck() {
	}

	public static Checked check(Survey survey, Map<String, List<String>> sent) {
		var form = survey.form();
		var items = new ArrayList<Answer.Item>();
		var problems = new LinkedHashMap<String, String>();
		for (var question : form.questions()) {
			var field = "q." + question.key();
			var values = sent.getOrDefault(field, List.of())
				.stream()
				.map(String::strip)
				.filter(v -> !v.isEmpty())
				.toList();
			if (values.isEmpty()) {
				if (question.required()) {
					problems.put(field, "feedback.answer.required");
				}
				continue;
			}
			var problem = switch (question.type()) {
				case LIKERT -> point(form, question, values, items);
				case SINGLE -> options(question, values, items, false);
				case MULTIPLE -> options(question, values, items, true);
				case NUMBER -> number(question, values, items);
				case TEXT -> text(question, values, sent, items);
			};
			problem.ifPresent(key -> problems.put(field, key));
		}
		String pairCode = null;
		if (survey.kind() == SurveyKind.MEASURE) {
			pairCode = code(survey.programme(), sent, problems);
		}
		return new Checked(problems.isEmpty() ? List.copyOf(items) : List.of(), problems.isEmpty() ? pairCode : null,
				problems);
	}

	private static Optional<String> point(SurveyDefinition form, SurveyDefinition.Question question,
			List<String> values, List<Answer.Item> items) {
		var scale = form.scales().get(question.scale());
		var point = integer(values);
		if (scale == null || point == null || point < scale.min() || point > scale.max()) {
			return Optional.of("feedback.answer.point");
		}
		items.add(new Answer.Item(question.key(), point, null, null, false));
		return Optional.empty();
	}

	private static Optional<String> options(SurveyDefinition.Question question, List<String> values,
			List<Answer.Item> items, boolean several) {
		int count = optionCount(question);
		if (!several && values.size() > 1) {
			return Optional.of("feedback.answer.option");
		}
		var chosen = new LinkedHashSet<Integer>();
		for (var value : values) {
			var number = integer(List.of(value));
			if (number == null || number < 1 || number > count) {
				return Optional.of("feedback.answer.option");
			}
			chosen.add(number);
		}
		chosen.forEach(n -> items.add(new Answer.Item(question.key(), n, null, null, false)));
		return Optional.empty();
	}

	/** Options are numbered alike in every language; the shortest list bounds them. */
	static int optionCount(SurveyDefinition.Question question) {
		if (question.options() == null || question.options().isEmpty()) {
			return 0;
		}
		return question.options().values().stream().mapToInt(List::size).min().orElse(0);
	}

	private static Optional<String> number(SurveyDefinition.Question question, List<String> values,
			List<Answer.Item> items) {
		if (values.size() > 1 || values.get(0).length() > 20) {
			return Optional.of("feedback.answer.number");
		}
		BigDecimal amount;
		try {
			amount = new BigDecimal(values.get(0).replace(',', '.'));
		}
		catch (NumberFormatException notANumber) {
			return Optional.of("feedback.answer.number");
		}
		if (amount.scale() > 4 || amount.precision() - amount.scale() > 10
				|| (question.min() != null && amount.compareTo(BigDecimal.valueOf(question.min())) < 0)
				|| (question.max() != null && amount.compareTo(BigDecimal.valueOf(question.max())) > 0)) {
			return Optional.of("feedback.answer.numberRange");
		}
		items.add(new Answer.Item(question.key(), null, amount, null, false));
		return Optional.empty();
	}

	private static Optional<String> text(SurveyDefinition.Question question, List<String> values,
			Map<String, List<String>> sent, List<Answer.Item> items) {
		var text = String.join("\n", values);
		if (text.length() > TEXT_MAX) {
			return Optional.of("feedback.answer.textLong");
		}
		boolean quotable = question.quotable()
				&& sent.getOrDefault("quote." + question.key(), List.of()).contains("true");
		items.add(new Answer.Item(question.key(), null, null, text, quotable));
		return Optional.empty();
	}

	private static Integer integer(List<String> values) {
		if (values.size() != 1 || !values.get(0).matches("\\d{1,3}")) {
			return null;
		}
		return Integer.valueOf(values.get(0));
	}

	/**
	 * The hash of the respondent's code within the programme, or null when they left any
	 * of its questions unanswered: a part missing would pair them with someone else. The
	 * letters and the day themselves are never kept.
	 */
	private static String code(ProgrammeId programme, Map<String, List<String>> sent, Map<String, String> problems) {
		var mother = letter(sent, "code.mother", problems);
		var day = day(sent, problems);
		var town = letter(sent, "code.town", problems);
		if (mother == null || day == null || town == null) {
			return null;
		}
		return Tokens.hash(programme.value() + "|" + mother + "|" + day + "|" + town);
	}

	private static String letter(Map<String, List<String>> sent, String field, Map<String, String> problems) {
		var typed = one(sent, field);
		if (typed == null) {
			return null;
		}
		var letter = Normalizer.normalize(typed, Normalizer.Form.NFC).toUpperCase(Locale.ROOT);
		if (letter.codePointCount(0, letter.length()) != 1 || !Character.isLetter(letter.codePointAt(0))) {
			problems.put(field, "feedback.answer.codeLetter");
			return null;
		}
		return letter;
	}

	private static Integer day(Map<String, List<String>> sent, Map<String, String> problems) {
		var typed = one(sent, "code.day");
		if (typed == null) {
			return null;
		}
		var day = typed.matches("\\d{1,2}") ? Integer.valueOf(typed) : null;
		if (day == null || day < 1 || day > 31) {
			problems.put("code.day", "feedback.answer.codeDay");
			return null;
		}
		return day;
	}

	private static String one(Map<String, List<String>> sent, String field) {
		var values = sent.getOrDefault(field, List.of());
		if (values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
			return null;
		}
		return values.get(0).strip();
	}

	/** The languages the form is written in, English first when it is one of them. */
	public static List<Language> languages(SurveyDefinition form) {
		var languages = new ArrayList<Language>();
		for (var language : Language.values()) {
			if (form.title() != null && form.title().containsKey(language)) {
				languages.add(language);
			}
		}
		return languages.isEmpty() ? List.of(Language.EN) : languages;
	}

	/** The language asked for if the form speaks it, else the form's first. */
	public static Language language(SurveyDefinition form, Language wanted) {
		var languages = languages(form);
		return languages.contains(wanted) ? wanted : languages.get(0);
	}

}
