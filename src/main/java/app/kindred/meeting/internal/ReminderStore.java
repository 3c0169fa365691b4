package app.kindred.meeting.internal;

import static app.kindred.meeting.internal.MeetingStore.at;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.identity.AccountId;

/**
 * Which reminders are claimed, by subject, person and start. Callers own the
 * transactions.
 */
@Repository
class ReminderStore {

	private final JdbcClient jdbc;

	ReminderStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Set<AccountId> claimed(UUID subject, Instant startsAt) {
		return new HashSet<>(jdbc.sql("select account_id from reminder_claim where subject_id = ? and starts_at = ?")
			.params(subject, at(startsAt))
			.query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
			.list());
	}

	/** Claims one reminder; a second claim of the same one fails on the primary key. */
	void claim(UUID subject, AccountId person, Instant startsAt, Instant now) {
		jdbc.sql("insert into reminder_claim (subject_id, account_id, starts_at, claimed_at) values (?, ?, ?, ?)")
			.params(subject, person.value(), at(startsAt), at(now))
			.update();
	}

	/** Claims are needed only until their event has passed. */
	void forgetClaimsBefore(Instant instant) {
		jdbc.sql("delete from reminder_claim where starts_at < ?").param(at(instant)).update();
	}

}
