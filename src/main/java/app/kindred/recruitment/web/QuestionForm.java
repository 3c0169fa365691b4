package app.kindred.recruitment.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotNull;

import org.springframework.validation.BindingResult;

import app.kindred.core.Language;
import app.kindred.recruitment.Call;

/**
 * A new custom question: its kind, whether it must be answered, and its text and options
 * (one per line) in each of the programme's languages.
 */
class QuestionForm {

	static final int LABEL_MAX = 500;
	static final int OPTIONS_MAX = 20;

	/**
	 * More would make a form nobody finishes; the limit also keeps a stored call small.
	 */
	static final int MAX_QUESTIONS = 30;

	@NotNull
	private Call.QuestionKind kind = Call.QuestionKind.SHORT_TEXT;

	private boolean required;

	private Map<Language, String> label = new LinkedHashMap<>();

	private Map<Language, String> options = new LinkedHashMap<>();

	/**
	 * Every language has its text; choices have 2 to 20 options, as many in each
	 * language; the call has room for one more question.
	 */
	boolean check(Set<Language> languages, Call call, BindingResult result) {
		for (var language : languages) {
			var text = label.get(language);
			if (text == null || text.isBlank()) {
				result.rejectValue("label[" + language + "]", "NotBlank");
			}
			else if (text.strip().length() > LABEL_MAX) {
				result.rejectValue("label[" + language + "]", "Size", new Object[] { "", LABEL_MAX, 0 }, null);
			}
		}
		if (kind != null && kind.choice()) {
			checkOptions(languages, result);
		}
		if (call.questions().size() >= MAX_QUESTIONS) {
			result.reject("calls.question.tooMany", new Object[] { MAX_QUESTIONS }, null);
		}
		return !result.hasErrors();
	}

	private void checkOptions(Set<Language> languages, BindingResult result) {
		Integer count = null;
		for (var language : languages) {
			var lines = lines(options.get(language));
			var field = "options[" + language + "]";
			if (lines.size() < 2 || lines.size() > OPTIONS_MAX) {
				result.rejectValue(field, "calls.question.optionCount", new Object[] { OPTIONS_MAX }, null);
			}
			else if (lines.stream().anyMatch(l -> l.length() > kind.maxLength())) {
				result.rejectValue(field, "Size", new Object[] { "", kind.maxLength(), 0 }, null);
			}
			else if (count != null && count != lines.size()) {
				result.rejectValue(field, "calls.question.optionsDiffer");
			}
			count = count == null ? lines.size() : count;
		}
	}

	Map<Language, String> labels(Set<Language> languages) {
		var texts = new EnumMap<Language, String>(Language.class);
		languages.forEach(l -> texts.put(l, label.get(l).strip()));
		return texts;
	}

	Map<Language, List<String>> optionLists(Set<Language> languages) {
		var lists = new EnumMap<Language, List<String>>(Language.class);
		languages.forEach(l -> lists.put(l, lines(options.get(l))));
		return lists;
	}

	private static List<String> lines(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	public Call.QuestionKind getKind() {
		return kind;
	}

	public void setKind(Call.QuestionKind kind) {
		this.kind = kind;
	}

	public boolean isRequired() {
		return required;
	}

	public void setRequired(boolean required) {
		this.required = required;
	}

	public Map<Language, String> getLabel() {
		return label;
	}

	public void setLabel(Map<Language, String> label) {
		this.label = label == null ? new LinkedHashMap<>() : label;
	}

	public Map<Language, String> getOptions() {
		return options;
	}

	public void setOptions(Map<Language, String> options) {
		this.options = options == null ? new LinkedHashMap<>() : options;
	}

}
