package app.kindred.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.core.web.Dates;
import app.kindred.identity.AccountId;
import app.kindred.meeting.MeetingAttendance;
import app.kindred.programme.ProgrammeId;
import app.kindred.training.SessionKind;
import app.kindred.training.TrainingService;

/**
 * A credit-seeking mentor's workload: the hours attendance counts (never stored, so a
 * roll corrected later counts at once) and the hours they log by hand against the
 * course's parts.
 */
@Service
public class WorkloadService {

	/** The longest entry: one day. */
	public static final int MAX_MINUTES = 24 * 60;

	public static final int NOTE_MAX = 300;

	/**
	 * Work may be logged from this many days before the term starts: familiarising with
	 * the course and its guide begins once the mentor has their place.
	 */
	public static final int DAYS_BEFORE_TERM = 14;

	private final Courses courses;

	private final TrainingService training;

	private final MeetingAttendance meetings;

	private final WorkloadStore store;

	private final Clock clock;

	WorkloadService(Courses courses, TrainingService training, MeetingAttendance meetings, WorkloadStore store,
			Clock clock) {
		this.courses = courses;
		this.training = training;
		this.meetings = meetings;
		this.store = store;
		this.clock = clock;
	}

	/** The days on which work can be logged for the course, today the last at most. */
	public record Days(LocalDate first, LocalDate last) {

		public boolean contain(LocalDate day) {
			return !day.isBefore(first) && !day.isAfter(last);
		}

	}

	/**
	 * From {@link #DAYS_BEFORE_TERM} days before the term starts until the teachers'
	 * decisions are due (a mentor told to supplement may still read after the term), and
	 * never after today in the programme's zone.
	 */
	public Days days(Course course) {
		var settings = course.programme().settings();
		var today = LocalDate.now(clock.withZone(zone(course)));
		var first = settings.termStart() == null ? Dates.EARLIEST : settings.termStart().minusDays(DAYS_BEFORE_TERM);
		var due = settings.termEnd() == null ? today : LocalDate.ofInstant(course.assessmentDue(), zone(course));
		var last = due.isBefore(today) ? due : today;
		return new Days(first, last);
	}

	/** The student's workload as it stands. */
	@Transactional(readOnly = true)
	public Workload workload(Student student) {
		var id = student.course().programme().id();
		var settings = student.course().programme().settings();
		var attended = new EnumMap<WorkloadPart, List<Workload.Attended>>(WorkloadPart.class);
		var logged = new EnumMap<WorkloadPart, List<Workload.Entry>>(WorkloadPart.class);
		for (var part : WorkloadPart.values()) {
			attended.put(part, new ArrayList<>());
			logged.put(part, new ArrayList<>());
		}
		int trainings = 0;
		int supervisions = 0;
		for (var session : training.attendedBy(id, student.account())) {
			var kind = session.kind() == SessionKind.SUPERVISION ? Workload.Kind.SUPERVISION : Workload.Kind.TRAINING;
			if (kind == Workload.Kind.SUPERVISION) {
				supervisions++;
			}
			else {
				trainings++;
			}
			attended.get(WorkloadPart.TRAINING)
				.add(new Workload.Attended(kind, session.id(), session.startsAt(), session.minutes(), 0));
		}
		var held = meetings.heldWith(id, student.account());
		held.stream()
			.filter(MeetingAttendance.Held::present)
			.map(h -> new Workload.Attended(Workload.Kind.MEETING, h.meeting().id(), h.meeting().startsAt(),
					h.meeting().minutes(), h.meeting().number()))
			.forEach(attended.get(WorkloadPart.GROUPS)::add);
		store.entries(id, student.account()).forEach(e -> logged.get(e.part()).add(e));
		var parts = new ArrayList<Workload.Part>();
		for (var part : WorkloadPart.values()) {
			parts.add(new Workload.Part(part, part.targetHours(settings), attended.get(part), logged.get(part)));
		}
		var workloadHours = settings.workloadHours();
		var reading = readingOf(id, student.account());
		int meetingsAttended = attended.get(WorkloadPart.GROUPS).size();
		return new Workload(id, parts, workloadHours == null ? 0 : workloadHours, trainings, supervisions,
				meetingsAttended, held.size(), reading);
	}

	/**
	 * Logs hours for the mentor. The page's form checks the same first; this refuses
	 * whatever reaches it otherwise, at its field, and stores nothing then.
	 */
	@Transactional
	public Workload.Entry log(ProgrammeId id, AccountId mentor, WorkloadPart part, LocalDate date, int minutes,
			String note) {
		var student = courses.creditStudent(id, mentor);
		if (part == null) {
			throw Refused.invalid("part", "assessment.workload.part.invalid");
		}
		if (date == null || !days(student.course()).contain(date)) {
			throw Refused.invalid("date", "assessment.workload.date.notAllowed");
		}
		if (minutes < 1 || minutes > MAX_MINUTES) {
			throw Refused.invalid("hours", "assessment.workload.hours.range");
		}
		var text = note == null ? "" : note.strip();
		if (text.isEmpty() || text.length() > NOTE_MAX) {
			throw Refused.invalid("note", "assessment.workload.note.size");
		}
		var entry = new Workload.Entry(UUID.randomUUID(), part, date, minutes, text, clock.instant());
		store.insert(id, mentor, entry);
		return entry;
	}

	/** Removes one of the mentor's own entries; 404 for any other id. */
	@Transactional
	public void delete(ProgrammeId id, AccountId mentor, UUID entry) {
		courses.creditStudent(id, mentor);
		if (!store.delete(id, mentor, entry)) {
			throw new NotFoundException("workload entry");
		}
	}

	/** The programme's reading list with what the mentor marked read. */
	@Transactional(readOnly = true)
	public Workload.Reading readingOf(ProgrammeId id, AccountId mentor) {
		var read = store.read(id, mentor);
		return new Workload.Reading(store.readings(id)
			.stream()
			.map(c -> new Workload.Item(c.id(), c.position(), c.citation(), read.get(c.id())))
			.toList());
	}

	/** Marks an item of the list read, or not read; 404 for an item not on the list. */
	@Transactional
	public void markRead(ProgrammeId id, AccountId mentor, UUID reading, boolean read) {
		courses.creditStudent(id, mentor);
		store.lockReading(id, reading).orElseThrow(() -> new NotFoundException("reading"));
		if (read) {
			store.markRead(reading, mentor, clock.instant());
		}
		else {
			store.unmarkRead(reading, mentor);
		}
	}

	static ZoneId zone(Course course) {
		var zone = course.programme().zone();
		return zone == null ? Dates.DEFAULT_ZONE : zone;
	}

}
