package app.kindred.feedback.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.validation.BindingResult;

import app.kindred.core.Language;
import app.kindred.feedback.internal.SurveyDefinition;

/**
 * A form's title and introduction in each of its languages. The introduction may be left
 * out, but then in every language, as a form says the same in each.
 */
class FormTextsForm {

	static final int TITLE_MAX = 200;

	static final int INTRODUCTION_MAX = 4000;

	private Map<Language, String> title = new LinkedHashMap<>();

	private Map<Language, String> introduction = new LinkedHashMap<>();

	static FormTextsForm of(SurveyDefinition form) {
		var f = new FormTextsForm();
		f.title.putAll(form.title());
		f.introduction.putAll(form.introduction());
		return f;
	}

	record Texts(Map<Language, String> title, Map<Language, String> introduction) {
	}

	Optional<Texts> check(Set<Language> languages, BindingResult result) {
		var titles = new EnumMap<Language, String>(Language.class);
		var introductions = new EnumMap<Language, String>(Language.class);
		for (var language : languages) {
			var t = strip(title.get(language));
			if (t.isEmpty()) {
				result.rejectValue("title[" + language + "]", "NotBlank");
			}
			else if (t.length() > TITLE_MAX) {
				result.rejectValue("title[" + language + "]", "Size", new Object[] { "", TITLE_MAX, 0 }, null);
			}
			titles.put(language, t);
			var i = strip(introduction.get(language));
			if (i.length() > INTRODUCTION_MAX) {
				result.rejectValue("introduction[" + language + "]", "Size", new Object[] { "", INTRODUCTION_MAX, 0 },
						null);
			}
			if (!i.isEmpty()) {
				introductions.put(language, i);
			}
		}
		if (!introductions.isEmpty()) {
			for (var language : languages) {
				if (!introductions.containsKey(language)) {
					result.rejectValue("introduction[" + language + "]", "feedback.edit.introductionEverywhere");
				}
			}
		}
		return result.hasErrors() ? Optional.empty() : Optional.of(new Texts(titles, introductions));
	}

	private static String strip(String text) {
		return text == null ? "" : text.strip();
	}

	public Map<Language, String> getTitle() {
		return title;
	}

	public void setTitle(Map<Language, String> title) {
		this.title = title == null ? new LinkedHashMap<>() : title;
	}

	public Map<Language, String> getIntroduction() {
		return introduction;
	}

	public void setIntroduction(Map<Language, String> introduction) {
		this.introduction = introduction == null ? new LinkedHashMap<>() : introduction;
	}

}
