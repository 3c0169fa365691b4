package app.kindred.feedback.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.kindred.core.Language;
import app.kindred.feedback.SurveyKind;

/**
 * A survey form as the documented file format holds it (docs/survey-format.md): texts per
 * language, the scales with their labelled points, the questions, and for a measure its
 * scoring rule and where it comes from. Kindred's own forms ship in this format, and an
 * organisation's imported instruments and edited copies are stored in it.
 *
 * @param key stable across copies and organisations: answers pool by it in a network
 * @param validated false for Kindred's own measure, which every report labels as such
 * @param source who made the instrument and where it was published, shown in reports
 * @param terms the terms of use to show in reports
 */
public record SurveyDefinition(String key, SurveyKind kind, Map<Language, String> title,
		Map<Language, String> introduction, boolean validated, Map<Language, String> source,
		Map<Language, String> terms, Map<String, Scale> scales, List<Question> questions, Scoring scoring) {

	public enum QuestionType {

		LIKERT, SINGLE, MULTIPLE, NUMBER, TEXT

	}

	/** Points {@code min..max}, each labelled in every language (labels in order). */
	public record Scale(int min, int max, Map<Language, List<String>> labels) {
	}

	/**
	 * One question. {@code scale} names a scale for LIKERT; {@code reverse} scores it
	 * {@code min + max - answer}; {@code options} are the choices of SINGLE and MULTIPLE,
	 * stored by number from 1; {@code min}/{@code max} bound a NUMBER; {@code quotable}
	 * offers a TEXT answer's author to let it be quoted in public.
	 */
	public record Question(String key, QuestionType type, Map<Language, String> text, String scale, boolean reverse,
			boolean required, Map<Language, List<String>> options, Integer min, Integer max, boolean quotable) {
	}

	/**
	 * The total score: {@code MEAN} or {@code SUM} of {@code items} after reverse
	 * scoring, only when every one of them was answered. Subscales the authors advise
	 * against are listed with {@code reported = false} and never shown.
	 */
	public record Scoring(String method, List<String> items, Map<Language, String> label, List<Subscale> subscales) {
	}

	public record Subscale(String key, Map<Language, String> label, List<String> items, boolean reported) {
	}

	public Optional<Question> question(String key) {
		return questions.stream().filter(q -> q.key().equals(key)).findFirst();
	}

	/** A text in the language asked for, else English, else any. */
	public static String in(Map<Language, String> texts, Language language) {
		if (texts == null || texts.isEmpty()) {
			return "";
		}
		return Optional.ofNullable(texts.get(language))
			.or(() -> Optional.ofNullable(texts.get(Language.EN)))
			.orElseGet(() -> texts.values().iterator().next());
	}

}
