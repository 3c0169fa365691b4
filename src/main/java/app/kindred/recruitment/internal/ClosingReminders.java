package app.kindred.recruitment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.programme.ClosingWindow;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeWindow;
import app.kindred.recruitment.ApplicationClosingSoon;
import app.kindred.recruitment.RecruitmentRole;

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
public class ClosingReminders {

	static final Duration AHEAD = Duration.ofHours(24);

	private final CallStore calls;

	private final ApplicationStore applications;

	private final TransactionTemplate transactions;

	private final ProgrammeService programmes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** Public for tests, which sweep at a time of their choosing. */
	public ClosingReminders(CallStore calls, ApplicationStore applications, TransactionTemplate transactions,
			ProgrammeService programmes, ApplicationEventPublisher events, Clock clock) {
		this.calls = calls;
		this.applications = applications;
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
	public int remind() {
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
		if (!calls.claimReminder(window.programme(), role, closes.atOffset(ZoneOffset.UTC))) {
			return 0;
		}
		var live = applications.live(window.programme(), role)
			.stream()
			.map(a -> new ApplicationClosingSoon(a.id(), window.programme(), role, a.account(), closes))
			.toList();
		live.forEach(events::publishEvent);
		return live.size();
	}

}
