package app.kindred.feedback.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import app.kindred.core.Language;
import app.kindred.feedback.SurveyKind;
import app.kindred.feedback.internal.Breakdown.Tally;
import app.kindred.feedback.internal.Distribution.Moments;
import app.kindred.feedback.internal.QuestionReport.FreeText;
import app.kindred.feedback.internal.SurveyDefinition.Question;
import app.kindred.feedback.internal.SurveyDefinition.QuestionType;
import app.kindred.feedback.internal.SurveyReport.Instrument;

/**
 * Builds a survey's report, and the pre/post comparison of a measure, from its written
 * answers: pure functions of the rows, so that the rules (five or more everywhere, codes
 * seen twice dropped) are tested without a database.
 */
public final class SurveyReports {

	private SurveyReports() {
	}

	/**
	 * @param groupNumbers the programme's published groups' numbers by id (answers from a
	 * group no longer published count as "not in a group")
	 */
	public static SurveyReport of(Survey survey, List<Response> responses, long invited,
			Map<UUID, Integer> groupNumbers, Language language) {
		var form = survey.form();
		var title = SurveyDefinition.in(form.title(), language);
		var prefix = survey.id().toString().substring(0, 8);
		long answered = responses.size();
		boolean shown = Anonymity.shown(answered);
		var questions = new ArrayList<QuestionReport>();
		for (var q : form.questions()) {
			var id = prefix + "-" + q.key().replaceAll("[^A-Za-z0-9_-]", "_");
			questions.add(shown ? question(id, q, form, language, responses)
					: QuestionReport.ofTexts(id, q, language, List.of()));
		}
		Distribution score = null;
		var subscales = new ArrayList<Distribution>();
		if (scored(form)) {
			var label = scoreLabel(form, language);
			var range = range(form);
			score = scores(prefix + "-score", label, range,
					responses.stream()
						.map(Response::score)
						.filter(Objects::nonNull)
						.mapToDouble(BigDecimal::doubleValue)
						.toArray(),
					language);
			if (form.scoring().subscales() != null) {
				for (var sub : form.scoring().subscales()) {
					// the instrument's authors advise against reporting these
					if (!sub.reported()) {
						continue;
					}
					var values = responses.stream()
						.map(r -> subscale(form, sub.items(), r))
						.filter(Objects::nonNull)
						.mapToDouble(Double::doubleValue)
						.toArray();
					subscales.add(scores(prefix + "-sub-" + sub.key(), SurveyDefinition.in(sub.label(), language),
							new double[] { range[0] / scoringDivisor(form), range[1] / scoringDivisor(form) }, values,
							language));
				}
			}
		}
		var breakdowns = shown ? breakdowns(form, responses, groupNumbers, language) : List.<Breakdown>of();
		return new SurveyReport(survey.id(), survey.formKey(), survey.kind(), survey.moment(), title,
				instrument(survey, language), invited, shown ? answered : null,
				shown && invited > 0 ? Math.min(100.0, 100.0 * answered / invited) : null, survey.opensAt(),
				survey.closesAt(), List.copyOf(questions), score, List.copyOf(subscales), breakdowns);
	}

	/**
	 * The measure before and after, paired by code: a code seen more than once in one
	 * survey is ambiguous and left out, and only answers with a score count.
	 */
	public static PrePostReport prePost(Survey before, List<Response> beforeAnswers, Survey after,
			List<Response> afterAnswers, Language language) {
		var ambiguous = new boolean[1];
		var first = byCode(beforeAnswers, ambiguous);
		var second = byCode(afterAnswers, ambiguous);
		var codes = new ArrayList<>(first.keySet());
		codes.retainAll(second.keySet());
		codes.sort(Comparator.naturalOrder());
		var b = codes.stream().mapToDouble(first::get).toArray();
		var a = codes.stream().mapToDouble(second::get).toArray();
		var form = after.form();
		var range = range(form);
		return PrePostReport.of(after.formKey(), SurveyDefinition.in(form.title(), language),
				scoreLabel(form, language), range[0], range[1], ambiguous[0], b, a);
	}

	static boolean scored(SurveyDefinition form) {
		return form.scoring() != null && form.scoring().items() != null && !form.scoring().items().isEmpty();
	}

	private static Map<String, Double> byCode(List<Response> responses, boolean[] ambiguous) {
		var seen = new HashMap<String, Integer>();
		responses.stream().filter(r -> r.pairCode() != null).forEach(r -> seen.merge(r.pairCode(), 1, Integer::sum));
		var scores = new HashMap<String, Double>();
		for (var r : responses) {
			if (r.pairCode() == null || r.score() == null) {
				continue;
			}
			if (seen.get(r.pairCode()) > 1) {
				ambiguous[0] = true;
				continue;
			}
			scores.put(r.pairCode(), r.score().doubleValue());
		}
		return scores;
	}

	private static QuestionReport question(String id, Question q, SurveyDefinition form, Language language,
			List<Response> responses) {
		var items = responses.stream()
			.flatMap(r -> r.items().stream().filter(i -> i.question().equals(q.key())).map(i -> Map.entry(r.id(), i)))
			.toList();
		long respondents = items.stream().map(Map.Entry::getKey).distinct().count();
		if (q.type() == QuestionType.TEXT) {
			return QuestionReport.ofTexts(id, q, language,
					items.stream()
						.map(Map.Entry::getValue)
						.filter(i -> i.text() != null && !i.text().isBlank())
						.map(i -> new FreeText(i.id(), i.text(), i.quotable(), i.quoted()))
						.toList());
		}
		var counts = new HashMap<Integer, Long>();
		Moments moments = null;
		if (q.type() == QuestionType.NUMBER) {
			var values = items.stream()
				.map(e -> e.getValue().amount())
				.filter(Objects::nonNull)
				.mapToDouble(BigDecimal::doubleValue)
				.toArray();
			for (var v : values) {
				counts.merge((int) Math.round(v), 1L, Long::sum);
			}
			moments = Moments.of(values);
		}
		else {
			items.stream()
				.map(e -> e.getValue().choice())
				.filter(Objects::nonNull)
				.forEach(c -> counts.merge(c, 1L, Long::sum));
		}
		return QuestionReport.of(id, q, form, language, counts, respondents, moments);
	}

	/**
	 * A score's distribution in bins half a scale point wide (per item for sums), in the
	 * programme's report and the network's alike.
	 */
	static Distribution scores(String id, String label, double[] range, double[] values, Language language) {
		double width = 0.5;
		int bins = Math.max(1, (int) Math.ceil((range[1] - range[0]) / width));
		if (bins > 40) {
			width = (range[1] - range[0]) / 20;
			bins = 20;
		}
		var labels = new LinkedHashMap<Integer, String>();
		var locale = language.locale();
		for (int i = 0; i < bins; i++) {
			labels.put(i, String.format(locale, "%.1f–%.1f", range[0] + i * width, range[0] + (i + 1) * width));
		}
		var counts = new HashMap<Integer, Long>();
		for (var v : values) {
			int bin = (int) Math.floor((v - range[0]) / width);
			counts.merge(Math.max(0, Math.min(bins - 1, bin)), 1L, Long::sum);
		}
		return Distribution.of(id, label, values.length, labels, counts, Moments.of(values));
	}

	/** The lowest and highest score the rule can give. */
	static double[] range(SurveyDefinition form) {
		var scoring = form.scoring();
		var first = scoring.items().isEmpty() ? null : form.question(scoring.items().get(0)).orElse(null);
		var scale = first == null || form.scales() == null ? null : form.scales().get(first.scale());
		double min = scale == null ? 1 : scale.min();
		double max = scale == null ? 5 : scale.max();
		double divisor = scoringDivisor(form);
		return new double[] { min * divisor, max * divisor };
	}

	private static double scoringDivisor(SurveyDefinition form) {
		return "SUM".equals(form.scoring().method()) ? form.scoring().items().size() : 1;
	}

	/** A subscale's mean after reverse scoring, only when all its items were answered. */
	private static Double subscale(SurveyDefinition form, List<String> keys, Response response) {
		if (keys == null || keys.isEmpty()) {
			return null;
		}
		double sum = 0;
		for (var key : keys) {
			var question = form.question(key).orElse(null);
			var item = response.items()
				.stream()
				.filter(i -> i.question().equals(key) && i.choice() != null)
				.findFirst()
				.orElse(null);
			if (question == null || item == null) {
				return null;
			}
			var scale = form.scales() == null ? null : form.scales().get(question.scale());
			sum += question.reverse() && scale != null ? scale.min() + scale.max() - item.choice() : item.choice();
		}
		return sum / keys.size();
	}

	static String scoreLabel(SurveyDefinition form, Language language) {
		var label = form.scoring() == null ? null : SurveyDefinition.in(form.scoring().label(), language);
		return label == null || label.isBlank() ? SurveyDefinition.in(form.title(), language) : label;
	}

	private static Instrument instrument(Survey survey, Language language) {
		var form = survey.form();
		if (survey.kind() != SurveyKind.MEASURE && !form.validated()) {
			return null;
		}
		boolean own = survey.formKey().startsWith("kindred-") && !form.validated();
		return new Instrument(SurveyDefinition.in(form.title(), language), form.validated(), own,
				SurveyDefinition.in(form.source(), language), SurveyDefinition.in(form.terms(), language));
	}

	private static List<Breakdown> breakdowns(SurveyDefinition form, List<Response> responses,
			Map<UUID, Integer> groupNumbers, Language language) {
		var likert = form.questions().stream().filter(q -> q.type() == QuestionType.LIKERT).toList();
		boolean scored = scored(form);
		if (likert.isEmpty() && !scored) {
			return List.of();
		}
		var columns = new ArrayList<String>();
		likert.forEach(q -> columns.add(SurveyDefinition.in(q.text(), language)));
		if (scored) {
			columns.add(scoreLabel(form, language));
		}
		// groups by number, those in none last
		var byGroup = new TreeMap<Integer, List<Response>>();
		// Every published group has its row, one whose answers are all still held back
		// too: it says "fewer than 5 answers" rather than going missing
		groupNumbers.values().forEach(number -> byGroup.put(number, new ArrayList<>()));
		for (var r : responses) {
			var number = r.group() == null ? null : groupNumbers.get(r.group());
			byGroup.computeIfAbsent(number == null ? Integer.MAX_VALUE : number, k -> new ArrayList<>()).add(r);
		}
		var groupRows = new ArrayList<Breakdown.Counted>();
		byGroup.forEach((number,
				rs) -> groupRows.add(number == Integer.MAX_VALUE
						? row("feedback.report.breakdown.row.noGroup", null, rs, likert, scored)
						: row("feedback.report.breakdown.row.group", String.valueOf(number), rs, likert, scored)));
		var byLanguage = new TreeMap<Language, List<Response>>();
		responses.forEach(r -> byLanguage.computeIfAbsent(r.language(), k -> new ArrayList<>()).add(r));
		var languageRows = new ArrayList<Breakdown.Counted>();
		byLanguage.forEach((l, rs) -> languageRows
			.add(row("feedback.report.breakdown.row." + l.code(), null, rs, likert, scored)));
		return List.of(Breakdown.of("group", columns, groupRows), Breakdown.of("language", columns, languageRows));
	}

	private static Breakdown.Counted row(String key, String argument, List<Response> responses, List<Question> likert,
			boolean scored) {
		var cells = new ArrayList<Tally>();
		for (var q : likert) {
			cells.add(cell(responses,
					r -> r.items()
						.stream()
						.filter(i -> i.question().equals(q.key()) && i.choice() != null)
						.findFirst()
						.map(i -> i.choice().doubleValue())
						.orElse(null)));
		}
		if (scored) {
			cells.add(cell(responses, r -> r.score() == null ? null : r.score().doubleValue()));
		}
		return new Breakdown.Counted(key, argument, responses.size(), cells);
	}

	private static Tally cell(List<Response> responses, Function<Response, Double> value) {
		var values = responses.stream().map(value).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
		var moments = Moments.of(values);
		return new Tally(values.length, moments == null ? 0 : moments.mean());
	}

	/**
	 * The free texts shown that their authors let be quoted: the only ones a quote is
	 * chosen from.
	 */
	static Set<UUID> quotable(List<SurveyReport> reports) {
		var ids = new HashSet<UUID>();
		reports.forEach(s -> s.questions()
			.forEach(q -> q.texts().stream().filter(FreeText::quotable).forEach(t -> ids.add(t.itemId()))));
		return ids;
	}

}
