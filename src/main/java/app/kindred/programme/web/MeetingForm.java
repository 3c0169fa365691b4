package app.kindred.programme.web;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.validation.BindingResult;

import app.kindred.core.Language;
import app.kindred.programme.internal.MeetingPlan;
import app.kindred.programme.internal.MeetingText;
import app.kindred.programme.internal.Outline;
import java.util.Arrays;
import java.util.Locale;

/**
 * One meeting of a plan as a coordinator edits it, in every language at once. The outline
 * is typed as lines, minutes first. A language left wholly empty is not written for the
 * meeting; at least one must be.
 */
record MeetingForm(String themeEn, String themeFi, String themeSv, String aimsEn, String aimsFi, String aimsSv,
		String outlineEn, String outlineFi, String outlineSv, String instructionsEn, String instructionsFi,
		String instructionsSv, String remoteEn, String remoteFi, String remoteSv, String campusEn, String campusFi,
		String campusSv) {

	static final int THEME = 200;
	static final int AIMS = 2000;
	static final int INSTRUCTIONS = 8000;
	static final int VARIANT = 4000;

	static MeetingForm of(MeetingPlan meeting) {
		var v = new String[6][3];
		for (var language : Language.values()) {
			var text = meeting.texts().get(language);
			if (text != null) {
				int l = language.ordinal();
				v[0][l] = text.theme();
				v[1][l] = text.aims();
				v[2][l] = Outline.format(text.outline());
				v[3][l] = text.instructions();
				v[4][l] = text.remoteInstructions();
				v[5][l] = text.campusInstructions();
			}
		}
		return new MeetingForm(v[0][0], v[0][1], v[0][2], v[1][0], v[1][1], v[1][2], v[2][0], v[2][1], v[2][2], v[3][0],
				v[3][1], v[3][2], v[4][0], v[4][1], v[4][2], v[5][0], v[5][1], v[5][2]);
	}

	/** The suffix of a language's fields, as in {@code themeFi}. */
	static String suffix(Language language) {
		return language.name().charAt(0) + language.name().substring(1).toLowerCase(Locale.ROOT);
	}

	/**
	 * The minutes of each language's outline as typed, for languages whose outline reads.
	 */
	Map<Language, Integer> totals() {
		var totals = new EnumMap<Language, Integer>(Language.class);
		for (var language : Language.values()) {
			var parsed = Outline.parse(fields(language)[2]);
			if (parsed.problem().isEmpty()) {
				totals.put(language, parsed.totalMinutes());
			}
		}
		return totals;
	}

	/** The texts to store, or empty with each problem at its field. */
	Optional<Map<Language, MeetingText>> check(BindingResult result) {
		var texts = new EnumMap<Language, MeetingText>(Language.class);
		for (var language : Language.values()) {
			var f = fields(language);
			if (Arrays.stream(f).allMatch(MeetingForm::blank)) {
				continue;
			}
			var sfx = suffix(language);
			if (blank(f[0])) {
				result.rejectValue("theme" + sfx, "plans.themeRequired");
			}
			length(result, "theme" + sfx, f[0], THEME);
			length(result, "aims" + sfx, f[1], AIMS);
			length(result, "instructions" + sfx, f[3], INSTRUCTIONS);
			length(result, "remote" + sfx, f[4], VARIANT);
			length(result, "campus" + sfx, f[5], VARIANT);
			var outline = Outline.parse(f[2]);
			outline.problem()
				.ifPresent(p -> result.rejectValue("outline" + sfx, p.code(), new Object[] { p.line() }, null));
			if (!result.hasErrors()) {
				texts.put(language, new MeetingText(f[0].strip(), clean(f[1]), outline.items(), clean(f[3]),
						clean(f[4]), clean(f[5])));
			}
		}
		if (texts.isEmpty() && !result.hasErrors()) {
			result.rejectValue("themeEn", "plans.noLanguage");
		}
		return result.hasErrors() ? Optional.empty() : Optional.of(texts);
	}

	/** Theme, aims, outline, instructions, remote, on campus: in one language. */
	private String[] fields(Language language) {
		return switch (language) {
			case EN -> new String[] { themeEn, aimsEn, outlineEn, instructionsEn, remoteEn, campusEn };
			case FI -> new String[] { themeFi, aimsFi, outlineFi, instructionsFi, remoteFi, campusFi };
			case SV -> new String[] { themeSv, aimsSv, outlineSv, instructionsSv, remoteSv, campusSv };
		};
	}

	private static void length(BindingResult result, String field, String value, int max) {
		if (!blank(value) && value.strip().length() > max) {
			result.rejectValue(field, "plans.tooLong", new Object[] { max }, null);
		}
	}

	/** Line breaks as typed, in one form whatever the browser sent. */
	private static String clean(String value) {
		return blank(value) ? null : value.strip().replace("\r\n", "\n");
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
