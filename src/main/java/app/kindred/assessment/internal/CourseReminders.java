package app.kindred.assessment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.assessment.CourseDeadlineNear;
import app.kindred.assessment.CourseDeadlineNear.Part;
import app.kindred.programme.ProgrammeService;

/**
 * E-mail reminders a set time (three days) before each deadline of a credit course, to
 * each credit-seeking mentor who has not yet done that part. Exactly once with any number
 * of instances sweeping at once, as the meeting reminders: each reminder is claimed by
 * inserting its row (programme, mentor, part, deadline) into
 * {@code course_reminder_claim} in the transaction that publishes it through the event
 * publication registry; the primary key lets one transaction win, and a lost claim
 * publishes nothing. A deadline moved later is a new deadline, reminded of again.
 */
@Component
class CourseReminders {

	/** Claims are kept a while after their deadline, then forgotten. */
	private static final Duration KEEP_CLAIMS = Duration.ofDays(7);

	private final ProgrammeService programmes;

	private final Courses courses;

	private final CourseReminderStore store;

	private final CourseReminderSettings settings;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CourseReminders(ProgrammeService programmes, Courses courses, CourseReminderStore store,
			CourseReminderSettings settings, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock) {
		this.programmes = programmes;
		this.courses = courses;
		this.store = store;
		this.settings = settings;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${kindred.course-reminders.every:PT10M}",
			initialDelayString = "${kindred.course-reminders.every:PT10M}")
	void sweep() {
		remind();
	}

	/** Sends the reminders now due; returns how many this sweep claimed. */
	int remind() {
		var now = clock.instant();
		var until = now.plus(settings.before());
		int claimed = 0;
		for (var programme : programmes.published()) {
			if (!programme.settings().creditCourse()) {
				continue;
			}
			var course = courses.course(programme);
			var near = deadlines(course);
			near.values().removeIf(due -> !due.isAfter(now) || due.isAfter(until));
			if (near.isEmpty()) {
				continue;
			}
			var students = courses.creditStudents(course);
			for (var deadline : near.entrySet()) {
				var part = deadline.getKey();
				var due = deadline.getValue();
				var done = store.claimed(programme.id(), part, due);
				for (var student : students) {
					if (!done.contains(student.account()) && claim(student, part, due)) {
						claimed++;
					}
				}
			}
		}
		transactions.executeWithoutResult(status -> store.forgetClaimsBefore(now.minus(KEEP_CLAIMS)));
		return claimed;
	}

	private static Map<Part, Instant> deadlines(Course course) {
		var deadlines = new EnumMap<Part, Instant>(Part.class);
		deadlines.put(Part.OBJECTIVES, course.objectivesDue());
		deadlines.put(Part.DIARY, course.diaryDue());
		deadlines.put(Part.SELF_EVALUATION, course.selfEvaluationDue());
		deadlines.put(Part.PEER_EVALUATION, course.peerEvaluationDue());
		return deadlines;
	}

	/**
	 * Claims one reminder and publishes it in one transaction, unless the part is done;
	 * false when it is done or another instance won it.
	 */
	private boolean claim(Student student, Part part, Instant due) {
		var programme = student.course().programme().id();
		try {
			return Boolean.TRUE.equals(transactions.execute(status -> {
				if (done(student, part)) {
					return false;
				}
				store.claim(programme, student.account(), part, due, clock.instant());
				events.publishEvent(new CourseDeadlineNear(programme, student.account(), part, due));
				return true;
			}));
		}
		catch (DuplicateKeyException | PessimisticLockingFailureException lost) {
			// Another instance claimed it first, or holds it now: if that one rolls back,
			// a later sweep claims it
			return false;
		}
	}

	/** Whether the student has done the part, so needs no reminder. */
	private boolean done(Student student, Part part) {
		var programme = student.course().programme().id();
		var account = student.account();
		return switch (part) {
			case OBJECTIVES -> store.objectives(programme, account) >= CourseReminderStore.OBJECTIVES_DONE;
			case DIARY -> store.diarySubmitted(programme, account);
			case SELF_EVALUATION -> store.selfEvaluated(programme, account);
			// One per co-mentor now in the group; without co-mentors there is nobody to
			// evaluate
			case PEER_EVALUATION -> store.peersEvaluated(programme, account).containsAll(student.coMentors());
		};
	}

}
