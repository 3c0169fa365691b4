package app.kindred.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.demo.internal.DemoCohort;
import app.kindred.demo.internal.DemoFeedback;
import app.kindred.demo.internal.DemoMeetingPhase;
import app.kindred.core.config.ProductionConfigurationCheck;
import app.kindred.identity.AccountService;
import app.kindred.organisation.OrganisationKind;
import app.kindred.organisation.OrganisationService;
import app.kindred.organisation.OrganisationSettings;
import app.kindred.organisation.Role;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeSettings;
import app.kindred.programme.ProgrammeText;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.RecruitmentRole;
import java.time.Instant;

/**
 * Seeds the demo on first start in development mode when demo data is switched on and the
 * database is the embedded H2 one. Never outside development mode, nor on PostgreSQL: a
 * real installation must not get accounts with published passwords. Seeded once the
 * application is ready, after every {@code ApplicationRunner}: the demo's meetings read
 * the session plan Kindred ships, which one of them loads.
 */
@Component
@Profile(ProductionConfigurationCheck.DEV_PROFILE)
class DemoData {

	static final String PASSWORD = "quiet lantern orchard";
	static final String DOMAIN = "@demo.kindred.test";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	private final DemoSettings settings;

	private final DataSource dataSource;

	private final AccountService accounts;

	private final OrganisationService organisations;

	private final ProgrammeService programmes;

	private final CallService calls;

	private final DemoCohort cohort;

	private final DemoMeetingPhase meetingPhase;

	private final DemoFeedback feedback;

	private final Clock clock;

	DemoData(DemoSettings settings, DataSource dataSource, AccountService accounts, OrganisationService organisations,
			ProgrammeService programmes, CallService calls, DemoCohort cohort, DemoMeetingPhase meetingPhase,
			DemoFeedback feedback, Clock clock) {
		this.calls = calls;
		this.feedback = feedback;
		this.cohort = cohort;
		this.meetingPhase = meetingPhase;
		this.settings = settings;
		this.dataSource = dataSource;
		this.accounts = accounts;
		this.organisations = organisations;
		this.programmes = programmes;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seedOnce() throws Exception {
		if (!settings.enabled() || !embedded()) {
			return;
		}
		if (accounts.findByEmail("coordinator" + DOMAIN).isEmpty()) {
			seed();
		}
		log.info("""

				Kindred demo accounts (password for all: {})
				  organisation admin: admin{}
				  coordinator:        coordinator{}
				  teacher:            teacher{}
				  mentor:             mentor{} (trained, leads a group with a co-mentor)
				  participant:        participant{} (in that group)
				  network admin:      network{} (of a network the university takes part in, with a
				                      report pooled over its members: "{}")
				  a credit course in its meeting phase ("Supporting wellbeing and life skills", 3 ECTS): two
				  groups published, one asking for staff attention; the mentor and participant above are in
				  the one that has held four of its six meetings, the other has held three; of its four
				  credit-seeking mentors, the mentor above one of them, three are part-way through their
				  course work and one has passed, as the teacher sees at the programme's assessment page;
				  its feedback: the self-compassion measure before and after and the participants' feedback
				  are all open now (a demo shortcut: a real programme asks them weeks apart), everyone was
				  invited by mail, and five of the campus group and three of the online group have answered
				  each, so the coordinator's report has figures and the participant above can still answer
				  through the invitations in the mailbox; the mentors' feedback opens after the last meeting
				  a programme ready for forming groups: 16 trained mentors such as {} and 60 participants
				  such as {}, every address on that programme's applications page
				Mail is not sent anywhere in this mode: read it at /dev/mailbox
				""", PASSWORD, DOMAIN, DOMAIN, DOMAIN, DOMAIN, DOMAIN, DOMAIN, DemoFeedback.NETWORK_NAME,
				DemoCohort.email(DemoCohort.NAMES.getFirst(), DOMAIN),
				DemoCohort.email(DemoCohort.NAMES.get(DemoCohort.MENTORS), DOMAIN));
	}

	private boolean embedded() throws Exception {
		var product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
		return DatabaseDriver.fromProductName(product) == DatabaseDriver.H2;
	}

	private void seed() {
		var admin = accounts.registerVerified("admin" + DOMAIN, "Aino Admin", PASSWORD, Language.FI);
		var coordinator = accounts.registerVerified("coordinator" + DOMAIN, "Cecilia Coordinator", PASSWORD,
				Language.EN);
		var teacher = accounts.registerVerified("teacher" + DOMAIN, "Teemu Teacher", PASSWORD, Language.FI);
		var mentor = accounts.registerVerified("mentor" + DOMAIN, "Mira Mentor", PASSWORD, Language.EN);
		var participant = accounts.registerVerified("participant" + DOMAIN, "Pekka Participant", PASSWORD, Language.SV);

		var university = organisations.create(new OrganisationSettings("Revontuli University (demo)",
				OrganisationKind.UNIVERSITY, Language.FI, HELSINKI, "Wellbeing Desk", "wellbeing" + DOMAIN), admin);
		organisations.grant(university, coordinator, Role.COORDINATOR);
		organisations.grant(university, teacher, Role.TEACHER);

		// The next autumn term that has not started yet, so every window in the demo lies
		// ahead.
		var today = LocalDate.now(clock.withZone(HELSINKI));
		int year = today.getMonthValue() >= Month.AUGUST.getValue() ? today.getYear() + 1 : today.getYear();

		var doctoral = programmes.create(university, texts("Compassion mentoring for doctoral students, autumn " + year,
				"Compassion-themed peer groups for doctoral students. Small groups meet six times during the autumn "
						+ "term for shared discussions and exercises on compassion, guided by two trained doctoral "
						+ "student mentors. Mentors are trained in three sessions and supported throughout; they "
						+ "receive a certificate for their role.",
				"Doctoral students of the university. Mentors: doctoral students who want to learn to facilitate groups."),
				EnumSet.of(Language.EN),
				new ProgrammeSettings(EligibilityKind.SELF_DECLARED, "doctoral student", true,
						"https://zoom.example.test/j/1234567890", false, List.of(), LocalDate.of(year, 9, 1),
						LocalDate.of(year, 12, 18), at(year, 8, 15, 9, 0), at(year, 9, 13, 23, 59), 16,
						at(year, 9, 20, 9, 0), at(year, 10, 15, 23, 59), 64, 3, 210, 6, 120, 1, 10, 4, 2, false, false,
						false, null, null, null, null, null, null, true, "Wellbeing Desk", "wellbeing" + DOMAIN),
				coordinator);
		programmes.publish(doctoral, coordinator);
		for (var slot : List.of(new Call.Slot(DayOfWeek.TUESDAY, LocalTime.of(16, 15)),
				new Call.Slot(DayOfWeek.WEDNESDAY, LocalTime.of(12, 15)),
				new Call.Slot(DayOfWeek.THURSDAY, LocalTime.of(10, 0)))) {
			calls.addSlot(doctoral, slot, coordinator);
		}
		calls.addQuestion(doctoral, RecruitmentRole.MENTOR, Call.QuestionKind.SINGLE_CHOICE, true,
				Map.of(Language.EN, "Which stage of your doctoral studies are you in?"),
				Map.of(Language.EN, List.of("First year", "Second or third year", "Finishing")), coordinator);
		calls.addConsent(doctoral, RecruitmentRole.PARTICIPANT,
				Map.of(Language.EN, "I keep what others share in the group to myself."), coordinator);

		cohort.seed(university, coordinator, DOMAIN, PASSWORD);
		var meetings = meetingPhase.seed(university, coordinator, teacher, mentor, participant, DOMAIN, PASSWORD);
		feedback.seed(meetings, university, admin, coordinator, participant, "network" + DOMAIN, DOMAIN, PASSWORD);
	}

	private static Instant at(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(HELSINKI).toInstant();
	}

	private static EnumMap<Language, ProgrammeText> texts(String name, String description, String audience) {
		var texts = new EnumMap<Language, ProgrammeText>(Language.class);
		texts.put(Language.EN, new ProgrammeText(name, description, audience));
		return texts;
	}

}
