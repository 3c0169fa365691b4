package app.kindred.recruitment;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.identity.AccountId;
import app.kindred.programme.ClosingWindow;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeWindow;

/**
 * "The window closes soon" to everyone with a live application, about a day before a call
 * closes, for calls that ask for it. Exactly once per closing instant, with any number of
 * instances sweeping at once: a sweep first claims the call with one conditional update
 * of {@code reminded_closes_at}, which only one transaction can win, and publishes the
 * reminders in that same transaction through the event publication registry, so a crash
 * after the commit still delivers them and a lost claim sends nothing. An extended window
 * has a new closing instant, so it gets a reminder of its own.
 */
@Component
class ClosingReminders {

	static final Duration AHEAD = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ProgrammeService programmes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ClosingReminders(JdbcClient jdbc, TransactionTemplate transactions, ProgrammeService programmes,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.programmes = programmes;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void sweep() {
		remind();
	}

	/** Sends the reminders now due; returns how many people this sweep reminded. */
	int remind() {
		var now = clock.instant();
		int reminded = 0;
		for (var window : programmes.windowsClosing(now, now.plus(AHEAD))) {
			reminded += transactions.execute(status -> claimAndRemind(window));
		}
		return reminded;
	}

	private int claimAndRemind(ClosingWindow window) {
		var role = window.window() == ProgrammeWindow.MENTOR_CALL ? RecruitmentRole.MENTOR
				: RecruitmentRole.PARTICIPANT;
		// Stored with microseconds on both databases: compare what is stored, not what
		// the clock made.
		var closes = window.closes().truncatedTo(ChronoUnit.MICROS);
		var at = closes.atOffset(ZoneOffset.UTC);
		int claimed = jdbc.sql("""
				update recruitment_call set reminded_closes_at = ?
				 where programme_id = ? and role = ? and closing_reminder = ?
				   and (reminded_closes_at is null or reminded_closes_at <> ?)""")
			.params(at, window.programme().value(), role.name(), true, at)
			.update();
		if (claimed == 0) {
			return 0;
		}
		var live = jdbc.sql("""
				select id, account_id from application
				 where programme_id = ? and role = ? and state in ('PENDING', 'AWAITING', 'SEATED', 'WAITING')""")
			.params(window.programme().value(), role.name())
			.query((rs, n) -> new ApplicationClosingSoon(rs.getObject(1, UUID.class), window.programme(), role,
					new AccountId(rs.getObject(2, UUID.class)), closes))
			.list();
		live.forEach(events::publishEvent);
		return live.size();
	}

}
