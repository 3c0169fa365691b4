package app.kindred.feedback.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.NotNull;

import org.springframework.validation.BindingResult;

import app.kindred.core.Language;
import app.kindred.core.web.TypedFields;
import app.kindred.feedback.internal.SurveyDefinition;
import app.kindred.feedback.internal.SurveyDefinition.Question;
import app.kindred.feedback.internal.SurveyDefinition.QuestionType;
import app.kindred.feedback.internal.SurveyFormat;

/**
 * One question of a coordinator's copy as typed: its type, its text and, for a choice,
 * its options (one per line) in each of the form's languages, a scale of the form for a
 * scale question, bounds for a number, and whether it must be answered or may be quoted.
 * Numbers are kept as typed so a wrong one comes back at its field.
 */
class QuestionForm {

	static final int TEXT_MAX = 1000;

	static final int OPTION_MAX = 200;

	static final int OPTIONS_MAX = 20;

	static final long BOUND = 1_000_000;

	@NotNull
	private QuestionType type = QuestionType.LIKERT;

	private boolean required;

	private boolean quotable;

	private String scale;

	private String min;

	private String max;

	private Map<Language, String> text = new LinkedHashMap<>();

	private Map<Language, String> options = new LinkedHashMap<>();

	static QuestionForm blank(SurveyDefinition form) {
		var f = new QuestionForm();
		f.scale = form.scales().keySet().stream().findFirst().orElse(null);
		f.required = true;
		return f;
	}

	static QuestionForm of(Question q) {
		var f = new QuestionForm();
		f.type = q.type();
		f.required = q.required();
		f.quotable = q.quotable();
		f.scale = q.scale();
		f.min = q.min() == null ? null : String.valueOf(q.min());
		f.max = q.max() == null ? null : String.valueOf(q.max());
		f.text.putAll(q.text());
		q.options().forEach((language, list) -> f.options.put(language, String.join("\n", list)));
		return f;
	}

	/**
	 * The question (its key made by the library), or empty with each problem at its
	 * field.
	 */
	Optional<Question> check(SurveyDefinition form, BindingResult result) {
		var languages = SurveyFormat.languages(form);
		var texts = new EnumMap<Language, String>(Language.class);
		for (var language : languages) {
			var t = text.get(language) == null ? "" : text.get(language).strip();
			if (t.isEmpty()) {
				result.rejectValue("text[" + language + "]", "NotBlank");
			}
			else if (t.length() > TEXT_MAX) {
				result.rejectValue("text[" + language + "]", "Size", new Object[] { "", TEXT_MAX, 0 }, null);
			}
			texts.put(language, t);
		}
		if (type == null || result.hasFieldErrors("type")) {
			return Optional.empty();
		}
		String chosenScale = null;
		if (type == QuestionType.LIKERT) {
			if (scale == null || !form.scales().containsKey(scale)) {
				result.rejectValue("scale", "feedback.question.scale");
			}
			chosenScale = scale;
		}
		var lists = new EnumMap<Language, List<String>>(Language.class);
		if (type == QuestionType.SINGLE || type == QuestionType.MULTIPLE) {
			Integer count = null;
			for (var language : languages) {
				var lines = lines(options.get(language));
				var field = "options[" + language + "]";
				if (lines.size() < 2 || lines.size() > OPTIONS_MAX) {
					result.rejectValue(field, "feedback.question.optionCount", new Object[] { OPTIONS_MAX }, null);
				}
				else if (lines.stream().anyMatch(l -> l.length() > OPTION_MAX)) {
					result.rejectValue(field, "Size", new Object[] { "", OPTION_MAX, 0 }, null);
				}
				else if (count != null && count != lines.size()) {
					result.rejectValue(field, "feedback.question.optionsDiffer");
				}
				count = count == null ? lines.size() : count;
				lists.put(language, lines);
			}
		}
		Integer low = null;
		Integer high = null;
		if (type == QuestionType.NUMBER) {
			low = bound(min, "min", result);
			high = bound(max, "max", result);
			if (low != null && high != null && low > high) {
				result.rejectValue("max", "feedback.question.bounds");
			}
		}
		if (quotable && type != QuestionType.TEXT) {
			result.rejectValue("quotable", "feedback.question.quotableText");
		}
		if (result.hasErrors()) {
			return Optional.empty();
		}
		return Optional.of(new Question("new", type, texts, chosenScale, false, required, lists, low, high,
				quotable && type == QuestionType.TEXT));
	}

	private static Integer bound(String typed, String field, BindingResult result) {
		if (result.hasFieldErrors(field) || typed == null || typed.isBlank()) {
			return null;
		}
		var value = TypedFields.number(typed, -BOUND, BOUND, field, "feedback.question.boundRange", result);
		return result.hasFieldErrors(field) ? null : (int) value;
	}

	private static List<String> lines(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	public QuestionType getType() {
		return type;
	}

	public void setType(QuestionType type) {
		this.type = type;
	}

	public boolean isRequired() {
		return required;
	}

	public void setRequired(boolean required) {
		this.required = required;
	}

	public boolean isQuotable() {
		return quotable;
	}

	public void setQuotable(boolean quotable) {
		this.quotable = quotable;
	}

	public String getScale() {
		return scale;
	}

	public void setScale(String scale) {
		this.scale = scale;
	}

	public String getMin() {
		return min;
	}

	public void setMin(String min) {
		this.min = min;
	}

	public String getMax() {
		return max;
	}

	public void setMax(String max) {
		this.max = max;
	}

	public Map<Language, String> getText() {
		return text;
	}

	public void setText(Map<Language, String> text) {
		this.text = text == null ? new LinkedHashMap<>() : text;
	}

	public Map<Language, String> getOptions() {
		return options;
	}

	public void setOptions(Map<Language, String> options) {
		this.options = options == null ? new LinkedHashMap<>() : options;
	}

}
