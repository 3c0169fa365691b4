package app.kindred.feedback.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.kindred.core.Language;
import app.kindred.feedback.internal.Distribution.Moments;
import app.kindred.feedback.internal.SurveyDefinition.Question;
import app.kindred.feedback.internal.SurveyDefinition.QuestionType;

/**
 * One question in a report: its distribution (scale points, options, numbers) or its
 * free-text answers, in random order and only when at least
 * {@link Anonymity#MIN_RESPONDENTS} gave one. Constructible from counts, so the network
 * report feeds it pooled aggregates.
 */
public record QuestionReport(String key, QuestionType type, String text, Distribution distribution,
		List<FreeText> texts, long textRespondents) {

	/**
	 * A free-text answer; {@code itemId} is what a coordinator ticks to quote it, only
	 * when {@code quotable}.
	 */
	public record FreeText(UUID itemId, String text, boolean quotable, boolean quoted) {
	}

	public boolean isText() {
		return type == QuestionType.TEXT;
	}

	public boolean textsSuppressed() {
		return isText() && !Anonymity.shown(textRespondents);
	}

	public boolean anyQuotable() {
		return texts.stream().anyMatch(FreeText::quotable);
	}

	/**
	 * A LIKERT, SINGLE, MULTIPLE or NUMBER question from counts.
	 * @param counts answers per scale point or option number (NUMBER: per whole value
	 * where its range is at most 20 values, else empty)
	 * @param respondents how many answered the question at all
	 * @param moments mean and SD for LIKERT and NUMBER (null: computed from the counts
	 * for LIKERT)
	 */
	public static QuestionReport of(String id, Question question, SurveyDefinition form, Language language,
			Map<Integer, Long> counts, long respondents, Moments moments) {
		var text = SurveyDefinition.in(question.text(), language);
		var labels = labels(question, form, language);
		var m = switch (question.type()) {
			case LIKERT -> moments != null ? moments : Moments.ofCounts(counts);
			case NUMBER -> moments;
			default -> null;
		};
		return new QuestionReport(question.key(), question.type(), text,
				Distribution.of(id, text, respondents, labels, counts, m), List.of(), 0);
	}

	/** A TEXT question: its answers shuffled, or none under the threshold. */
	public static QuestionReport ofTexts(String id, Question question, Language language, List<FreeText> answers) {
		var text = SurveyDefinition.in(question.text(), language);
		var shown = new ArrayList<FreeText>();
		if (Anonymity.shown(answers.size())) {
			shown.addAll(answers);
			Collections.shuffle(shown);
		}
		return new QuestionReport(question.key(), question.type(), text,
				Distribution.suppressed(id, text, answers.size()), List.copyOf(shown), answers.size());
	}

	/** The bars a question has, in order, by the key its answers are counted under. */
	static Map<Integer, String> labels(Question question, SurveyDefinition form, Language language) {
		var labels = new LinkedHashMap<Integer, String>();
		switch (question.type()) {
			case LIKERT -> {
				var scale = form.scales() == null ? null : form.scales().get(question.scale());
				if (scale != null) {
					var names = labelsIn(scale.labels(), language);
					for (int point = scale.min(); point <= scale.max(); point++) {
						int index = point - scale.min();
						labels.put(point,
								index < names.size() ? point + " " + names.get(index) : String.valueOf(point));
					}
				}
			}
			case SINGLE, MULTIPLE -> {
				var options = labelsIn(question.options(), language);
				for (int i = 0; i < options.size(); i++) {
					labels.put(i + 1, options.get(i));
				}
			}
			case NUMBER -> {
				if (question.min() != null && question.max() != null && question.max() - question.min() <= 20) {
					for (int v = question.min(); v <= question.max(); v++) {
						labels.put(v, String.valueOf(v));
					}
				}
			}
			default -> {
			}
		}
		return labels;
	}

	private static List<String> labelsIn(Map<Language, List<String>> labels, Language language) {
		if (labels == null || labels.isEmpty()) {
			return List.of();
		}
		var in = labels.get(language);
		if (in == null) {
			in = labels.get(Language.EN);
		}
		return in != null ? in : labels.values().iterator().next();
	}

}
