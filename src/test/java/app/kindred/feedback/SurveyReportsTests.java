package app.kindred.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.kindred.core.Language;
import app.kindred.feedback.internal.Breakdown;
import app.kindred.feedback.internal.Breakdown.Tally;
import app.kindred.feedback.internal.Distribution;
import app.kindred.feedback.internal.Moment;
import app.kindred.feedback.internal.QuestionReport;
import app.kindred.feedback.internal.Response;
import app.kindred.feedback.internal.Survey;
import app.kindred.feedback.internal.SurveyReports;
import app.kindred.organisation.OrganisationId;
import app.kindred.programme.ProgrammeId;

/**
 * The report's rules without a database: nothing from fewer than five respondents, per
 * survey, question, free text, breakdown row and cell; the counts add up; codes seen
 * twice are dropped from the pairs.
 */
class SurveyReportsTests {

	private static final UUID BIG = UUID.randomUUID();

	private static final UUID SMALL = UUID.randomUUID();

	private final Map<UUID, Integer> numbers = Map.of(BIG, 1, SMALL, 2);

	@Test
	void fourAnswersHoldNoFigureAtAll() {
		var report = SurveyReports.of(feedbackSurvey(), answers(4, 0), 10, numbers, Language.EN);
		assertThat(report.suppressed()).isTrue();
		assertThat(report.answered()).isNull();
		assertThat(report.ratePercent()).isNull();
		assertThat(report.breakdowns()).isEmpty();
		for (var q : report.questions()) {
			assertThat(q.distribution().bars()).isEmpty();
			assertThat(q.distribution().moments()).isNull();
			assertThat(q.texts()).isEmpty();
		}
	}

	@Test
	void fiveAnswersShowTheDistributionAndTheTexts() {
		var report = SurveyReports.of(feedbackSurvey(), answers(5, 0), 10, numbers, Language.EN);
		assertThat(report.answered()).isEqualTo(5);
		assertThat(report.ratePercent()).isEqualTo(50.0);
		var useful = report.questions().get(0).distribution();
		assertThat(useful.bars()).hasSize(5);
		assertThat(useful.bars().stream().mapToLong(Distribution.Bar::count).sum()).isEqualTo(5);
		assertThat(useful.bars().get(0).label()).isEqualTo("1 Disagree");
		assertThat(useful.moments().n()).isEqualTo(5);
		assertThat(useful.moments().mean()).isEqualTo(3.0);
		var words = report.questions().get(2);
		assertThat(words.texts()).hasSize(5);
		assertThat(words.textsSuppressed()).isFalse();
	}

	@Test
	void freeTextsFromFewerThanFiveStayHiddenEvenInABigSurvey() {
		var answers = answers(12, 0);
		var withFewTexts = new ArrayList<Response>();
		for (int i = 0; i < answers.size(); i++) {
			var r = answers.get(i);
			var items = i < 4 ? r.items() : r.items().stream().filter(t -> t.text() == null).toList();
			withFewTexts.add(new Response(r.id(), r.group(), r.language(), r.day(), null, null, items));
		}
		var words = SurveyReports.of(feedbackSurvey(), withFewTexts, 12, numbers, Language.EN).questions().get(2);
		assertThat(words.textsSuppressed()).isTrue();
		assertThat(words.texts()).isEmpty();
	}

	@Test
	void aBreakdownHidesTheRowsUnderFiveAndTheRowsThatWouldGiveThemAway() {
		// 8 in group 1, 4 in group 2; 9 in English, 3 in Finnish: the total of 12 is
		// shown,
		// so showing group 1's 8 would give group 2's 4 away by subtraction
		var report = SurveyReports.of(feedbackSurvey(), answers(8, 4), 12, numbers, Language.EN);
		var byGroup = report.breakdowns().stream().filter(b -> b.dimension().equals("group")).findFirst().orElseThrow();
		assertThat(byGroup.rows()).extracting(Breakdown.Row::labelArgument).containsExactly("1", "2");
		assertThat(byGroup.rows()).allMatch(Breakdown.Row::suppressed);
		assertThat(byGroup.rows()).allMatch(r -> r.cells().stream().allMatch(Breakdown.Cell::suppressed));
		var byLanguage = report.breakdowns().get(1);
		assertThat(byLanguage.rows()).extracting(Breakdown.Row::respondents).containsExactly(null, null);
	}

	@Test
	void aCellUnderFiveIsHiddenWithTheSmallestCellBesideIt() {
		var breakdown = Breakdown.of("group", List.of("item 1", "item 2"),
				List.of(new Breakdown.Counted("k", "1", 9, List.of(new Tally(9, 3.0), new Tally(4, 2.0))),
						new Breakdown.Counted("k", "2", 8, List.of(new Tally(8, 4.0), new Tally(8, 4.5))),
						new Breakdown.Counted("k", "3", 6, List.of(new Tally(6, 3.5), new Tally(6, 2.5))),
						new Breakdown.Counted("k", "4", 3, List.of(new Tally(3, 1.0), new Tally(3, 1.0)))));
		// Group 4's 3 are withheld, and with them group 3's 6, the smallest shown: 9
		// withheld
		assertThat(breakdown.rows()).extracting(Breakdown.Row::respondents).containsExactly(9L, 8L, null, null);
		// Item 2: group 1's 4 withheld beside group 4's 3 make 7, so nothing more goes
		assertThat(breakdown.rows().get(0).cells()).extracting(Breakdown.Cell::mean).containsExactly(3.0, null);
		assertThat(breakdown.rows().get(1).cells()).extracting(Breakdown.Cell::mean).containsExactly(4.0, 4.5);
	}

	@Test
	void countsFromPooledAggregatesMakeTheSameQuestion() {
		var question = FeedbackForms.FEEDBACK.questions().get(0);
		var pooled = QuestionReport.of("x", question, FeedbackForms.FEEDBACK, Language.FI, Map.of(1, 3L, 5, 4L), 7,
				null);
		assertThat(pooled.distribution().bars()).extracting(Distribution.Bar::count)
			.containsExactly(3L, 0L, 0L, 0L, 4L);
		assertThat(pooled.distribution().bars().get(4).label()).isEqualTo("5 Samaa");
		assertThat(pooled.distribution().moments().mean()).isEqualTo((3 * 1 + 4 * 5) / 7.0);
		var few = QuestionReport.of("x", question, FeedbackForms.FEEDBACK, Language.FI, Map.of(1, 4L), 4, null);
		assertThat(few.distribution().suppressed()).isTrue();
		assertThat(few.distribution().bars()).isEmpty();
	}

	@Test
	void aCodeGivenTwiceInOneSurveyIsLeftOutOfThePairs() {
		var before = measureSurvey(Moment.BEFORE_FIRST);
		var after = measureSurvey(Moment.AFTER_LAST);
		var first = new ArrayList<Response>();
		var second = new ArrayList<Response>();
		for (int i = 0; i < 5; i++) {
			first.add(scored("c" + i, 2.0 + i * 0.1));
			second.add(scored("c" + i, 3.0 + i * 0.2));
		}
		first.add(scored("twice", 1));
		first.add(scored("twice", 1.5));
		second.add(scored("twice", 5));
		var report = SurveyReports.prePost(before, first, after, second, Language.EN);
		assertThat(report.ambiguous()).isTrue();
		assertThat(report.pairs()).isEqualTo(5);
		assertThat(report.result().meanChange()).isEqualTo(1.2, within(1e-9));
		assertThat(report.direction()).isEqualTo("rose");
		assertThat(report.scaleMin()).isEqualTo(1.0);
		assertThat(report.scaleMax()).isEqualTo(5.0);
		first.remove(0);
		assertThat(SurveyReports.prePost(before, first, after, second, Language.EN).suppressed()).isTrue();
	}

	private static Survey feedbackSurvey() {
		return FeedbackForms.survey(new ProgrammeId(UUID.randomUUID()), new OrganisationId(UUID.randomUUID()),
				FeedbackForms.FEEDBACK, Moment.AFTER_LAST, Instant.now());
	}

	private static Survey measureSurvey(Moment moment) {
		return FeedbackForms.survey(new ProgrammeId(UUID.randomUUID()), new OrganisationId(UUID.randomUUID()),
				FeedbackForms.MEASURE, moment, Instant.now());
	}

	/**
	 * {@code big} answers in group 1 then {@code small} in group 2; every fourth in
	 * Finnish.
	 */
	private List<Response> answers(int big, int small) {
		var list = new ArrayList<Response>();
		for (int i = 0; i < big + small; i++) {
			list.add(new Response(UUID.randomUUID(), i < big ? BIG : SMALL, i % 4 == 3 ? Language.FI : Language.EN,
					LocalDate.now(), null, null,
					List.of(new Response.Item(UUID.randomUUID(), "useful", 1 + i % 5, null, null, false, false),
							new Response.Item(UUID.randomUUID(), "liked", 1 + i % 3, null, null, false, false),
							new Response.Item(UUID.randomUUID(), "words", null, null, "text " + i, true, false))));
		}
		return list;
	}

	private static Response scored(String code, double score) {
		return new Response(UUID.randomUUID(), null, Language.EN, LocalDate.now(), code, BigDecimal.valueOf(score),
				List.of());
	}

}
