package app.kindred.organisation.internal;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of forgetting a person's staff roles and invitations. */
@Repository
class OrganisationErasureStore {

	private final JdbcClient jdbc;

	private final StaffingMemo memo;

	OrganisationErasureStore(JdbcClient jdbc, StaffingMemo memo) {
		this.jdbc = jdbc;
		this.memo = memo;
	}

	void erase(UUID account, String email, String name) {
		jdbc.sql("delete from membership where account_id = ?").param(account).update();
		jdbc.sql("delete from invitation where lower(email) = ?").param(email).update();
		jdbc.sql("update organisation set contact_name = null where contact_name = ?").param(name).update();
		jdbc.sql("update organisation set contact_email = null where lower(contact_email) = ?").param(email).update();
		memo.forget();
	}

}
