package app.kindred.feedback.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.feedback.SurveyKind;
import app.kindred.feedback.internal.Breakdown.Counted;
import app.kindred.feedback.internal.Breakdown.Tally;
import app.kindred.feedback.internal.Distribution.Moments;
import app.kindred.feedback.internal.NetworkReportStore.Choice;
import app.kindred.feedback.internal.NetworkReportStore.Answered;
import app.kindred.feedback.internal.NetworkReportStore.Pair;
import app.kindred.feedback.internal.NetworkReportStore.Respondents;
import app.kindred.feedback.internal.NetworkReportStore.Scope;
import app.kindred.feedback.internal.NetworkReportStore.Value;
import app.kindred.feedback.internal.SurveyDefinition.Question;
import app.kindred.feedback.internal.SurveyDefinition.QuestionType;
import app.kindred.feedback.internal.SurveyReport.Instrument;
import app.kindred.identity.AccountId;
import app.kindred.organisation.Networks;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;

/**
 * The network's report for its admins and coordinators: the accepted members' answers to
 * Kindred's own forms and to the instruments they imported, pooled by the form's key and
 * its questions' keys, drawn with the programme report's model so that both look and
 * behave alike. The store counts and averages in the database (per form, moment,
 * organisation and question); only the measures' pre/post score pairs come one by one.
 * Free-text answers stay in their programme's report.
 */
@Service
public class NetworkReports {

	/** Kindred's own forms, in the order the report shows them. */
	public static final List<String> KINDRED_FORMS = List.of("kindred-participant-feedback", "kindred-mentor-feedback",
			"kindred-self-compassion");

	static final String ROW = "feedback.network.row";

	private final NetworkReportStore store;

	private final Networks networks;

	private final Organisations organisations;

	NetworkReports(NetworkReportStore store, Networks networks, Organisations organisations) {
		this.store = store;
		this.networks = networks;
		this.organisations = organisations;
	}

	/**
	 * The report, for the network's admins and coordinators. A university's id, like an
	 * organisation the viewer is not staff of, answers 404; the network's teachers 403.
	 */
	@Transactional(readOnly = true)
	public NetworkReport report(OrganisationId network, AccountId viewer, Integer year, Language language) {
		if (!networks.isNetwork(network)) {
			throw new NotFoundException("network");
		}
		var summary = organisations.require(network, viewer, Role.ORG_ADMIN, Role.COORDINATOR);
		if (year != null && (year < 2000 || year > 2099)) {
			throw Refused.invalid("year", "feedback.network.year.invalid");
		}
		var names = new LinkedHashMap<UUID, String>();
		networks.members(network)
			.forEach(m -> names.put(m.value(), organisations.find(m).map(OrganisationSummary::name).orElse("")));
		if (names.isEmpty()) {
			return new NetworkReport(summary, year, List.of(), List.of(), List.of(), List.of());
		}
		var ids = List.copyOf(names.keySet());
		var keys = new ArrayList<>(KINDRED_FORMS);
		store.importedKeys(ids).stream().filter(k -> !keys.contains(k)).forEach(keys::add);
		var scope = new Scope(keys, ids, year);
		var respondents = store.respondents(scope);
		var forms = new LinkedHashMap<String, SurveyDefinition>();
		for (var key : keys) {
			if (respondents.stream().anyMatch(r -> r.formKey().equals(key))) {
				store.form(key, ids).ifPresent(form -> forms.put(key, form));
			}
		}
		var multiple = forms.values()
			.stream()
			.flatMap(f -> f.questions().stream())
			.filter(q -> q.type() == QuestionType.MULTIPLE)
			.map(Question::key)
			.distinct()
			.toList();
		var pooled = new Pooled(respondents, store.choices(scope), store.answered(scope, multiple),
				store.amounts(scope), store.scores(scope), 0);
		var invited = invited(scope);
		var surveys = new ArrayList<SurveyReport>();
		var prePost = new ArrayList<PrePostReport>();
		for (var entry : forms.entrySet()) {
			var key = entry.getKey();
			var form = entry.getValue();
			for (var moment : Moment.values()) {
				var here = pooled.at(key, moment, invited);
				if (!here.respondents.isEmpty()) {
					surveys.add(survey(form, moment, names, here, language));
				}
			}
			if (form.kind() == SurveyKind.MEASURE && SurveyReports.scored(form)) {
				prePost.add(prePost(form, store.pairs(key, scope), store.ambiguous(key, scope), language));
			}
		}
		return new NetworkReport(summary, year, store.years(ids), List.copyOf(names.values()), surveys, prePost);
	}

	private Map<String, Integer> invited(Scope scope) {
		var invited = new HashMap<String, Integer>();
		store.invited(scope).forEach(i -> invited.put(i.formKey() + "/" + i.moment(), i.invited()));
		return invited;
	}

	/**
	 * The store's aggregates, for all forms or for one form at one moment (then with how
	 * many were invited to it).
	 */
	private record Pooled(List<Respondents> respondents, List<Choice> choices, List<Answered> answered,
			List<Value> amounts, List<Value> scores, int invited) {

		Pooled at(String key, Moment moment, Map<String, Integer> invited) {
			return new Pooled(of(respondents, r -> r.formKey().equals(key) && r.moment().equals(moment.name())),
					of(choices, c -> c.formKey().equals(key) && c.moment().equals(moment.name())),
					of(answered, a -> a.formKey().equals(key) && a.moment().equals(moment.name())),
					of(amounts, a -> a.formKey().equals(key) && a.moment().equals(moment.name())),
					of(scores, s -> s.formKey().equals(key) && s.moment().equals(moment.name())),
					invited.getOrDefault(key + "/" + moment.name(), 0));
		}

		private static <T> List<T> of(List<T> rows, Predicate<T> which) {
			return rows.stream().filter(which).toList();
		}

	}

	private SurveyReport survey(SurveyDefinition form, Moment moment, Map<UUID, String> names, Pooled pooled,
			Language language) {
		var id = UUID.nameUUIDFromBytes((form.key() + "/" + moment).getBytes(StandardCharsets.UTF_8));
		var prefix = "n" + id.toString().substring(0, 8);
		long answered = pooled.respondents.stream().mapToLong(Respondents::respondents).sum();
		long invited = pooled.invited;
		boolean shown = Anonymity.shown(answered);
		var questions = new ArrayList<QuestionReport>();
		for (var q : form.questions()) {
			if (q.type() == QuestionType.TEXT) {
				continue;
			}
			var qid = prefix + "-" + q.key().replaceAll("[^A-Za-z0-9_-]", "_");
			questions.add(shown ? question(qid, q, form, pooled, language)
					: QuestionReport.of(qid, q, form, language, Map.of(), 0, null));
		}
		Distribution score = null;
		if (SurveyReports.scored(form)) {
			var values = new ArrayList<Double>();
			pooled.scores.forEach(v -> {
				for (int i = 0; i < v.count(); i++) {
					values.add(v.amount().doubleValue());
				}
			});
			score = SurveyReports.scores(prefix + "-score", SurveyReports.scoreLabel(form, language),
					SurveyReports.range(form),
					shown ? values.stream().mapToDouble(Double::doubleValue).toArray() : new double[0], language);
		}
		var breakdowns = shown ? List.of(byUniversity(form, names, pooled, language)) : List.<Breakdown>of();
		return new SurveyReport(id, form.key(), form.kind(), moment, SurveyDefinition.in(form.title(), language),
				instrument(form, language), invited, shown ? answered : null,
				shown && invited > 0 ? Math.min(100.0, 100.0 * answered / invited) : null, null, null,
				List.copyOf(questions), score, List.of(), breakdowns);
	}

	private static QuestionReport question(String id, Question q, SurveyDefinition form, Pooled pooled,
			Language language) {
		var counts = new HashMap<Integer, Long>();
		long respondents;
		Moments moments = null;
		if (q.type() == QuestionType.NUMBER) {
			var values = pooled.amounts.stream().filter(a -> a.question().equals(q.key())).toList();
			values.forEach(v -> counts.merge((int) Math.round(v.amount().doubleValue()), (long) v.count(), Long::sum));
			respondents = values.stream().mapToLong(Value::count).sum();
			var weighted = new HashMap<Double, Long>();
			values.forEach(v -> weighted.merge(v.amount().doubleValue(), (long) v.count(), Long::sum));
			moments = Moments.ofCounts(weighted);
		}
		else {
			pooled.choices.stream()
				.filter(c -> c.question().equals(q.key()))
				.forEach(c -> counts.merge(c.choice(), (long) c.count(), Long::sum));
			// One item per respondent, but for several options ticked
			respondents = q.type() == QuestionType.MULTIPLE ? pooled.answered.stream()
				.filter(a -> a.question().equals(q.key()))
				.mapToLong(Answered::respondents)
				.sum() : counts.values().stream().mapToLong(Long::longValue).sum();
			// a Likert item's mean and SD QuestionReport works out from the counts
		}
		return QuestionReport.of(id, q, form, language, counts, respondents, moments);
	}

	/**
	 * One row per member university: its respondents and the mean of each Likert item and
	 * of the score, each column withheld cell by cell as {@link Suppression} says, and a
	 * row whose respondents are withheld shows nothing.
	 */
	private static Breakdown byUniversity(SurveyDefinition form, Map<UUID, String> names, Pooled pooled,
			Language language) {
		var likert = form.questions().stream().filter(q -> q.type() == QuestionType.LIKERT).toList();
		boolean scored = SurveyReports.scored(form);
		var columns = new ArrayList<String>();
		likert.forEach(q -> columns.add(SurveyDefinition.in(q.text(), language)));
		if (scored) {
			columns.add(SurveyReports.scoreLabel(form, language));
		}
		var respondents = new HashMap<UUID, Integer>();
		names.keySet().forEach(id -> respondents.put(id, 0));
		pooled.respondents.forEach(r -> respondents.merge(r.organisationId(), r.respondents(), Integer::sum));
		var tallies = new LinkedHashMap<UUID, List<Tally>>();
		names.keySet().forEach(id -> tallies.put(id, new ArrayList<>()));
		for (var q : likert) {
			var n = new HashMap<UUID, Integer>();
			var sums = new HashMap<UUID, Long>();
			pooled.choices.stream().filter(c -> c.question().equals(q.key())).forEach(c -> {
				n.merge(c.organisationId(), c.count(), Integer::sum);
				sums.merge(c.organisationId(), (long) c.choice() * c.count(), Long::sum);
			});
			tallies.forEach((id, row) -> row
				.add(sums.containsKey(id) ? new Tally(n.get(id), (double) sums.get(id) / n.get(id)) : new Tally(0, 0)));
		}
		if (scored) {
			var scores = new HashMap<UUID, Tally>();
			pooled.respondents.stream()
				.filter(r -> r.meanScore() != null)
				.forEach(r -> scores.put(r.organisationId(), new Tally(r.scored(), r.meanScore().doubleValue())));
			tallies.forEach((id, row) -> row.add(scores.getOrDefault(id, new Tally(0, 0))));
		}
		var rows = new ArrayList<Counted>();
		names.forEach((id, name) -> rows.add(new Counted(ROW, name, respondents.get(id), tallies.get(id))));
		return Breakdown.of("university", columns, rows);
	}

	private static PrePostReport prePost(SurveyDefinition form, List<Pair> pairs, boolean ambiguous,
			Language language) {
		var range = SurveyReports.range(form);
		return PrePostReport.of(form.key(), SurveyDefinition.in(form.title(), language),
				SurveyReports.scoreLabel(form, language), range[0], range[1], ambiguous,
				pairs.stream().mapToDouble(p -> p.before().doubleValue()).toArray(),
				pairs.stream().mapToDouble(p -> p.after().doubleValue()).toArray());
	}

	/** Where a measure comes from, as the programme's report says it. */
	private static Instrument instrument(SurveyDefinition form, Language language) {
		if (form.kind() != SurveyKind.MEASURE && !form.validated()) {
			return null;
		}
		boolean own = form.key().startsWith("kindred-") && !form.validated();
		return new Instrument(SurveyDefinition.in(form.title(), language), form.validated(), own,
				SurveyDefinition.in(form.source(), language), SurveyDefinition.in(form.terms(), language));
	}

}
