package app.kindred.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import java.util.concurrent.TimeUnit;

/**
 * How many mails about accounts (reset links, verification links, "someone tried to
 * register") an address receives and a client causes per window, so nobody can flood an
 * inbox or use Kindred to mail strangers. Each take is one conditional update of one row,
 * so concurrent requests on several instances never exceed a limit together. The pages
 * answer the same whether or not a mail went out, so the limit tells nobody anything.
 */
@Component
class MailQuota {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SignInSettings settings;

	MailQuota(JdbcClient jdbc, Clock clock, SignInSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Counts one request from this client; false when it has used up its mails for the
	 * window.
	 */
	boolean takeForClient(String client) {
		return take("client:" + client, settings.mailsPerClient());
	}

	/**
	 * Counts one mail to this address; false when it has had its mails for the window.
	 */
	boolean takeForAddress(String email) {
		return take("address:" + Account.normalize(email), settings.mailsPerAddress());
	}

	@Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS, initialDelay = 1)
	void forgetOld() {
		jdbc.sql("delete from account_mail_quota where window_start < ?").param(windowOpen()).update();
	}

	private boolean take(String rawKey, int limit) {
		var key = rawKey.length() <= 300 ? rawKey : rawKey.substring(0, 300);
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		var open = windowOpen();
		for (int attempt = 0; attempt < 3; attempt++) {
			// A window that has passed starts again at one; a live one counts up while it
			// is under the limit.
			int updated = jdbc.sql("""
					update account_mail_quota
					   set sent = case when window_start > ? then sent + 1 else 1 end,
					       window_start = case when window_start > ? then window_start else ? end
					 where quota_key = ? and (window_start <= ? or sent < ?)""")
				.params(open, open, now, key, open, limit)
				.update();
			if (updated == 1) {
				return true;
			}
			try {
				jdbc.sql("insert into account_mail_quota (quota_key, sent, window_start) values (?, 1, ?)")
					.params(key, now)
					.update();
				return limit > 0;
			}
			catch (DuplicateKeyException exists) {
				// The row is there: either over the limit (the update found nothing to
				// do) or inserted meanwhile.
				if (jdbc.sql(
						"select count(*) from account_mail_quota where quota_key = ? and window_start > ? and sent >= ?")
					.params(key, open, limit)
					.query(Integer.class)
					.single() > 0) {
					return false;
				}
			}
		}
		return false;
	}

	private OffsetDateTime windowOpen() {
		return clock.instant().minus(settings.mailWindow()).atOffset(ZoneOffset.UTC);
	}

}
