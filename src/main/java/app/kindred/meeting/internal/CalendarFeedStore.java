package app.kindred.meeting.internal;

import static app.kindred.meeting.internal.MeetingStore.at;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.identity.AccountId;

/** The secrets of people's calendar feeds. Callers own the transactions. */
@Repository
class CalendarFeedStore {

	private final JdbcClient jdbc;

	CalendarFeedStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> token(AccountId account) {
		return jdbc.sql("select token from calendar_feed where account_id = ?")
			.param(account.value())
			.query(String.class)
			.optional();
	}

	Optional<AccountId> accountOf(String token) {
		return jdbc.sql("select account_id from calendar_feed where token = ?")
			.param(token)
			.query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
			.optional();
	}

	void replaceToken(AccountId account, String token, Instant now) {
		if (jdbc.sql("update calendar_feed set token = ?, created_at = ? where account_id = ?")
			.params(token, at(now), account.value())
			.update() == 0) {
			jdbc.sql("insert into calendar_feed (account_id, token, created_at) values (?, ?, ?)")
				.params(account.value(), token, at(now))
				.update();
		}
	}

	/**
	 * When the person made their private calendar feed, for their own data (never its
	 * token).
	 */
	Optional<OffsetDateTime> createdAt(AccountId account) {
		return jdbc.sql("select created_at from calendar_feed where account_id = ?")
			.param(account.value())
			.query(OffsetDateTime.class)
			.optional();
	}

}
