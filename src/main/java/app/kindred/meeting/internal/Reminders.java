package app.kindred.meeting.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.meeting.Meeting;
import app.kindred.meeting.MeetingReminderDue;
import app.kindred.meeting.SessionReminderDue;
import app.kindred.training.TrainingService;

/**
 * Reminders by e-mail a set time before each meeting and each training or supervision
 * session, to each member of the group or each mentor expected. Exactly once, with any
 * number of instances sweeping at once: each reminder is claimed by inserting its row
 * (event, person, start) into {@code reminder_claim} in the same transaction that
 * publishes it through the event publication registry. The primary key lets one
 * transaction win; a lost claim publishes nothing, and a crash after the commit still
 * delivers the mail. A meeting is locked and read again in the claiming transaction, so
 * one cancelled or moved meanwhile gets no reminder for its old time; one moved later
 * gets its reminder before its new time.
 */
@Component
class Reminders {

	/** Claims are kept a while after their event, then forgotten. */
	private static final Duration KEEP_CLAIMS = Duration.ofDays(7);

	private final MeetingStore meetings;

	private final ReminderStore claims;

	private final PublishedGroups groups;

	private final TrainingService training;

	private final ReminderSettings settings;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Reminders(MeetingStore meetings, ReminderStore claims, PublishedGroups groups, TrainingService training,
			ReminderSettings settings, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock) {
		this.meetings = meetings;
		this.claims = claims;
		this.groups = groups;
		this.training = training;
		this.settings = settings;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${kindred.reminders.every:PT1M}",
			initialDelayString = "${kindred.reminders.every:PT1M}")
	void sweep() {
		remind();
	}

	/** Sends the reminders now due; returns how many this sweep claimed. */
	int remind() {
		var now = clock.instant();
		var until = now.plus(settings.before());
		int claimed = 0;
		var members = new HashMap<UUID, Optional<PublishedGroups.Group>>();
		for (var meeting : meetings.starting(now, until)) {
			var group = members.computeIfAbsent(meeting.group(), groups::group);
			if (group.isEmpty()) {
				continue;
			}
			var done = claims.claimed(meeting.id(), meeting.startsAt());
			for (var member : group.get().members()) {
				if (!done.contains(member.person()) && claim(meeting.id(), member.person(), meeting.startsAt(),
						() -> stillDue(meeting).map(m -> new MeetingReminderDue(m, member.person())).orElse(null))) {
					claimed++;
				}
			}
		}
		for (var expected : training.starting(now, until)) {
			var session = expected.session();
			var done = claims.claimed(session.id(), session.startsAt());
			for (var mentor : expected.mentors()) {
				if (!done.contains(mentor) && claim(session.id(), mentor, session.startsAt(),
						() -> new SessionReminderDue(session, mentor))) {
					claimed++;
				}
			}
		}
		transactions.executeWithoutResult(status -> claims.forgetClaimsBefore(now.minus(KEEP_CLAIMS)));
		return claimed;
	}

	/**
	 * The meeting as it is now, locked, if it is still at this time and not cancelled:
	 * the lock orders this claim with any change of the meeting.
	 */
	private Optional<Meeting> stillDue(Meeting meeting) {
		return meetings.lock(meeting.id()).filter(m -> !m.cancelled() && m.startsAt().equals(meeting.startsAt()));
	}

	/**
	 * Claims one reminder and publishes it in one transaction; false when it is no longer
	 * due or another won it.
	 */
	private boolean claim(UUID subject, AccountId person, Instant startsAt, Supplier<Object> reminder) {
		try {
			return Boolean.TRUE.equals(transactions.execute(status -> {
				var event = reminder.get();
				if (event == null) {
					return false;
				}
				claims.claim(subject, person, startsAt, clock.instant());
				events.publishEvent(event);
				return true;
			}));
		}
		catch (DuplicateKeyException | PessimisticLockingFailureException lost) {
			// Another instance claimed it first, or holds it now: if that one rolls back,
			// a later sweep claims it
			return false;
		}
	}

}
