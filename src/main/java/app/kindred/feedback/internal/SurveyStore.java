package app.kindred.feedback.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import app.kindred.feedback.SurveyKind;
import app.kindred.organisation.OrganisationId;
import app.kindred.programme.ProgrammeId;

/**
 * The surveys programmes scheduled. Callers own the transactions.
 */
@Repository
public class SurveyStore {

	private static final String COLUMNS = """
			id, programme_id, organisation_id, form_key, kind, moment, definition, opens_at, closes_at, remind_at,
			written""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SurveyStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void insert(Survey s, UUID createdBy, Instant now) {
		jdbc.sql("insert into survey (" + COLUMNS
				+ ", created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(s.id(), s.programme().value(), s.organisation().value(), s.formKey(), s.kind().name(),
					s.moment().name(), json.writeValueAsString(s.form()), at(s.opensAt()), at(s.closesAt()),
					at(s.remindAt()), s.written(), createdBy, at(now))
			.update();
	}

	public Optional<Survey> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from survey where id = ?")
			.param(id)
			.query(Row.class)
			.optional()
			.map(this::survey);
	}

	/** Locks the survey's row until the transaction ends, and reads it. */
	public Optional<Survey> lock(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from survey where id = ? for update")
			.param(id)
			.query(Row.class)
			.optional()
			.map(this::survey);
	}

	/** The programme's surveys, by when they open. */
	public List<Survey> ofProgramme(ProgrammeId programme) {
		return jdbc.sql("select " + COLUMNS + " from survey where programme_id = ? order by opens_at, form_key")
			.param(programme.value())
			.query(Row.class)
			.list()
			.stream()
			.map(this::survey)
			.toList();
	}

	/** Surveys open at this instant. */
	public List<Survey> openAt(Instant now) {
		return jdbc.sql("select " + COLUMNS + " from survey where opens_at <= ? and closes_at > ?")
			.params(at(now), at(now))
			.query(Row.class)
			.list()
			.stream()
			.map(this::survey)
			.toList();
	}

	/** Surveys closed by this instant whose held answers are still to be written. */
	public List<Survey> closedUnwritten(Instant now) {
		return jdbc.sql("select " + COLUMNS + " from survey where closes_at <= ? and written = false")
			.param(at(now))
			.query(Row.class)
			.list()
			.stream()
			.map(this::survey)
			.toList();
	}

	public void changeWindow(UUID id, Instant opens, Instant closes, Instant remind) {
		jdbc.sql("update survey set opens_at = ?, closes_at = ?, remind_at = ? where id = ?")
			.params(at(opens), at(closes), at(remind), id)
			.update();
	}

	public void markWritten(UUID id) {
		jdbc.sql("update survey set written = true where id = ?").param(id).update();
	}

	public void delete(UUID id) {
		jdbc.sql("delete from survey where id = ?").param(id).update();
	}

	private record Row(UUID id, UUID programmeId, UUID organisationId, String formKey, String kind, String moment,
			String definition, OffsetDateTime opensAt, OffsetDateTime closesAt, OffsetDateTime remindAt,
			boolean written) {
	}

	private Survey survey(Row r) {
		return new Survey(r.id(), new ProgrammeId(r.programmeId()), new OrganisationId(r.organisationId()), r.formKey(),
				SurveyKind.valueOf(r.kind()), Moment.valueOf(r.moment()),
				json.readValue(r.definition(), SurveyDefinition.class), r.opensAt().toInstant(),
				r.closesAt().toInstant(), r.remindAt().toInstant(), r.written());
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
