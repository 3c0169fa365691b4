package app.kindred.organisation.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationLogos.Logo;

/**
 * Each organisation's logo, one row at most. Callers own the transactions; saving takes
 * the organisation's row first, so that two admins uploading at once replace each other
 * rather than both inserting.
 */
@Repository
class LogoStore {

	private final JdbcClient jdbc;

	LogoStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Logo> find(OrganisationId organisation) {
		return jdbc.sql("select content_type, content from organisation_logo where organisation_id = ?")
			.param(organisation.value())
			.query((rs, n) -> new Logo(rs.getString("content_type"), rs.getBytes("content")))
			.optional();
	}

	void save(OrganisationId organisation, Logo logo, AccountId by, Instant at) {
		jdbc.sql("select id from organisation where id = ? for update")
			.param(organisation.value())
			.query(UUID.class)
			.list();
		var when = at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
		var updated = jdbc.sql("""
				update organisation_logo set content_type = ?, content = ?, uploaded_by = ?, uploaded_at = ?
				where organisation_id = ?""")
			.params(logo.contentType(), logo.content(), by.value(), when, organisation.value())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into organisation_logo (organisation_id, content_type, content, uploaded_by, uploaded_at)
					values (?, ?, ?, ?, ?)""")
				.params(organisation.value(), logo.contentType(), logo.content(), by.value(), when)
				.update();
		}
	}

	boolean remove(OrganisationId organisation) {
		return jdbc.sql("delete from organisation_logo where organisation_id = ?")
			.param(organisation.value())
			.update() == 1;
	}

}
