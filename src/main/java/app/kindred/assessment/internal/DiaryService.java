package app.kindred.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Forbidden;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.meeting.MentorWorkspace;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.training.SessionKind;
import app.kindred.training.TrainingService;

/**
 * The learning diary: a mentor's dated entries, each optionally about one of their
 * trainings, supervision sessions or group meetings. Entries are the writer's alone until
 * shared (one by one, or all at once when the diary is handed in); a shared entry changes
 * only as a new version, so a teacher's reading names what they read. Like a meeting's
 * debrief, an entry never names a participant of the writer's group.
 */
@Service
public class DiaryService {

	/** The longest entry, as the column holds it. */
	public static final int TEXT_MAX = 20_000;

	/**
	 * Entries may be dated from this long before the term starts: the mentors' training
	 * comes before the groups' term.
	 */
	static final int WEEKS_BEFORE_TERM = 8;

	/** And this long after it ends: reflecting on the last meeting takes its time. */
	static final int WEEKS_AFTER_TERM = 6;

	/** A diary as its writer sees it. */
	public record Diary(Student student, List<DiaryEntry> entries, Optional<Instant> submitted) {

		public long sharedCount() {
			return entries.stream().filter(DiaryEntry::shared).count();
		}

		public long privateCount() {
			return entries.size() - sharedCount();
		}

		/** Sharing and handing in are for those who take the course for credits. */
		public boolean canShare() {
			return student.forCredit();
		}

	}

	/** What an entry can be about: one of the writer's past sessions or meetings. */
	public record Choice(Occasion occasion, UUID id, Instant startsAt, SessionKind kind, int number) {

		public String value() {
			return occasion.name() + ":" + id;
		}

		/** How the choice is named: a training, a make-up, supervision or a meeting. */
		public String labelKey() {
			return "assessment.diary.choice." + (kind == null ? "MEETING" : kind.name());
		}

	}

	/**
	 * The rules for an entry's fields in this diary: the days it may be dated and the
	 * occasions it may be about.
	 */
	public record Rules(LocalDate earliest, LocalDate latest, LocalDate today, List<Choice> choices) {

		public Optional<Choice> choice(String value) {
			return choices.stream().filter(c -> c.value().equals(value)).findFirst();
		}

	}

	/** An entry as written: its occasion null when it is about nothing in particular. */
	public record Draft(LocalDate date, Choice occasion, String text) {
	}

	/** A shared entry as a reader sees it, with the version they had read before. */
	public record Reading(Student student, DiaryEntry entry, Optional<Integer> readBefore) {

		public boolean newerSinceRead() {
			return readBefore.isPresent() && readBefore.get() < entry.version();
		}

	}

	private final Courses courses;

	private final ProgrammeAccess access;

	private final DiaryStore store;

	private final TrainingService training;

	private final MentorWorkspace workspace;

	private final Clock clock;

	DiaryService(Courses courses, ProgrammeAccess access, DiaryStore store, TrainingService training,
			MentorWorkspace workspace, Clock clock) {
		this.courses = courses;
		this.access = access;
		this.store = store;
		this.training = training;
		this.workspace = workspace;
		this.clock = clock;
	}

	/** The viewer's diary; 404 for anyone who keeps none here. */
	@Transactional(readOnly = true)
	public Diary diary(ProgrammeId id, AccountId viewer) {
		var student = writer(id, viewer);
		return diaryOf(student);
	}

	@Transactional(readOnly = true)
	public Diary diaryOf(Student student) {
		var id = student.course().programme().id();
		return new Diary(student, store.entries(id, student.account()), store.submitted(id, student.account()));
	}

	/** One of the viewer's own entries; 404 for any other, whoever wrote it. */
	@Transactional(readOnly = true)
	public DiaryEntry entry(ProgrammeId id, UUID entry, AccountId viewer) {
		writer(id, viewer);
		return own(store.entry(entry), id, viewer);
	}

	/** The rules an entry of this writer's diary follows today. */
	@Transactional(readOnly = true)
	public Rules rules(Student student) {
		var programme = student.course().programme();
		var settings = programme.settings();
		var today = LocalDate.ofInstant(clock.instant(), programme.zone());
		var earliest = settings.termStart() == null ? null : settings.termStart().minusWeeks(WEEKS_BEFORE_TERM);
		var latest = settings.termEnd() == null ? today : min(today, settings.termEnd().plusWeeks(WEEKS_AFTER_TERM));
		return new Rules(earliest, latest, today, choices(student));
	}

	/** The name of a participant of the writer's group that the text names, if any. */
	@Transactional(readOnly = true)
	public Optional<String> participantNamed(Student student, String text) {
		return student.group()
			.flatMap(g -> workspace.participantNamedIn(student.course().programme().id(), g.id(), text,
					student.account()));
	}

	/** Writes a new private entry. */
	@Transactional
	public UUID create(ProgrammeId id, Draft draft, AccountId viewer) {
		var student = writer(id, viewer);
		var text = checked(student, draft);
		var now = clock.instant();
		var entry = new DiaryEntry(UUID.randomUUID(), id, viewer, draft.date(), occasion(draft), occasionId(draft), 1,
				text, now, now, null);
		store.insert(entry);
		return entry.id();
	}

	/**
	 * Saves an entry: a private one in place, a shared one as its next version.
	 * @return whether anything changed
	 */
	@Transactional
	public boolean save(ProgrammeId id, UUID entry, Draft draft, AccountId viewer) {
		var student = writer(id, viewer);
		var current = own(store.lock(entry), id, viewer);
		var text = checked(student, draft);
		if (current.text().equals(text) && current.date().equals(draft.date()) && current.occasion() == occasion(draft)
				&& Objects.equals(current.occasionId(), occasionId(draft))) {
			return false;
		}
		var now = clock.instant();
		if (current.shared()) {
			store.addVersion(entry, draft.date(), occasion(draft), occasionId(draft), current.version() + 1, text, now);
		}
		else {
			store.overwrite(entry, draft.date(), occasion(draft), occasionId(draft), current.version(), text, now);
		}
		return true;
	}

	/**
	 * Shares a private entry with the programme's teachers, for credit students only.
	 * @return false if it was shared already
	 */
	@Transactional
	public boolean share(ProgrammeId id, UUID entry, AccountId viewer) {
		courses.creditStudent(id, viewer);
		own(store.lock(entry), id, viewer);
		return store.share(entry, clock.instant());
	}

	/** Hands in the whole diary: every entry shared; for credit students only. */
	@Transactional
	public int submit(ProgrammeId id, AccountId viewer) {
		courses.creditStudent(id, viewer);
		var now = clock.instant();
		int shared = store.shareAll(id, viewer, now);
		store.submit(id, viewer, now);
		return shared;
	}

	/**
	 * A shared entry of a credit student, read by a teacher of the programme (or by a
	 * coordinator where the course lets them), recording the version read. Private
	 * entries, entries of another programme or another mentor, and ids that are nobody's
	 * answer 404 alike.
	 */
	@Transactional
	public Reading read(ProgrammeId id, AccountId mentor, UUID entry, AccountId reader) {
		var course = readable(id, reader);
		var student = courses.studentOf(course, mentor)
			.filter(Student::forCredit)
			.orElseThrow(() -> new NotFoundException("mentor"));
		var found = store.entry(entry)
			.filter(e -> e.programme().equals(id) && e.writer().equals(mentor) && e.shared())
			.orElseThrow(() -> new NotFoundException("entry"));
		var before = store.versionRead(entry, reader);
		store.read(entry, reader, found.version(), clock.instant());
		return new Reading(student, found, before);
	}

	/**
	 * A student's shared entries, newest first, each with the version the reader read.
	 */
	@Transactional(readOnly = true)
	public List<Reading> sharedWith(Student student, AccountId reader) {
		return store.entries(student.course().programme().id(), student.account())
			.stream()
			.filter(DiaryEntry::shared)
			.map(e -> new Reading(student, e, store.versionRead(e.id(), reader)))
			.toList();
	}

	/**
	 * The course of a programme whose shared entries the viewer may read: its teachers,
	 * and its coordinators where the course allows; other staff 403, anyone else 404.
	 */
	private Course readable(ProgrammeId id, AccountId viewer) {
		var programme = access.staff(id, viewer);
		var course = courses.course(programme);
		if (access.teaches(programme, viewer) || (course.coordinatorsRead() && access.coordinates(programme, viewer))) {
			return course;
		}
		throw new Forbidden("the programme's teachers read shared entries");
	}

	private Student writer(ProgrammeId id, AccountId viewer) {
		var student = courses.student(id, viewer);
		if (!student.keepsDiary()) {
			throw new NotFoundException("diary");
		}
		return student;
	}

	private static DiaryEntry own(Optional<DiaryEntry> entry, ProgrammeId id, AccountId viewer) {
		return entry.filter(e -> e.programme().equals(id) && e.writer().equals(viewer))
			.orElseThrow(() -> new NotFoundException("entry"));
	}

	/**
	 * The rules themselves, whatever the form checked: the text within bounds and naming
	 * nobody, the date within the diary's days, the occasion one of the writer's own.
	 */
	private String checked(Student student, Draft draft) {
		var text = draft.text() == null ? "" : draft.text().strip();
		if (text.isEmpty() || text.length() > TEXT_MAX) {
			throw Refused.invalid("text", "assessment.diary.refused.text");
		}
		var rules = rules(student);
		if (draft.date() == null || draft.date().isAfter(rules.latest())
				|| (rules.earliest() != null && draft.date().isBefore(rules.earliest()))) {
			throw Refused.invalid("date", "assessment.diary.refused.date");
		}
		if (draft.occasion() != null && rules.choice(draft.occasion().value()).isEmpty()) {
			throw Refused.invalid("occasion", "assessment.diary.occasion.unknown");
		}
		if (participantNamed(student, text).isPresent()) {
			throw Refused.invalid("text", "assessment.diary.refused.names");
		}
		return text;
	}

	/**
	 * The writer's sessions of the programme and their group's meetings that have begun.
	 */
	private List<Choice> choices(Student student) {
		var id = student.course().programme().id();
		var now = clock.instant();
		var choices = new ArrayList<Choice>();
		training.sessionsOf(student.account())
			.stream()
			.filter(s -> s.programme().equals(id) && !s.cancelled() && !s.startsAt().isAfter(now))
			.forEach(s -> choices
				.add(new Choice(s.kind() == SessionKind.SUPERVISION ? Occasion.SUPERVISION : Occasion.TRAINING, s.id(),
						s.startsAt(), s.kind(), 0)));
		student.group()
			.ifPresent(g -> workspace.meetings(id, g.id(), student.account())
				.stream()
				.filter(m -> !m.cancelled() && !m.startsAt().isAfter(now))
				.forEach(m -> choices.add(new Choice(Occasion.MEETING, m.id(), m.startsAt(), null, m.number()))));
		choices.sort(Comparator.comparing(Choice::startsAt).reversed());
		return List.copyOf(choices);
	}

	private static Occasion occasion(Draft draft) {
		return draft.occasion() == null ? null : draft.occasion().occasion();
	}

	private static UUID occasionId(Draft draft) {
		return draft.occasion() == null ? null : draft.occasion().id();
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
