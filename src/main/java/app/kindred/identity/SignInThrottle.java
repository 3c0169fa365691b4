package app.kindred.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account and per client address in the database, so that every application instance
 * sees the same count. A key is blocked once it reaches its limit within the window; the window restarts after it
 * has passed.
 */
@Component
class SignInThrottle {

	@ConfigurationProperties("kindred.sign-in")
	record Settings(int maxFailures, Duration window, Integer maxFailuresPerAddress) {

		int perAddress() {
			return maxFailuresPerAddress == null ? maxFailures * 10 : maxFailuresPerAddress;
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Settings settings;

	SignInThrottle(JdbcClient jdbc, Clock clock, Settings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	Duration window() {
		return settings.window();
	}

	@Transactional(readOnly = true)
	boolean isBlocked(String email, String address) {
		return reached("account:" + email, settings.maxFailures()) || reached("address:" + address, settings.perAddress());
	}

	// No surrounding transaction: each statement commits alone, so a lost insert race can simply count again.
	void failed(String email, String address) {
		count("account:" + email);
		count("address:" + address);
	}

	void succeeded(String email) {
		jdbc.sql("delete from sign_in_throttle where throttle_key = ?").param("account:" + email).update();
	}

	private boolean reached(String key, int limit) {
		var windowOpen = Timestamp.from(clock.instant().minus(settings.window()));
		return jdbc.sql("select count(*) from sign_in_throttle where throttle_key = ? and failures >= ? and window_start > ?")
			.params(key, limit, windowOpen)
			.query(Integer.class)
			.single() > 0;
	}

	private void count(String key) {
		var now = Timestamp.from(clock.instant());
		var windowOpen = Timestamp.from(clock.instant().minus(settings.window()));
		// An expired window starts again at one failure; a live one counts up.
		int updated = jdbc.sql("""
				update sign_in_throttle
				   set failures = case when window_start > ? then failures + 1 else 1 end,
				       window_start = case when window_start > ? then window_start else ? end
				 where throttle_key = ?""").params(windowOpen, windowOpen, now, key).update();
		if (updated == 0) {
			try {
				jdbc.sql("insert into sign_in_throttle (throttle_key, failures, window_start) values (?, 1, ?)")
					.params(key, now)
					.update();
			}
			catch (DuplicateKeyException raced) {
				jdbc.sql("update sign_in_throttle set failures = failures + 1 where throttle_key = ?").param(key).update();
			}
		}
	}
}
