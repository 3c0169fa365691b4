package app.kindred.meeting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.KindredApplication;
import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.training.SessionKind;
import app.kindred.training.TrainingService;
import app.kindred.training.internal.MentorTrainingService;
import app.kindred.Mails;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * Reminders with two application instances on one database, sweeping at the same moment:
 * exactly one e-mail per person and meeting (or mentor session), none for a cancelled
 * meeting, none yet for one moved beyond the window, and one when it comes within it. The
 * second instance is a second Spring context of the same application, with the same
 * database and the same SMTP server (GreenMail).
 */
@SpringBootTest
class RemindersIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	Environment environment;

	@Autowired
	TestData data;

	@Autowired
	TestGroups testGroups;

	@Autowired
	MeetingService meetings;

	@Autowired
	TrainingService training;

	@Autowired
	MentorTrainingService mentorTraining;

	@Autowired
	Reminders reminders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void twoInstancesSweepingAtOnceSendEachReminderOnceAndNoneForACancelledMeeting() throws Exception {
		// Command-line arguments, not builder properties: those are defaults, which the
		// application's own would override
		try (var second = new SpringApplicationBuilder(KindredApplication.class).run("--server.port=0",
				"--kindred.demo.enabled=false", "--spring.main.banner-mode=off",
				"--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
				"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""))) {
			var secondReminders = second.getBean(Reminders.class);
			assertThat(secondReminders).isNotSameAs(reminders);

			var staff = data.staff();
			var coordinator = staff.coordinator().id();
			var programme = data.programme(staff, true, testGroups.settings(LocalDate.now().plusDays(60), 6, 1));
			var cohort = testGroups.signUp(staff, programme,
					List.of(new TestGroups.Slot("TUE1615", TestGroups.CAMPUS), new TestGroups.Slot("THU1015", null)));
			var group = testGroups.publish(staff, programme)
				.stream()
				.filter(g -> g.slot().equals("TUE1615"))
				.findFirst()
				.orElseThrow();
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> meetings.overview(programme, coordinator)
					.groups()
					.stream()
					.allMatch(g -> g.meetings().size() == 6));
			var schedule = meetings.mine(programme, group.mentors().getFirst()).group().meetings();
			var m1 = schedule.get(0);
			var m2 = schedule.get(1);
			var m3 = schedule.get(2);

			// Meeting 1 in two hours; meeting 2 in three, cancelled (in one go, so no
			// sweep sees it in between);
			// meeting 3 beyond the reminder window; supervision in five hours, which one
			// mentor cannot come to
			var now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
			meetings.reschedule(programme, m1.id(), now.plus(Duration.ofHours(2)), 120, coordinator);
			transactions.executeWithoutResult(status -> {
				meetings.reschedule(programme, m2.id(), now.plus(Duration.ofHours(3)), 120, coordinator);
				meetings.cancel(programme, m2.id(), coordinator);
			});
			meetings.reschedule(programme, m3.id(), now.plus(Duration.ofHours(40)), 120, coordinator);
			var session = training.schedule(programme, SessionKind.SUPERVISION, now.plus(Duration.ofHours(5)), 90,
					"Room 5", null, coordinator);
			var mentors = cohort.people()
				.keySet()
				.stream()
				.filter(p -> training.readiness(programme, coordinator).stream().anyMatch(r -> r.mentor().equals(p)))
				.toList();
			assertThat(mentors).hasSize(4);
			var away = mentors.getFirst();
			mentorTraining.respond(programme, session.id(), false, away);

			sweepAtOnce(reminders, secondReminders);

			var members = group.members().stream().map(m -> cohort.person(m.person())).toList();
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.during(Duration.ofSeconds(3))
				.until(() -> members.stream()
					.allMatch(p -> MeetingMailbox.to(mail, p.email(), "Reminder: meeting 1 of Test programme")
						.size() == 1)
						&& mentors.stream()
							.filter(p -> !p.equals(away))
							.allMatch(p -> MeetingMailbox
								.to(mail, cohort.person(p).email(), "Reminder: mentor supervision")
								.size() == 1));
			for (var person : cohort.people().values()) {
				assertThat(MeetingMailbox.to(mail, person.email(), "Reminder: meeting 2")).as("cancelled").isEmpty();
				assertThat(MeetingMailbox.to(mail, person.email(), "Reminder: meeting 3")).as("beyond the window")
					.isEmpty();
				assertThat(MeetingMailbox.to(mail, person.email(), "Reminder: meeting"))
					.hasSize(members.contains(person) ? 1 : 0);
			}
			assertThat(MeetingMailbox.to(mail, cohort.person(away).email(), "Reminder: mentor")).isEmpty();
			assertThat(claims(m1.id())).isEqualTo(6);
			assertThat(claims(m2.id())).isZero();
			assertThat(claims(session.id())).isEqualTo(3);
			var body = Mails.body(MeetingMailbox.to(mail, members.getLast().email(), "Reminder: meeting 1").getFirst());
			assertThat(body).contains("120 minutes", TestGroups.CAMPUS);

			// Meeting 3 moved within the window: the reminder follows its new time, once
			meetings.reschedule(programme, m3.id(), now.plus(Duration.ofHours(20)), 120, coordinator);
			sweepAtOnce(reminders, secondReminders);
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.during(Duration.ofSeconds(3))
				.until(() -> members.stream()
					.allMatch(p -> MeetingMailbox.to(mail, p.email(), "Reminder: meeting 3 of Test programme")
						.size() == 1));
			assertThat(claims(m3.id())).isEqualTo(6);
			for (var person : members) {
				assertThat(MeetingMailbox.to(mail, person.email(), "Reminder: meeting 1")).hasSize(1);
			}
		}
	}

	/**
	 * Both instances sweep at the same moment, three times each, as their schedules
	 * might.
	 */
	private static void sweepAtOnce(Reminders first, Reminders second) throws Exception {
		var barrier = new CyclicBarrier(2);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var done = new ArrayList<Future<Integer>>();
			for (var instance : List.of(first, second)) {
				done.add(pool.submit(() -> {
					barrier.await();
					return instance.remind() + instance.remind() + instance.remind();
				}));
			}
			for (var future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private int claims(UUID subject) {
		return jdbc.sql("select count(*) from reminder_claim where subject_id = ?")
			.param(subject)
			.query(Integer.class)
			.single();
	}

}
