package app.kindred.demo.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.grouping.PublishedGroups;
import app.kindred.grouping.UnattendedFormation;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountService;
import app.kindred.meeting.Meeting;
import app.kindred.meeting.MentorWorkspace;
import app.kindred.organisation.OrganisationId;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeSettings;
import app.kindred.programme.ProgrammeText;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.SignUpAnswers;
import app.kindred.training.SessionKind;
import app.kindred.training.TrainingService;

/**
 * A demo programme in its meeting phase: two groups of two mentors and six participants,
 * published, each with six weekly meetings, with attendance and a debrief for those held,
 * and one group asking for staff attention. The demo's own mentor and participant are in
 * the campus group, which meets earlier in the week than the online one: it held its
 * fourth meeting, as many as the default certificate rule asks of a mentor's group, on
 * the last meeting day before today, and the online group holds its fourth on the next,
 * so the coordinator's certificates page shows who qualifies and why the others do not
 * yet. One of the online group's mentors missed a training and was found ready all the
 * same. The demo's mentor and participant see the next meeting on their Home.
 *
 * <p>
 * Everything goes through the modules' services, as a coordinator and the mentors would
 * have done it over the term, only all at once at the first start: people sign up while
 * the windows are open, then the windows are set to the dates they closed; trainings are
 * scheduled on past dates; the groups are formed and published, which makes their
 * meetings from the term's start (about a month ago); the mentors record the meetings
 * held. Only the times the records were written say "now".
 */
@Component
public class DemoMeetingPhase {

	public static final String NAME_EN = "Supporting wellbeing and life skills, this term (demo: meetings under way)";

	/**
	 * The student numbers of the credit-seeking mentors by the index of their account
	 * among everyone signed up: the demo's own mentor, her co-mentor, and the Finnish
	 * group's two.
	 */
	private static final Map<Integer, String> STUDENT_NUMBERS = Map.of(0, "2214587", 2, "2203391", 8, "2198024", 9,
			"2221760");

	public static final int MEETINGS = 6;

	/**
	 * The meetings held by the campus group, where the demo's own mentor and participant
	 * are: four, as many as the default certificate rule asks of a mentor's group.
	 */
	public static final int HELD_ON_CAMPUS = 4;

	/** The meetings held by the online group: one short of a mentor's certificate. */
	public static final int HELD_ONLINE = 3;

	/**
	 * The online group's mentor (by index among everyone signed up) who missed the second
	 * training and whom the coordinator found ready all the same.
	 */
	private static final int MISSED_TRAINING = 9;

	/**
	 * The people of this programme besides the demo's own mentor and participant: the
	 * co-mentor and five participants of the English group on campus, then the two
	 * mentors and six participants of the Finnish group that meets online. Names of their
	 * own, none of them in {@link DemoCohort#NAMES}.
	 */
	public static final List<String> NAMES = List.of("Saara Nieminen", "Fredrik Lindroos", "Maryam Hosseini",
			"Noora Lampinen", "Jonas Weckström", "Lucía Romero", "Henna Koivisto", "Matias Heinonen", "Tiia Rautiainen",
			"Aatu Kallio", "Elsa Mäkelä", "Rasmus Holm", "Veera Laine", "Sami Korhonen");

	private static final String CAMPUS = "Kampus Aurora";

	/**
	 * The weekdays the groups may meet on, Monday to Thursday like the weekly times the
	 * calls of the demo's other programmes offer.
	 */
	private static final Set<DayOfWeek> MEETING_DAYS = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
			DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);

	private static final Duration FORMING_TIME = Duration.ofSeconds(1);

	private static final Duration MEETINGS_MADE_WITHIN = Duration.ofSeconds(30);

	private static final List<String> DEBRIEFS_EN = List.of(
			"First meeting: we agreed on the group's ground rules and did the soothing-breath exercise together. "
					+ "Everyone spoke in the opening round; the closing round felt rushed, so we keep more time for it.",
			"Theme: the inner critic. The pair exercise worked well and the discussion was open. One member was away. "
					+ "Next time we start the exercise earlier so that the discussion is not cut short.",
			"A compassionate letter to oneself. A quiet, focused meeting; some found writing hard and we offered "
					+ "drawing instead. The same member was away again: we asked staff how to reach out.",
			"Compassion in the study and work community. Members told of a fellow student's small kindness that "
					+ "had helped them, and the discussion ran long. The member who has been away did not come "
					+ "this time either; we wait for staff's advice before writing to them again.");

	private static final List<String> DEBRIEFS_FI = List.of(
			"Ensimmäinen tapaaminen: sovimme ryhmän pelisäännöt ja teimme rauhoittavan hengitysharjoituksen yhdessä. "
					+ "Kaikki osallistuivat aloituskierrokseen.",
			"Teemana sisäinen kriitikko. Pariharjoitus toimi hyvin. Keskustelulle jäi vähän aikaa, joten aloitamme "
					+ "harjoituksen ensi kerralla aiemmin.",
			"Myötätuntoinen kirje itselle. Rauhallinen tapaaminen; osa koki kirjoittamisen vaikeaksi, joten "
					+ "tarjosimme piirtämistä vaihtoehdoksi.");

	private final AccountService accounts;

	private final ProgrammeService programmes;

	private final CallService calls;

	private final RecruitmentService recruitment;

	private final TrainingService training;

	private final UnattendedFormation formation;

	private final PublishedGroups groups;

	private final MentorWorkspace workspace;

	private final DemoCourse course;

	private final Clock clock;

	DemoMeetingPhase(AccountService accounts, ProgrammeService programmes, CallService calls,
			RecruitmentService recruitment, TrainingService training, UnattendedFormation formation,
			PublishedGroups groups, MentorWorkspace workspace, DemoCourse course, Clock clock) {
		this.course = course;
		this.accounts = accounts;
		this.programmes = programmes;
		this.calls = calls;
		this.recruitment = recruitment;
		this.training = training;
		this.formation = formation;
		this.groups = groups;
		this.workspace = workspace;
		this.clock = clock;
	}

	/** One of the two groups as signed up for: its weekly time, language and place. */
	private record Planned(Call.Slot slot, Language language, boolean onCampus) {

		SignUpAnswers answers(RecruitmentRole role, String department, String studentNumber) {
			var details = new SignUpAnswers.Details(onCampus ? List.of(CAMPUS) : List.of(),
					Map.of(slot.key(), Call.Availability.PREFERRED), studentNumber != null, studentNumber, null,
					Map.of(), List.of());
			return new SignUpAnswers(EnumSet.of(language),
					onCampus ? SignUpAnswers.Delivery.CAMPUS : SignUpAnswers.Delivery.REMOTE, department,
					role == RecruitmentRole.MENTOR ? "I would like to learn to guide a group." : null, null, false,
					details);
		}
	}

	/**
	 * Seeds the programme with {@code mentor} and {@code participant} (the demo's own
	 * accounts) in the English group.
	 */
	public ProgrammeId seed(OrganisationId university, AccountId coordinator, AccountId teacher, AccountId mentor,
			AccountId participant, String domain, String password) {
		var today = DemoTimes.today(clock);
		var term = Term.from(today);
		var english = new Planned(new Call.Slot(term.campusDay(), LocalTime.of(16, 15)), Language.EN, true);
		var finnish = new Planned(new Call.Slot(term.onlineDay(), LocalTime.of(10, 15)), Language.FI, false);
		var termStart = term.start();
		// Trainings on the three Wednesday mornings before the term, after the mentor
		// call closed; sign-up for participants until a week before the term
		var lastTraining = termStart.with(TemporalAdjusters.previous(DayOfWeek.WEDNESDAY));
		var trainings = List.of(lastTraining.minusWeeks(2), lastTraining.minusWeeks(1), lastTraining);
		var mentorCallOpens = DemoTimes.at(lastTraining.minusWeeks(7), 9, 0);
		var mentorCallCloses = DemoTimes.at(lastTraining.minusWeeks(2).minusDays(2), 23, 59);
		var signupOpens = DemoTimes.at(lastTraining.minusWeeks(6), 9, 0);
		var signupCloses = DemoTimes.at(termStart.minusWeeks(1), 23, 59);
		// Open now for the sign-ups below, closed at their real dates afterwards
		var openUntil = clock.instant().plus(Duration.ofDays(1));

		var texts = new EnumMap<Language, ProgrammeText>(Language.class);
		texts.put(Language.EN, new ProgrammeText(NAME_EN,
				"The credit course Supporting wellbeing and life skills (3 ECTS credits, pass/fail): trained student "
						+ "mentors lead compassion-themed peer groups in pairs, six weekly meetings of two hours, and "
						+ "keep a learning diary. The groups are published and meet weekly: the campus group has "
						+ "held four of its six meetings, the online group three. Three credit-seeking mentors are "
						+ "part-way through their course work and one has passed.",
				"Students of the university; mentors: students with some experience of studies and of guiding others."));
		texts.put(Language.FI, new ProgrammeText(
				"Hyvinvoinnin ja elämänhallinnan tukeminen, tämä lukukausi (demo: tapaamiset käynnissä)",
				"Opintojakso Hyvinvoinnin ja elämänhallinnan tukeminen (3 op, hyväksytty/hylätty): koulutetut "
						+ "opiskelijamentorit ohjaavat työpareina myötätuntoteemaisia vertaisryhmiä, kuusi viikoittaista "
						+ "kahden tunnin tapaamista, ja pitävät oppimispäiväkirjaa. Ryhmät on julkaistu ja kokoontuvat "
						+ "viikoittain: kampusryhmä on pitänyt kuudesta tapaamisestaan neljä, verkkoryhmä kolme. "
						+ "Kolmen opintopisteitä suorittavan mentorin työ on kesken, ja yksi on suorittanut "
						+ "opintojakson.",
				"Yliopiston opiskelijat; mentoreiksi opiskelijat, joilla on kokemusta opinnoista ja ohjaamisesta."));
		texts.put(Language.SV, new ProgrammeText(
				"Att stödja välbefinnande och livskompetens, denna termin (demo: träffarna pågår)",
				"Studieavsnittet Att stödja välbefinnande och livskompetens (3 sp, godkänd/underkänd): utbildade "
						+ "studentmentorer leder medkänsletematiska kamratgrupper i par, sex veckoträffar på två "
						+ "timmar, och för lärdagbok. Grupperna är publicerade och träffas varje vecka: "
						+ "campusgruppen har hållit fyra av sina sex träffar, distansgruppen tre. Tre mentorer som "
						+ "avlägger studiepoäng är mitt i sitt arbete och en har avlagt studieavsnittet.",
				"Universitetets studerande; mentorer: studerande med erfarenhet av studier och av att handleda andra."));
		var languages = EnumSet.of(Language.EN, Language.FI, Language.SV);
		var settings = settings(termStart, mentorCallOpens, openUntil, signupOpens, openUntil, domain);
		var programme = programmes.create(university, texts, languages, settings, coordinator);
		programmes.publish(programme, coordinator);
		calls.addSlot(programme, english.slot(), coordinator);
		calls.addSlot(programme, finnish.slot(), coordinator);

		var view = recruitment.programme(programme);
		var mentors = new ArrayList<AccountId>();
		var everyone = new ArrayList<AccountId>();
		everyone.add(mentor);
		everyone.add(participant);
		for (var name : NAMES) {
			everyone.add(accounts.registerVerified(DemoCohort.email(name, domain), name, password,
					NAMES.indexOf(name) < 6 ? Language.EN : Language.FI));
		}
		// Mentors first, as the mentor call opened first
		var roles = List.of(RecruitmentRole.MENTOR, RecruitmentRole.PARTICIPANT);
		var departments = List.of("Social Sciences", "Medicine", "Education", "Science", "Law", "Arts");
		for (var role : roles) {
			for (int i = 0; i < everyone.size(); i++) {
				// The demo's mentor, participant, the English group's six, then the
				// Finnish
				// group's eight: its two mentors first
				boolean isMentor = i == 0 || i == 2 || i == 8 || i == 9;
				if (isMentor != (role == RecruitmentRole.MENTOR)) {
					continue;
				}
				var group = i < 8 ? english : finnish;
				recruitment.signUp(view, role, everyone.get(i),
						group.answers(role, departments.get(i % departments.size()), STUDENT_NUMBERS.get(i)));
				if (isMentor) {
					mentors.add(everyone.get(i));
				}
			}
		}
		programmes.update(programme, texts, languages,
				settings(termStart, mentorCallOpens, mentorCallCloses, signupOpens, signupCloses, domain), coordinator);

		var sessions = new ArrayList<DemoCourse.Session>();
		var missed = everyone.get(MISSED_TRAINING);
		for (var day : trainings) {
			var session = training.schedule(programme, SessionKind.TRAINING, DemoTimes.at(day, 9, 0), 210,
					CAMPUS + ", room 101", null, coordinator);
			var came = new HashSet<>(mentors);
			if (day.equals(trainings.get(1))) {
				came.remove(missed);
			}
			training.recordAttendance(programme, session.id(), came, coordinator);
			sessions.add(new DemoCourse.Session(session.id(), day));
		}
		// Found ready all the same, or he could not have been placed in a group
		training.override(programme, missed, true,
				"Ill on the day of the second training; went through its material and exercises with the "
						+ "coordinator the week after.",
				coordinator);

		formation.formAndPublish(programme, FORMING_TIME, coordinator);
		for (var group : groups.groups(programme)) {
			held(programme, group, group.has(mentor) ? mentor : group.mentors().getFirst(), participant);
		}
		course.seed(programme, coordinator, teacher, sessions, termStart,
				new DemoCourse.Mentors(mentor, everyone.get(2), everyone.get(8), everyone.get(9)));
		return programme;
	}

	/**
	 * The group's meetings held, as their mentors recorded them: who came (all but one
	 * participant from the second on, never the demo's own) and a debrief each, by the
	 * mentors in turn; the English group then asks staff about the member who stayed
	 * away.
	 */
	private void held(ProgrammeId programme, PublishedGroups.Group group, AccountId firstMentor,
			AccountId demoParticipant) {
		var mentors = new ArrayList<AccountId>(group.mentors());
		mentors.remove(firstMentor);
		mentors.addFirst(firstMentor);
		var away = group.members()
			.stream()
			.filter(m -> m.role() == RecruitmentRole.PARTICIPANT)
			.map(PublishedGroups.GroupMember::person)
			.filter(p -> !p.equals(demoParticipant))
			.reduce((first, second) -> second)
			.orElseThrow();
		var meetings = meetingsOf(programme, group.id(), firstMentor);
		var debriefs = group.language() == Language.FI ? DEBRIEFS_FI : DEBRIEFS_EN;
		int held = group.language() == Language.FI ? HELD_ONLINE : HELD_ON_CAMPUS;
		for (int n = 0; n < held; n++) {
			var meeting = meetings.get(n);
			var writer = mentors.get(n % mentors.size());
			var present = new HashSet<AccountId>();
			group.members().forEach(m -> present.add(m.person()));
			if (n > 0) {
				present.remove(away);
			}
			workspace.recordAttendance(programme, group.id(), meeting.id(), present, writer);
			workspace.writeDebrief(programme, group.id(), meeting.id(), debriefs.get(n), writer);
		}
		if (group.language() == Language.EN) {
			workspace.askForAttention(programme, group.id(),
					"One participant has missed every meeting since the first and has not answered our "
							+ "message. How should we reach out to them?",
					mentors.getLast());
		}
	}

	/**
	 * The group's meetings, which publishing makes once its event is delivered, after the
	 * publishing transaction: waited for here.
	 */
	private List<Meeting> meetingsOf(ProgrammeId programme, UUID group, AccountId mentor) {
		long deadline = System.nanoTime() + MEETINGS_MADE_WITHIN.toNanos();
		var meetings = workspace.meetings(programme, group, mentor);
		while (meetings.size() < MEETINGS) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The meetings of group " + group + " were not made");
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for meetings", e);
			}
			meetings = workspace.meetings(programme, group, mentor);
		}
		return meetings;
	}

	private static ProgrammeSettings settings(LocalDate termStart, Instant mentorCallOpens, Instant mentorCallCloses,
			Instant signupOpens, Instant signupCloses, String domain) {
		return new ProgrammeSettings(EligibilityKind.NONE, null, true, "https://zoom.example.test/j/4455667788", true,
				List.of(CAMPUS), termStart, termStart.plusWeeks(10), mentorCallOpens, mentorCallCloses, 6, signupOpens,
				signupCloses, 16, 3, 210, MEETINGS, 120, 1, 10, 4, 2, false, true, true, 3, 9, 18, 27, 27,
				ProgrammeSettings.Grading.PASS_FAIL, true, "Wellbeing Desk", "wellbeing" + domain);
	}

	/**
	 * The groups' weekdays and the term's first day, from the day the demo is seeded. The
	 * campus group meets on the meeting day closest before today and the online group on
	 * the one closest after, never today's, so that whatever the time of day the term's
	 * fourth week has been met by the one and not yet by the other. The term started on
	 * the campus group's first meeting, three weeks before its fourth, the latest held;
	 * the online group's first was later that week, so three of its meetings were held.
	 */
	record Term(DayOfWeek campusDay, DayOfWeek onlineDay, LocalDate start) {

		static Term from(LocalDate today) {
			var campus = closest(today, -1);
			return new Term(campus, closest(today, 1),
					today.with(TemporalAdjusters.previous(campus)).minusWeeks(HELD_ON_CAMPUS - 1));
		}

		/** The meeting day closest to today in this direction (-1 before, 1 after). */
		private static DayOfWeek closest(LocalDate today, int direction) {
			var day = today.plusDays(direction);
			while (!MEETING_DAYS.contains(day.getDayOfWeek())) {
				day = day.plusDays(direction);
			}
			return day.getDayOfWeek();
		}

	}

}
