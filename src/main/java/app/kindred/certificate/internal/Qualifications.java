package app.kindred.certificate.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.assessment.CourseResults;
import app.kindred.certificate.CertificateKind;
import app.kindred.core.Language;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountSummary;
import app.kindred.identity.Accounts;
import app.kindred.meeting.MeetingAttendance;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.training.MentorSession;
import app.kindred.training.SessionKind;
import app.kindred.training.TrainingService;

/**
 * Who qualifies for which certificate under the programme's rule, and why not, from what
 * the other modules recorded: readiness and attendance (training), the groups' held
 * meetings and rolls (meeting, grouping), the pass in force (assessment). What it finds
 * is also what a certificate certifies. Nothing here checks who asks: callers decide
 * that.
 *
 * <p>
 * A programme's mentors are read in a handful of queries whatever their number (one per
 * kind of record, not one per mentor), since the certificates page lists them all.
 */
@Service
public class Qualifications {

	/** Why someone does not qualify: a message key of the module with its arguments. */
	public record Reason(String key, List<Object> args) {

		static Reason of(String key, Object... args) {
			return new Reason(key, List.of(args));
		}

		public Object[] arguments() {
			return args.toArray();
		}

	}

	/**
	 * A group's meetings as they count for the person: held ones for a mentor, attended
	 * ones for a participant; minutes are those the person spent there (present, or no
	 * roll taken, for a mentor).
	 */
	public record GroupRecord(int number, Language language, int meetings, int minutes) {
	}

	/**
	 * What the person did, as a certificate would certify it.
	 *
	 * @param pass the pass in force (course certificates), else null
	 */
	public record Evidence(List<MentorSession> trainings, List<MentorSession> supervision, List<GroupRecord> groups,
			CourseResults.Passed pass) {

		static final Evidence NONE = new Evidence(List.of(), List.of(), List.of(), null);

		public int minutes() {
			return trainings.stream().mapToInt(MentorSession::minutes).sum()
					+ supervision.stream().mapToInt(MentorSession::minutes).sum()
					+ groups.stream().mapToInt(GroupRecord::minutes).sum();
		}

		public int meetings() {
			return groups.stream().mapToInt(GroupRecord::meetings).sum();
		}

	}

	/**
	 * One person and one kind of certificate: qualifies when there is no reason not to.
	 */
	public record Standing(AccountId person, String name, String email, CertificateKind kind, List<Reason> reasons,
			Evidence evidence) {

		public boolean qualifies() {
			return reasons.isEmpty();
		}

	}

	private final RecruitmentService recruitment;

	private final TrainingService training;

	private final MeetingAttendance meetings;

	private final PublishedGroups groups;

	private final CourseResults results;

	private final Accounts accounts;

	Qualifications(RecruitmentService recruitment, TrainingService training, MeetingAttendance meetings,
			PublishedGroups groups, CourseResults results, Accounts accounts) {
		this.recruitment = recruitment;
		this.training = training;
		this.meetings = meetings;
		this.groups = groups;
		this.results = results;
		this.accounts = accounts;
	}

	/**
	 * Every accepted mentor's standing for the mentor certificate and, in a credit
	 * course, every credit-seeking mentor's (and anyone's with a pass) for the course
	 * certificate; by kind, then by name.
	 */
	@Transactional(readOnly = true)
	public List<Standing> of(ProgrammeView programme, CertificateSettings settings) {
		var id = programme.id();
		var readiness = training.readinessOf(id);
		var mentors = readiness.stream().map(r -> r.mentor()).toList();
		var attended = training.attendedByEach(id);
		var published = groups.groups(id);
		var byId = published.stream().collect(Collectors.toMap(PublishedGroups.Group::id, Function.identity()));
		var held = meetings.heldWithEach(id, mentors);
		var standings = new ArrayList<Standing>();
		for (var r : readiness) {
			var sessions = attended.getOrDefault(r.mentor(), List.of());
			var records = records(held.getOrDefault(r.mentor(), List.of()), byId, RecruitmentRole.MENTOR);
			var evidence = new Evidence(sessions.stream().filter(s -> s.kind().trains()).toList(),
					sessions.stream().filter(s -> s.kind() == SessionKind.SUPERVISION).toList(), records, null);
			var reasons = new ArrayList<Reason>();
			if (settings.requireTraining() && !r.ready()) {
				reasons.add(Boolean.FALSE.equals(r.overridden())
						? Reason.of("certificate.qualify.notReady", r.trainingsAttended(), r.trainingsRequired())
						: Reason.of("certificate.qualify.training", r.trainingsAttended(), r.trainingsRequired()));
			}
			boolean inGroup = !records.isEmpty() || published.stream().anyMatch(g -> g.mentors().contains(r.mentor()));
			if (!inGroup) {
				reasons.add(Reason.of("certificate.qualify.noGroup"));
			}
			else if (evidence.meetings() < settings.minimumMeetings()) {
				reasons.add(Reason.of("certificate.qualify.meetings", evidence.meetings(), settings.minimumMeetings()));
			}
			standings.add(new Standing(r.mentor(), r.name(), r.email(), CertificateKind.MENTOR, List.copyOf(reasons),
					evidence));
		}
		if (programme.settings().creditCourse()) {
			standings.addAll(course(programme));
		}
		standings.sort(Comparator.comparing(Standing::kind)
			.thenComparing(Standing::name, String.CASE_INSENSITIVE_ORDER)
			.thenComparing(Standing::email, Comparator.nullsFirst(Comparator.naturalOrder())));
		return standings;
	}

	/** One person's standing for one kind, as {@link #of} finds it. */
	@Transactional(readOnly = true)
	public Optional<Standing> of(ProgrammeView programme, CertificateSettings settings, AccountId person,
			CertificateKind kind) {
		if (kind == CertificateKind.PARTICIPATION) {
			return participant(programme, settings, person);
		}
		return of(programme, settings).stream().filter(s -> s.person().equals(person) && s.kind() == kind).findFirst();
	}

	/**
	 * The standing of a participant with a place in a published group of the programme
	 * for the participation certificate; empty for anyone else.
	 */
	@Transactional(readOnly = true)
	public Optional<Standing> participant(ProgrammeView programme, CertificateSettings settings, AccountId person) {
		var id = programme.id();
		var inGroup = groups.groupsOf(person)
			.stream()
			.anyMatch(g -> g.programme().equals(id) && g.members()
				.stream()
				.anyMatch(m -> m.person().equals(person) && m.role() == RecruitmentRole.PARTICIPANT));
		var account = accounts.find(person);
		if (!inGroup || account.isEmpty()) {
			return Optional.empty();
		}
		var byId = groups.groups(id).stream().collect(Collectors.toMap(PublishedGroups.Group::id, Function.identity()));
		var records = records(meetings.heldWith(id, person), byId, RecruitmentRole.PARTICIPANT);
		var evidence = new Evidence(List.of(), List.of(), records, null);
		var reasons = evidence.meetings() < settings.participantMinimumMeetings() ? List.of(Reason
			.of("certificate.qualify.participantMeetings", evidence.meetings(), settings.participantMinimumMeetings()))
				: List.<Reason>of();
		return Optional.of(new Standing(person, account.get().displayName(), account.get().email(),
				CertificateKind.PARTICIPATION, reasons, evidence));
	}

	private List<Standing> course(ProgrammeView programme) {
		var id = programme.id();
		var passed = results.passed(id);
		var failed = results.failed(id);
		var students = new LinkedHashMap<AccountId, Boolean>();
		recruitment.acceptedWithAnswers(id, RecruitmentRole.MENTOR)
			.stream()
			.filter(a -> a.answers().details().forCredit())
			.forEach(a -> students.put(a.account(), true));
		passed.keySet().forEach(p -> students.putIfAbsent(p, true));
		Map<AccountId, AccountSummary> people = accounts.findAll(students.keySet());
		var standings = new ArrayList<Standing>();
		for (var student : students.keySet()) {
			var person = people.get(student);
			if (person == null) {
				continue; // an account that is gone holds nothing
			}
			var pass = passed.get(student);
			var reasons = pass != null ? List.<Reason>of() : List.of(Reason
				.of(failed.contains(student) ? "certificate.qualify.failed" : "certificate.qualify.noDecision"));
			standings.add(new Standing(student, person.displayName(), person.email(), CertificateKind.COURSE, reasons,
					new Evidence(List.of(), List.of(), List.of(), pass)));
		}
		return standings;
	}

	/**
	 * The person's held meetings per group, by group number: for a mentor every held
	 * meeting counts, its minutes when they were present or no roll was taken; for a
	 * participant only those the roll has them present at.
	 */
	static List<GroupRecord> records(List<MeetingAttendance.Held> held, Map<UUID, PublishedGroups.Group> groups,
			RecruitmentRole role) {
		var counted = new HashMap<UUID, int[]>();
		for (var h : held) {
			boolean there = h.present() || (role == RecruitmentRole.MENTOR && !h.rollTaken());
			if (role == RecruitmentRole.PARTICIPANT && !there) {
				continue;
			}
			var totals = counted.computeIfAbsent(h.meeting().group(), g -> new int[2]);
			totals[0]++;
			if (there) {
				totals[1] += h.meeting().minutes();
			}
		}
		return counted.entrySet().stream().filter(e -> groups.containsKey(e.getKey())).map(e -> {
			var group = groups.get(e.getKey());
			return new GroupRecord(group.number(), group.language(), e.getValue()[0], e.getValue()[1]);
		}).sorted(Comparator.comparingInt(GroupRecord::number)).toList();
	}

}
