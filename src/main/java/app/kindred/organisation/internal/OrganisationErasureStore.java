package app.kindred.organisation.internal;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of forgetting a person's staff roles and invitations. */
@Repository
class OrganisationErasureStore {

	private final JdbcClient jdbc;

	OrganisationErasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void erase(UUID account, String email, String name) {
		jdbc.sql("delete from membership where account_id = ?").param(account).update();
		jdbc.sql("delete from invitation where lower(email) = ?").param(email).update();
		jdbc.sql("update organisation set contact_name = null where contact_name = ?").param(name).update();
		jdbc.sql("update organisation set contact_email = null where lower(contact_email) = ?").param(email).update();
		StaffingMemo.forget();
	}

}
