package app.kindred.feedback.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The network's pooled report, read across its members' answers. Everything is counted
 * and averaged in the database, grouped by form, moment and organisation (the index
 * {@code survey_response_pooled} leads with them), so that the report costs a few grouped
 * queries however many answers there are, and no answer row reaches the application, only
 * the pre/post score pairs. Callers own the transactions.
 *
 * <p>
 * Every query takes a {@link Scope}: the forms' keys, the member organisations (never
 * empty) and optionally the year whose programmes' terms start in it.
 */
@Repository
public class NetworkReportStore {

	/**
	 * What a report pools: answers to these forms given in these organisations'
	 * programmes, and with {@code year} only programmes whose term starts in that year.
	 */
	public record Scope(Collection<String> formKeys, Collection<UUID> organisations, Integer year) {

		Map<String, Object> params() {
			var params = new HashMap<String, Object>();
			params.put("keys", formKeys);
			params.put("organisations", organisations);
			if (year != null) {
				params.put("from", LocalDate.of(year, 1, 1));
				params.put("until", LocalDate.of(year + 1, 1, 1));
			}
			return params;
		}

		/** The condition the year adds, if any, on a column holding a survey's id. */
		String yearFilter(String surveyColumn) {
			return year == null ? "" : "\n  and " + surveyColumn + " in (select ys.id from survey ys"
					+ " join programme yp on yp.id = ys.programme_id where yp.term_start >= :from and yp.term_start < :until)";
		}

	}

	/**
	 * How many answered one form at one moment in one organisation, with their mean score
	 * over those whose score could be worked out ({@code scored} of them).
	 */
	public record Respondents(String formKey, String moment, UUID organisationId, int respondents, int scored,
			BigDecimal meanScore) {
	}

	/** How many in one organisation chose one point or option of one question. */
	public record Choice(String formKey, String moment, UUID organisationId, String question, int choice, int count) {
	}

	/** How many in one organisation answered one question. */
	public record Answered(String formKey, String moment, UUID organisationId, String question, int respondents) {
	}

	/** How many gave one value (a number, or a score). */
	public record Value(String formKey, String moment, String question, BigDecimal amount, int count) {
	}

	public record Invited(String formKey, String moment, int invited) {
	}

	/**
	 * One respondent's score before and after the programme, paired by their own code.
	 */
	public record Pair(BigDecimal before, BigDecimal after) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	NetworkReportStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Respondents and mean scores per form, moment and organisation. */
	public List<Respondents> respondents(Scope scope) {
		return jdbc
			.sql("""
					select r.form_key, r.moment, r.organisation_id, count(*) as respondents, count(r.score) as scored,
					       avg(r.score) as mean_score
					from survey_response r
					where r.form_key in (:keys) and r.organisation_id in (:organisations)"""
					+ scope.yearFilter("r.survey_id") + """

							group by r.form_key, r.moment, r.organisation_id""")
			.params(scope.params())
			.query(Respondents.class)
			.list();
	}

	/**
	 * How many chose each point or option of each question, per organisation: one pass
	 * over the items gives both the pooled distributions (summed over organisations) and
	 * each university's mean of a Likert item.
	 */
	public List<Choice> choices(Scope scope) {
		return jdbc.sql("""
				select r.form_key, r.moment, r.organisation_id, i.question, i.choice, count(*) as count
				from survey_response r join survey_item i on i.response_id = r.id
				where r.form_key in (:keys) and r.organisation_id in (:organisations)
				  and i.choice is not null""" + scope.yearFilter("r.survey_id") + """

				group by r.form_key, r.moment, r.organisation_id, i.question, i.choice""")
			.params(scope.params())
			.query(Choice.class)
			.list();
	}

	/**
	 * How many answered each of these questions (of several options, where a respondent
	 * ticks one or more), per organisation. Only they need the distinct count, which
	 * costs a sort.
	 */
	public List<Answered> answered(Scope scope, Collection<String> questions) {
		if (questions.isEmpty()) {
			return List.of();
		}
		var params = scope.params();
		params.put("questions", questions);
		return jdbc.sql("""
				select r.form_key, r.moment, r.organisation_id, i.question, count(distinct i.response_id) as respondents
				from survey_response r join survey_item i on i.response_id = r.id
				where r.form_key in (:keys) and r.organisation_id in (:organisations)
				  and i.question in (:questions) and i.choice is not null""" + scope.yearFilter("r.survey_id") + """

				group by r.form_key, r.moment, r.organisation_id, i.question""")
			.params(params)
			.query(Answered.class)
			.list();
	}

	/**
	 * How many had each score (a form's score takes few distinct values), for its pooled
	 * distribution.
	 */
	public List<Value> scores(Scope scope) {
		return jdbc.sql("""
				select r.form_key, r.moment, null as question, r.score as amount, count(*) as count
				from survey_response r
				where r.form_key in (:keys) and r.organisation_id in (:organisations)
				  and r.score is not null""" + scope.yearFilter("r.survey_id") + """

				group by r.form_key, r.moment, r.score""").params(scope.params()).query(Value.class).list();
	}

	/** How many gave each number to the questions answered with one. */
	public List<Value> amounts(Scope scope) {
		return jdbc.sql("""
				select r.form_key, r.moment, i.question, i.amount, count(*) as count
				from survey_response r join survey_item i on i.response_id = r.id
				where r.form_key in (:keys) and r.organisation_id in (:organisations)
				  and i.amount is not null""" + scope.yearFilter("r.survey_id") + """

				group by r.form_key, r.moment, i.question, i.amount""")
			.params(scope.params())
			.query(Value.class)
			.list();
	}

	/** How many were invited to each form at each moment. */
	public List<Invited> invited(Scope scope) {
		return jdbc
			.sql("""
					select s.form_key, s.moment, count(*) as invited
					from survey_invitation i join survey s on s.id = i.survey_id
					where s.form_key in (:keys) and s.organisation_id in (:organisations)""" + scope.yearFilter("s.id")
					+ """

							group by s.form_key, s.moment""")
			.params(scope.params())
			.query(Invited.class)
			.list();
	}

	/**
	 * Whether some code was given more than once in one programme's survey of the
	 * measure, so that those answers were left out of the pairs.
	 */
	public boolean ambiguous(String formKey, Scope scope) {
		var params = scope.params();
		params.put("key", formKey);
		return jdbc
			.sql("""
					select count(*) from (select 1 as one from survey_response r
					  where r.form_key = :key and r.organisation_id in (:organisations) and r.pair_code is not null"""
					+ scope.yearFilter("r.survey_id") + """

							group by r.survey_id, r.pair_code having count(*) > 1) d""")
			.params(params)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The pre/post pairs of one measure: a score before the first meeting and one after
	 * the last with the same code in the same programme. A code given twice on either
	 * side in one programme (two people who happen to share it) pairs nobody, as the
	 * answers cannot be told apart.
	 */
	public List<Pair> pairs(String formKey, Scope scope) {
		// One grouping over both moments rather than a join of two groupings: the planner
		// cannot tell how few answers each code has, and joined them in a nested loop
		var params = scope.params();
		params.put("key", formKey);
		return jdbc.sql("""
				select min(case when r.moment = 'BEFORE_FIRST' then r.score end) as before,
				       min(case when r.moment = 'AFTER_LAST' then r.score end) as after
				from survey_response r join survey s on s.id = r.survey_id
				where r.form_key = :key and r.moment in ('BEFORE_FIRST', 'AFTER_LAST')
				  and r.organisation_id in (:organisations) and r.pair_code is not null
				  and r.score is not null""" + scope.yearFilter("r.survey_id") + """

				group by s.programme_id, r.pair_code
				having count(case when r.moment = 'BEFORE_FIRST' then 1 end) = 1
				   and count(case when r.moment = 'AFTER_LAST' then 1 end) = 1""")
			.params(params)
			.query(Pair.class)
			.list();
	}

	/**
	 * The form as the newest survey of it among the organisations scheduled it, for its
	 * questions' texts and scales: the answers pool by the form's key and its questions'
	 * keys.
	 */
	public Optional<SurveyDefinition> form(String formKey, Collection<UUID> organisations) {
		return jdbc.sql("""
				select definition from survey where form_key = :key and organisation_id in (:organisations)
				order by created_at desc, id fetch first 1 rows only""")
			.param("key", formKey)
			.param("organisations", organisations)
			.query(String.class)
			.optional()
			.map(d -> json.readValue(d, SurveyDefinition.class));
	}

	/**
	 * The keys of the instruments the organisations imported, which pool like Kindred's
	 * own forms.
	 */
	public List<String> importedKeys(Collection<UUID> organisations) {
		return jdbc.sql("""
				select distinct form_key from survey_form
				where origin = 'IMPORTED' and organisation_id in (:organisations) order by form_key""")
			.param("organisations", organisations)
			.query(String.class)
			.list();
	}

	/**
	 * The years in which the organisations' programmes with surveys started their terms,
	 * newest first.
	 */
	public List<Integer> years(Collection<UUID> organisations) {
		var years = new ArrayList<Integer>(jdbc.sql("""
				select distinct extract(year from p.term_start) as y from programme p
				where p.id in (select s.programme_id from survey s where s.organisation_id in (:organisations))""")
			.param("organisations", organisations)
			.query(Integer.class)
			.list());
		years.sort(Comparator.reverseOrder());
		return years;
	}

}
