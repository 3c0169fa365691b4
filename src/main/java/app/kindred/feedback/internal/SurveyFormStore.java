package app.kindred.feedback.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.organisation.OrganisationId;

/**
 * An organisation's own survey forms (copies and imported instruments), each held in the
 * documented file format. Callers own the transactions.
 */
@Repository
public class SurveyFormStore {

	private static final String COLUMNS = "form_key, kind, origin, definition, updated_at";

	private final JdbcClient jdbc;

	SurveyFormStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One stored form; {@code definition} is the file as {@link SurveyFormat} wrote it.
	 */
	public record Row(String formKey, String kind, String origin, String definition, OffsetDateTime updatedAt) {
	}

	public void insert(OrganisationId organisation, String key, String kind, String origin, String definition,
			UUID createdBy, Instant now) {
		jdbc.sql(
				"""
						insert into survey_form (id, organisation_id, form_key, kind, origin, definition, created_by, created_at,
						                         updated_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), organisation.value(), key, kind, origin, definition, createdBy,
					SurveyStore.at(now), SurveyStore.at(now))
			.update();
	}

	public Optional<Row> find(OrganisationId organisation, String key) {
		return jdbc.sql("select " + COLUMNS + " from survey_form where organisation_id = ? and form_key = ?")
			.params(organisation.value(), key)
			.query(Row.class)
			.optional();
	}

	/**
	 * Locks the form's row until the transaction ends, so two edits never undo each
	 * other.
	 */
	public Optional<Row> lock(OrganisationId organisation, String key) {
		return jdbc.sql("select " + COLUMNS + " from survey_form where organisation_id = ? and form_key = ? for update")
			.params(organisation.value(), key)
			.query(Row.class)
			.optional();
	}

	public List<Row> ofOrganisation(OrganisationId organisation) {
		return jdbc.sql("select " + COLUMNS + " from survey_form where organisation_id = ? order by form_key")
			.param(organisation.value())
			.query(Row.class)
			.list();
	}

	public void update(OrganisationId organisation, String key, String definition, Instant now) {
		jdbc.sql("update survey_form set definition = ?, updated_at = ? where organisation_id = ? and form_key = ?")
			.params(definition, SurveyStore.at(now), organisation.value(), key)
			.update();
	}

	public void delete(OrganisationId organisation, String key) {
		jdbc.sql("delete from survey_form where organisation_id = ? and form_key = ?")
			.params(organisation.value(), key)
			.update();
	}

	/** Whether one of the organisation's programmes scheduled a survey of this form. */
	public boolean inUse(OrganisationId organisation, String key) {
		return jdbc.sql("select count(*) from survey where organisation_id = ? and form_key = ?")
			.params(organisation.value(), key)
			.query(Integer.class)
			.single() > 0;
	}

}
