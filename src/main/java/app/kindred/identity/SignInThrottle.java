package app.kindred.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import java.util.concurrent.TimeUnit;

/**
 * Slows failed sign-ins down without ever locking an account. Failures are counted per
 * (account, client): after {@code freeFailures} each further attempt from that client for
 * that account waits twice as long as the one before (2 s, 4 s, 8 s ... up to
 * {@code maxDelay}), so whoever guesses slows only themselves, and the owner signing in
 * from a client that has not failed gets straight in. A second count per client across
 * all accounts catches a client trying many accounts (credential stuffing); it forgives
 * {@code clientFreeFailures} failures an hour, so only a client failing faster than that
 * waits, again with a doubling delay rather than a lockout. Everything is in the
 * database, so every application instance sees the same counts.
 */
@Component
class SignInThrottle {

	/**
	 * The account column of the count per client across accounts; no e-mail address is a
	 * lone star.
	 */
	static final String ANY_ACCOUNT = "*";

	private static final Duration HOUR = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SignInSettings settings;

	SignInThrottle(JdbcClient jdbc, Clock clock, SignInSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * When this client may next try this account, if it must wait; the attempt is refused
	 * unchecked until then.
	 */
	Optional<Instant> waitUntil(String email, String client) {
		return check(email, client).waitUntil();
	}

	/**
	 * What the throttle knows of this client and account before an attempt: when it may
	 * try, and whether it has failed on this account before (only then is there a count
	 * for {@link #succeeded} to clear).
	 */
	record Check(Optional<Instant> waitUntil, boolean failedBefore) {
	}

	Check check(String email, String client) {
		var now = clock.instant();
		var counts = readBoth(key(email), client);
		var mine = Optional.ofNullable(counts.get(key(email)));
		var pair = mine.flatMap(f -> until(forgotten(f, now), settings.freeFailures(), f.last()));
		var any = Optional.ofNullable(counts.get(ANY_ACCOUNT))
			.flatMap(f -> until(forgiven(f, now), settings.clientFreeFailures(), f.last()));
		return new Check(pair.isEmpty() ? any : any.isEmpty() ? pair : Optional.of(max(pair.get(), any.get())),
				mine.isPresent());
	}

	/**
	 * Each statement commits alone: a count is a fact about an attempt, whatever happens
	 * to the request after it.
	 */
	void failed(String email, String client) {
		var now = clock.instant();
		count(key(email), client, now, (f, at) -> forgotten(f, at) + 1);
		count(ANY_ACCOUNT, client, now, (f, at) -> forgiven(f, at) + 1);
	}

	/**
	 * The right password from a client clears that client's count for the account, and
	 * only that one.
	 */
	void succeeded(String email, String client) {
		jdbc.sql("delete from sign_in_failure where account_email = ? and client = ?")
			.params(key(email), cut(client, 64))
			.update();
	}

	@Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS, initialDelay = 1)
	void forgetOld() {
		jdbc.sql("delete from sign_in_failure where last_failed_at < ?")
			.param(at(clock.instant().minus(settings.forgetAfter())))
			.update();
	}

	/**
	 * A stored count; {@code stored} is the time exactly as read, for the
	 * compare-and-set.
	 */
	private record Failures(int count, OffsetDateTime stored) {

		Instant last() {
			return stored.toInstant();
		}
	}

	private int forgotten(Failures f, Instant now) {
		return f.last().plus(settings.forgetAfter()).isBefore(now) ? 0 : f.count();
	}

	/**
	 * The count across accounts leaks {@code clientFreeFailures} an hour, so a steady
	 * slower rate never waits.
	 */
	private int forgiven(Failures f, Instant now) {
		long elapsed = Math.max(0, Duration.between(f.last(), now).toMillis());
		long leaked = elapsed * settings.clientFreeFailures() / HOUR.toMillis();
		return (int) Math.max(0, f.count() - leaked);
	}

	private Optional<Instant> until(int failures, int free, Instant last) {
		if (failures < free) {
			return Optional.empty();
		}
		var delay = delay(failures - free);
		var until = last.plus(delay);
		return until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
	}

	/**
	 * 2 s after the free failures are used up, doubling with each further one, never
	 * longer than the cap.
	 */
	Duration delay(int beyondFree) {
		int exponent = Math.min(beyondFree + 1, 30);
		var delay = Duration.ofSeconds(1L << exponent);
		return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
	}

	/** The counts of this client for the account and across accounts, in one read. */
	private Map<String, Failures> readBoth(String account, String client) {
		var counts = new HashMap<String, Failures>();
		jdbc.sql("select account_email, failures, last_failed_at from sign_in_failure"
				+ " where account_email in (?, ?) and client = ?")
			.params(account, ANY_ACCOUNT, cut(client, 64))
			.query(rs -> {
				counts.put(rs.getString(1), new Failures(rs.getInt(2), rs.getObject(3, OffsetDateTime.class)));
			});
		return counts;
	}

	private Optional<Failures> read(String account, String client) {
		return jdbc.sql("select failures, last_failed_at from sign_in_failure where account_email = ? and client = ?")
			.params(account, cut(client, 64))
			.query((rs, n) -> new Failures(rs.getInt(1), rs.getObject(2, OffsetDateTime.class)))
			.optional();
	}

	/**
	 * Compare-and-set, so that concurrent failures on several instances are all counted:
	 * the row is replaced only if it still holds what was read, and otherwise read again.
	 */
	private void count(String account, String client, Instant now, BiFunction<Failures, Instant, Integer> next) {
		var where = cut(client, 64);
		for (int attempt = 0; attempt < 20; attempt++) {
			var row = read(account, client);
			if (row.isEmpty()) {
				try {
					jdbc.sql(
							"insert into sign_in_failure (account_email, client, failures, last_failed_at) values (?, ?, 1, ?)")
						.params(account, where, at(now))
						.update();
					return;
				}
				catch (DuplicateKeyException raced) {
					continue;
				}
			}
			var failures = row.get();
			int updated = jdbc.sql("""
					update sign_in_failure set failures = ?, last_failed_at = ?
					 where account_email = ? and client = ? and failures = ? and last_failed_at = ?""")
				.params(next.apply(failures, now), at(now), account, where, failures.count(), failures.stored())
				.update();
			if (updated == 1) {
				return;
			}
		}
	}

	/**
	 * An over-long address cannot belong to an account; cutting it keeps the key within
	 * its column.
	 */
	private static String key(String email) {
		return cut(Account.normalize(email), 254);
	}

	private static String cut(String value, int length) {
		return value.length() <= length ? value : value.substring(0, length);
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
