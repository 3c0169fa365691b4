package app.kindred.assessment.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.validation.BindingResult;

import app.kindred.assessment.internal.DiaryPrompts;
import app.kindred.core.Language;

/**
 * A programme's own reflection prompts as typed: per occasion (and FREE, for an entry
 * about nothing in particular) and language, one prompt per line; empty leaves Kindred's
 * own. One field each, named {@code trainingEn}, {@code meetingSv}, {@code freeFi}, …
 */
record PromptsForm(String trainingEn, String trainingFi, String trainingSv, String supervisionEn, String supervisionFi,
		String supervisionSv, String meetingEn, String meetingFi, String meetingSv, String freeEn, String freeFi,
		String freeSv) {

	static PromptsForm of(Map<String, Map<Language, String>> stored) {
		var t = new LinkedHashMap<String, String>();
		for (var occasion : DiaryPrompts.OCCASIONS) {
			for (var language : Language.values()) {
				t.put(field(occasion, language), stored.getOrDefault(occasion, Map.of()).getOrDefault(language, ""));
			}
		}
		return new PromptsForm(t.get("trainingEn"), t.get("trainingFi"), t.get("trainingSv"), t.get("supervisionEn"),
				t.get("supervisionFi"), t.get("supervisionSv"), t.get("meetingEn"), t.get("meetingFi"),
				t.get("meetingSv"), t.get("freeEn"), t.get("freeFi"), t.get("freeSv"));
	}

	/** The field holding an occasion's prompts in a language. */
	static String field(String occasion, Language language) {
		var code = language.code();
		return occasion.toLowerCase(Locale.ROOT) + code.substring(0, 1).toUpperCase(Locale.ROOT) + code.substring(1);
	}

	public String text(String occasion, Language language) {
		return switch (field(occasion, language)) {
			case "trainingEn" -> trainingEn;
			case "trainingFi" -> trainingFi;
			case "trainingSv" -> trainingSv;
			case "supervisionEn" -> supervisionEn;
			case "supervisionFi" -> supervisionFi;
			case "supervisionSv" -> supervisionSv;
			case "meetingEn" -> meetingEn;
			case "meetingFi" -> meetingFi;
			case "meetingSv" -> meetingSv;
			case "freeEn" -> freeEn;
			case "freeFi" -> freeFi;
			default -> freeSv;
		};
	}

	/**
	 * The lines per occasion and language, or empty with each problem at its field: at
	 * most {@value DiaryPrompts#MAX_LINES} prompts of at most
	 * {@value DiaryPrompts#LINE_MAX} characters each.
	 */
	Optional<Map<String, Map<Language, List<String>>>> check(BindingResult result) {
		var all = new LinkedHashMap<String, Map<Language, List<String>>>();
		for (var occasion : DiaryPrompts.OCCASIONS) {
			var perLanguage = new EnumMap<Language, List<String>>(Language.class);
			for (var language : Language.values()) {
				var lines = DiaryPrompts.lines(text(occasion, language));
				if (lines.size() > DiaryPrompts.MAX_LINES) {
					result.rejectValue(field(occasion, language), "assessment.prompts.tooMany",
							new Object[] { DiaryPrompts.MAX_LINES }, null);
				}
				else if (lines.stream().anyMatch(l -> l.length() > DiaryPrompts.LINE_MAX)) {
					result.rejectValue(field(occasion, language), "assessment.prompts.tooLong",
							new Object[] { DiaryPrompts.LINE_MAX }, null);
				}
				perLanguage.put(language, lines);
			}
			all.put(occasion, perLanguage);
		}
		return result.hasErrors() ? Optional.empty() : Optional.of(all);
	}

}
