package app.kindred.feedback;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.kindred.core.Language;
import app.kindred.feedback.internal.Answer;
import app.kindred.feedback.internal.Moment;
import app.kindred.feedback.internal.Survey;
import app.kindred.feedback.internal.SurveyDefinition;
import app.kindred.feedback.internal.SurveyDefinition.Question;
import app.kindred.feedback.internal.SurveyDefinition.QuestionType;
import app.kindred.feedback.internal.SurveyDefinition.Scale;
import app.kindred.feedback.internal.SurveyDefinition.Scoring;
import app.kindred.feedback.internal.SurveyDefinition.Subscale;
import app.kindred.organisation.OrganisationId;
import app.kindred.programme.ProgrammeId;

/**
 * Small forms for the report tests: a feedback survey (a Likert item, one choice, a
 * quotable free text) and a three-item measure with a reverse-scored item, a reported
 * subscale and one its authors advise against reporting.
 */
public final class FeedbackForms {

	public static final Scale AGREE = new Scale(1, 5,
			Map.of(Language.EN, List.of("Disagree", "Rather disagree", "Neutral", "Rather agree", "Agree"), Language.FI,
					List.of("Eri mieltä", "Jokseenkin eri mieltä", "Ei samaa eikä eri", "Jokseenkin samaa", "Samaa")));

	public static final SurveyDefinition FEEDBACK = new SurveyDefinition("test-feedback",
			SurveyKind.PARTICIPANT_FEEDBACK, Map.of(Language.EN, "Group feedback"), Map.of(), false, Map.of(), Map.of(),
			Map.of("agree", AGREE),
			List.of(question("useful", QuestionType.LIKERT, "The meetings were useful", "agree", false),
					new Question("liked", QuestionType.SINGLE, Map.of(Language.EN, "What did you like most"), null,
							false, false, Map.of(Language.EN, List.of("The exercises", "The talks", "The people")),
							null, null, false),
					new Question("words", QuestionType.TEXT, Map.of(Language.EN, "In your own words"), null, false,
							false, null, null, null, true)),
			null);

	public static final SurveyDefinition MEASURE = new SurveyDefinition("kindred-test-measure", SurveyKind.MEASURE,
			Map.of(Language.EN, "Self-compassion measure"), Map.of(), false, Map.of(), Map.of(), Map.of("agree", AGREE),
			List.of(question("kind", QuestionType.LIKERT, "I am kind to myself", "agree", false),
					question("harsh", QuestionType.LIKERT, "I am harsh with myself", "agree", true),
					question("common", QuestionType.LIKERT, "Others struggle too", "agree", false)),
			new Scoring("MEAN", List.of("kind", "harsh", "common"), Map.of(Language.EN, "Self-compassion"),
					List.of(new Subscale("kindness", Map.of(Language.EN, "Kindness"), List.of("kind", "harsh"), true),
							new Subscale("humanity", Map.of(Language.EN, "Common humanity hidden"), List.of("common"),
									false))));

	private FeedbackForms() {
	}

	public static Question question(String key, QuestionType type, String text, String scale, boolean reverse) {
		return new Question(key, type, Map.of(Language.EN, text), scale, reverse, false, null, null, null, false);
	}

	public static Survey survey(ProgrammeId programme, OrganisationId organisation, SurveyDefinition form,
			Moment moment, Instant now) {
		return new Survey(UUID.randomUUID(), programme, organisation, form.key(), form.kind(), moment, form,
				now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(3)), false);
	}

	/** A measure's answer: the three items' points, with the respondent's code. */
	public static Answer measure(Survey survey, String code, int kind, int harsh, int common) {
		return new Answer(survey.id(), null, Language.EN, LocalDate.now(), code,
				List.of(new Answer.Item("kind", kind, null, null, false),
						new Answer.Item("harsh", harsh, null, null, false),
						new Answer.Item("common", common, null, null, false)));
	}

}
