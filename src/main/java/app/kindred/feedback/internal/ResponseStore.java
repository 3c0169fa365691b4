package app.kindred.feedback.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import app.kindred.core.Language;

/**
 * Anonymous answers. An answer is first held in {@code survey_pending} (no time, a random
 * id); once a survey holds five or more, or has closed, {@link #writeHeld} writes them
 * all to {@code survey_response} in a random order in one transaction and deletes them,
 * so the order, time and transaction in which an answer is written cannot be lined up
 * with the invitation marked answered. Callers own the transactions.
 */
@Repository
public class ResponseStore {

	/** Held answers are written once a survey has at least this many (or has closed). */
	public static final int BATCH = 5;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ResponseStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Holds one answer back until {@link #writeHeld}. */
	public void hold(Answer answer) {
		jdbc.sql("insert into survey_pending (id, survey_id, answer) values (?, ?, ?)")
			.params(UUID.randomUUID(), answer.survey(), json.writeValueAsString(answer))
			.update();
	}

	public int held(UUID survey) {
		return jdbc.sql("select count(*) from survey_pending where survey_id = ?")
			.param(survey)
			.query(Integer.class)
			.single();
	}

	/**
	 * Writes every answer held for the survey, shuffled, scoring each by the form, and
	 * deletes them from the holding table; returns how many. The caller holds the
	 * survey's row lock, so two writers never write one answer twice.
	 */
	public int writeHeld(UUID survey, UUID organisation, String formKey, Moment moment, SurveyDefinition form) {
		record Held(UUID id, String answer) {
		}
		var held = new ArrayList<>(jdbc.sql("select id, answer from survey_pending where survey_id = ?")
			.param(survey)
			.query(Held.class)
			.list());
		Collections.shuffle(held);
		for (var h : held) {
			var answer = json.readValue(h.answer(), Answer.class);
			var id = UUID.randomUUID();
			jdbc.sql("""
					insert into survey_response (id, survey_id, organisation_id, form_key, moment, group_id, language,
					                             submitted_on, pair_code, score)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, survey, organisation, formKey, moment.name(), answer.group(),
						answer.language().name().toLowerCase(), Date.valueOf(answer.day()), answer.pairCode(),
						Scores.total(form, answer.items()).orElse(null))
				.update();
			for (var item : answer.items()) {
				jdbc.sql("""
						insert into survey_item (id, response_id, question, choice, amount, text, quotable, quoted)
						values (?, ?, ?, ?, ?, ?, ?, false)""")
					.params(UUID.randomUUID(), id, item.question(), item.choice(), item.amount(), item.text(),
							item.text() != null && item.quotable())
					.update();
			}
			jdbc.sql("delete from survey_pending where id = ?").param(h.id()).update();
		}
		return held.size();
	}

	/** The survey's written answers, each with its items. */
	public List<Response> responses(UUID survey) {
		record Row(UUID id, UUID groupId, String language, Date submittedOn, String pairCode, BigDecimal score) {
		}
		record ItemRow(UUID responseId, UUID id, String question, Integer choice, BigDecimal amount, String text,
				boolean quotable, boolean quoted) {
		}
		var items = new HashMap<UUID, List<Response.Item>>();
		jdbc.sql("""
				select i.response_id, i.id, i.question, i.choice, i.amount, i.text, i.quotable, i.quoted
				from survey_item i join survey_response r on r.id = i.response_id
				where r.survey_id = ?""")
			.param(survey)
			.query(ItemRow.class)
			.list()
			.forEach(i -> items.computeIfAbsent(i.responseId(), k -> new ArrayList<>())
				.add(new Response.Item(i.id(), i.question(), i.choice(), i.amount(), i.text(), i.quotable(),
						i.quoted())));
		return jdbc.sql("""
				select id, group_id, language, submitted_on, pair_code, score
				from survey_response where survey_id = ? order by id""")
			.param(survey)
			.query(Row.class)
			.list()
			.stream()
			.map(r -> new Response(r.id(), r.groupId(), Language.valueOf(r.language().toUpperCase()),
					r.submittedOn().toLocalDate(), r.pairCode(), r.score(), items.getOrDefault(r.id(), List.of())))
			.toList();
	}

	/** How many answers each of these surveys has written. */
	public Map<UUID, Integer> counts(List<UUID> surveys) {
		var counts = new HashMap<UUID, Integer>();
		if (surveys.isEmpty()) {
			return counts;
		}
		record Count(UUID surveyId, int n) {
		}
		jdbc.sql("select survey_id, count(*) as n from survey_response where survey_id in (:ids) group by survey_id")
			.param("ids", surveys)
			.query(Count.class)
			.list()
			.forEach(c -> counts.put(c.surveyId(), c.n()));
		return counts;
	}

}
