package app.kindred.recruitment.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.validation.BindingResult;

import app.kindred.core.Language;
import app.kindred.recruitment.Call;

/** A new consent text, in each of the programme's languages. */
class ConsentForm {

	static final int TEXT_MAX = 1000;

	static final int MAX_CONSENTS = 10;

	private Map<Language, String> text = new LinkedHashMap<>();

	/** Every language has its text, and the call has room for one more consent. */
	boolean check(Set<Language> languages, Call call, BindingResult result) {
		for (var language : languages) {
			var value = text.get(language);
			if (value == null || value.isBlank()) {
				result.rejectValue("text[" + language + "]", "NotBlank");
			}
			else if (value.strip().length() > TEXT_MAX) {
				result.rejectValue("text[" + language + "]", "Size", new Object[] { "", TEXT_MAX, 0 }, null);
			}
		}
		if (call.consents().size() >= MAX_CONSENTS) {
			result.reject("calls.consent.tooMany", new Object[] { MAX_CONSENTS }, null);
		}
		return !result.hasErrors();
	}

	Map<Language, String> texts(Set<Language> languages) {
		var texts = new EnumMap<Language, String>(Language.class);
		languages.forEach(l -> texts.put(l, text.get(l).strip()));
		return texts;
	}

	public Map<Language, String> getText() {
		return text;
	}

	public void setText(Map<Language, String> text) {
		this.text = text == null ? new LinkedHashMap<>() : text;
	}

}
