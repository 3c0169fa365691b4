package app.kindred.feedback.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.TTest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.feedback.SurveyKind;
import app.kindred.feedback.internal.NetworkReport.Bar;
import app.kindred.feedback.internal.NetworkReport.Cell;
import app.kindred.feedback.internal.NetworkReport.Change;
import app.kindred.feedback.internal.NetworkReport.Column;
import app.kindred.feedback.internal.NetworkReport.FormReport;
import app.kindred.feedback.internal.NetworkReport.MomentReport;
import app.kindred.feedback.internal.NetworkReport.QuestionReport;
import app.kindred.feedback.internal.NetworkReport.UniversityRow;
import app.kindred.feedback.internal.NetworkReportStore.Choice;
import app.kindred.feedback.internal.NetworkReportStore.ItemMean;
import app.kindred.feedback.internal.NetworkReportStore.Respondents;
import app.kindred.feedback.internal.NetworkReportStore.Scope;
import app.kindred.feedback.internal.SurveyDefinition.QuestionType;
import app.kindred.identity.AccountId;
import app.kindred.organisation.Networks;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;

/**
 * The network's report for its admins and coordinators: the accepted members' answers to
 * Kindred's own forms and to the instruments they imported, pooled by the form's key, and
 * per university only where a cell holds five answers or more (see {@link Suppression}).
 * The store counts and averages in the database; only the measure's pre/post score pairs
 * are read one by one.
 */
@Service
public class NetworkReports {

	/** Kindred's own forms, in the order the report shows them. */
	public static final List<String> KINDRED_FORMS = List.of("kindred-participant-feedback", "kindred-mentor-feedback",
			"kindred-self-compassion");

	/** Column key of a university's respondents. */
	static final String RESPONDENTS = "respondents";

	/** Column key of a university's mean score. */
	static final String SCORE = "score";

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
	 * organisation the viewer is not staff of, answers 404; a teacher of the network 403.
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
		return build(summary, year, language);
	}

	private NetworkReport build(OrganisationSummary network, Integer year, Language language) {
		var members = networks.members(network.id());
		var names = new LinkedHashMap<UUID, String>();
		members.forEach(m -> names.put(m.value(), organisations.find(m).map(OrganisationSummary::name).orElse("")));
		if (members.isEmpty()) {
			return new NetworkReport(network, year, List.of(), List.of(), List.of());
		}
		var ids = List.copyOf(names.keySet());
		var keys = new ArrayList<>(KINDRED_FORMS);
		store.importedKeys(ids).stream().filter(k -> !keys.contains(k)).forEach(keys::add);
		var scope = new Scope(keys, ids, year);
		var respondents = store.respondents(scope);
		var choices = store.choices(scope);
		var means = store.itemMeans(scope);
		var forms = new ArrayList<FormReport>();
		for (var key : keys) {
			var answered = respondents.stream().filter(r -> r.formKey().equals(key)).toList();
			if (answered.isEmpty()) {
				continue;
			}
			var form = store.form(key, ids);
			if (form.isEmpty()) {
				continue;
			}
			forms.add(form(form.get(), scope, names, answered, choices, means, language));
		}
		return new NetworkReport(network, year, store.years(ids), List.copyOf(names.values()), forms);
	}

	private FormReport form(SurveyDefinition form, Scope scope, Map<UUID, String> names, List<Respondents> answered,
			List<Choice> choices, List<ItemMean> means, Language language) {
		var moments = new ArrayList<MomentReport>();
		for (var moment : Moment.values()) {
			var here = answered.stream().filter(r -> r.moment().equals(moment.name())).toList();
			if (!here.isEmpty()) {
				moments.add(moment(form, moment, names, here,
						choices.stream()
							.filter(c -> c.formKey().equals(form.key()) && c.moment().equals(moment.name()))
							.toList(),
						means.stream()
							.filter(m -> m.formKey().equals(form.key()) && m.moment().equals(moment.name()))
							.toList(),
						language));
			}
		}
		var scoring = form.scoring();
		var scored = scoring != null && scoring.items() != null && !scoring.items().isEmpty();
		var change = form.kind() == SurveyKind.MEASURE && scored ? change(store.pairs(form.key(), scope)) : null;
		return new FormReport(form.key(), form.kind(), SurveyDefinition.in(form.title(), language), form.validated(),
				SurveyDefinition.in(form.source(), language),
				scored ? SurveyDefinition.in(scoring.label(), language) : null, moments, change);
	}

	private MomentReport moment(SurveyDefinition form, Moment moment, Map<UUID, String> names, List<Respondents> rows,
			List<Choice> choices, List<ItemMean> means, Language language) {
		int total = rows.stream().mapToInt(Respondents::respondents).sum();
		boolean shown = total >= Suppression.MINIMUM;
		var questions = new ArrayList<QuestionReport>();
		var columns = new ArrayList<Column>();
		var cells = new LinkedHashMap<UUID, List<Cell>>();
		names.keySet().forEach(id -> cells.put(id, new ArrayList<>()));
		column(columns, cells, new Column(RESPONDENTS, null), shown, respondentsOf(rows, Respondents::respondents),
				countsOf(rows, Respondents::respondents), true);
		var scoring = form.scoring();
		Double meanScore = null;
		if (scoring != null && scoring.items() != null && !scoring.items().isEmpty()) {
			int scored = rows.stream().mapToInt(Respondents::scored).sum();
			if (scored >= Suppression.MINIMUM) {
				meanScore = rows.stream()
					.filter(r -> r.meanScore() != null)
					.mapToDouble(r -> r.meanScore().doubleValue() * r.scored())
					.sum() / scored;
			}
			column(columns, cells, new Column(SCORE, SurveyDefinition.in(scoring.label(), language)),
					scored >= Suppression.MINIMUM, respondentsOf(rows, Respondents::scored),
					mean(rows.stream().filter(r -> r.meanScore() != null).toList(), Respondents::meanScore), false);
		}
		for (var question : form.questions()) {
			if (question.type() == QuestionType.TEXT || question.type() == QuestionType.NUMBER) {
				continue;
			}
			var item = means.stream().filter(m -> m.question().equals(question.key())).toList();
			int answered = item.stream().mapToInt(ItemMean::respondents).sum();
			var counts = choices.stream().filter(c -> c.question().equals(question.key())).toList();
			boolean likert = question.type() == QuestionType.LIKERT;
			boolean questionShown = shown && answered >= Suppression.MINIMUM;
			Double pooledMean = likert && questionShown
					? item.stream().mapToDouble(m -> m.mean().doubleValue() * m.respondents()).sum() / answered : null;
			questions.add(new QuestionReport(question.key(), SurveyDefinition.in(question.text(), language), answered,
					questionShown, pooledMean,
					questionShown ? bars(form, question, counts, answered, language) : List.of()));
			if (likert) {
				column(columns, cells, new Column(question.key(), SurveyDefinition.in(question.text(), language)),
						questionShown, respondentsOf(item, ItemMean::respondents), mean(item, ItemMean::mean), false);
			}
		}
		var universities = names.entrySet()
			.stream()
			.map(e -> new UniversityRow(e.getValue(), cells.get(e.getKey())))
			.toList();
		return new MomentReport(moment, total, shown, meanScore, questions, columns, universities);
	}

	/**
	 * Adds a column: each university's figure where {@link Suppression} lets it be shown
	 * and the pooled figure is shown at all.
	 */
	private static void column(List<Column> columns, Map<UUID, List<Cell>> cells, Column column, boolean pooledShown,
			Map<UUID, Integer> respondents, Map<UUID, Double> values, boolean count) {
		columns.add(column);
		var all = new HashMap<UUID, Integer>();
		cells.keySet().forEach(id -> all.put(id, respondents.getOrDefault(id, 0)));
		var shown = pooledShown ? Suppression.shown(all) : Set.<UUID>of();
		cells.forEach((id, row) -> row.add(new Cell(shown.contains(id) ? values.get(id) : null, count)));
	}

	private static <R> Map<UUID, Integer> respondentsOf(List<R> rows, ToIntFunction<R> n) {
		var counts = new HashMap<UUID, Integer>();
		rows.forEach(r -> counts.merge(organisation(r), n.applyAsInt(r), Integer::sum));
		return counts;
	}

	private static <R> Map<UUID, Double> countsOf(List<R> rows, ToIntFunction<R> n) {
		var values = new HashMap<UUID, Double>();
		rows.forEach(r -> values.merge(organisation(r), (double) n.applyAsInt(r), Double::sum));
		return values;
	}

	private static <R> Map<UUID, Double> mean(List<R> rows, Function<R, BigDecimal> mean) {
		var values = new HashMap<UUID, Double>();
		rows.forEach(r -> values.put(organisation(r), mean.apply(r).doubleValue()));
		return values;
	}

	private static UUID organisation(Object row) {
		return switch (row) {
			case Respondents r -> r.organisationId();
			case ItemMean m -> m.organisationId();
			default -> throw new IllegalArgumentException(row.toString());
		};
	}

	private static List<Bar> bars(SurveyDefinition form, SurveyDefinition.Question question, List<Choice> counts,
			int answered, Language language) {
		var byChoice = new HashMap<Integer, Integer>();
		counts.forEach(c -> byChoice.merge(c.choice(), c.count(), Integer::sum));
		var labels = labels(form, question, language);
		var bars = new ArrayList<Bar>();
		for (var entry : labels.entrySet()) {
			int n = byChoice.getOrDefault(entry.getKey(), 0);
			bars.add(new Bar(entry.getValue(), n, 100.0 * n / answered));
		}
		return bars;
	}

	/** The points of a scale or the options, numbered as answers store them. */
	private static Map<Integer, String> labels(SurveyDefinition form, SurveyDefinition.Question question,
			Language language) {
		var labels = new LinkedHashMap<Integer, String>();
		if (question.type() == QuestionType.LIKERT) {
			var scale = form.scales().get(question.scale());
			var texts = Optional.ofNullable(scale.labels())
				.map(l -> Optional.ofNullable(l.get(language)).orElse(l.get(Language.EN)))
				.orElse(List.of());
			for (int point = scale.min(); point <= scale.max(); point++) {
				int index = point - scale.min();
				labels.put(point, index < texts.size() ? texts.get(index) : String.valueOf(point));
			}
		}
		else {
			var options = Optional.ofNullable(question.options())
				.map(o -> Optional.ofNullable(o.get(language)).orElse(o.get(Language.EN)))
				.orElse(List.of());
			for (int i = 0; i < options.size(); i++) {
				labels.put(i + 1, options.get(i));
			}
		}
		return labels;
	}

	/** The paired change, or only the number of pairs when fewer than five. */
	static Change change(List<NetworkReportStore.Pair> pairs) {
		int n = pairs.size();
		if (n < Suppression.MINIMUM) {
			return new Change(n, false, null, null, null, null, null, null, null);
		}
		var before = pairs.stream().mapToDouble(p -> p.before().doubleValue()).toArray();
		var after = pairs.stream().mapToDouble(p -> p.after().doubleValue()).toArray();
		var differences = new double[n];
		for (int i = 0; i < n; i++) {
			differences[i] = after[i] - before[i];
		}
		double mean = Arrays.stream(differences).average().orElse(0);
		double variance = Arrays.stream(differences).map(d -> (d - mean) * (d - mean)).sum() / (n - 1);
		double sd = Math.sqrt(variance);
		Double p = null;
		Double lower = mean;
		Double upper = mean;
		Double effect = null;
		if (sd > 0) {
			p = TTest.withDefaults().pairedTest(after, before).getPValue();
			double half = TDistribution.of(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
			lower = mean - half;
			upper = mean + half;
			effect = mean / sd;
		}
		return new Change(n, true, Arrays.stream(before).average().orElse(0), Arrays.stream(after).average().orElse(0),
				mean, lower, upper, p, effect);
	}

}
