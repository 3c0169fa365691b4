package app.kindred.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Mails;
import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.core.Language;
import app.kindred.identity.AccountService;

/**
 * Course deadline reminders: two sweeps at once (as two instances would) send each once,
 * to each credit-seeking mentor who has not yet done the part, in their language; none
 * for a part done, none for a deadline beyond the window, none for a mentor not taking
 * the course for credits.
 */
@SpringBootTest
class CourseRemindersIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	TestGroups groups;

	@Autowired
	CourseReminders reminders;

	@Autowired
	CourseStore courseStore;

	@Autowired
	Courses courses;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoSweepsAtOnceRemindEachMentorOnceOfEachPartNotDone() throws Exception {
		var term = groups.creditCourse();
		var a = term.mentor(term.first(), 0);
		var b = term.mentor(term.first(), 1);
		var c = term.mentor(term.second(), 0);
		var d = term.mentor(term.second(), 1);
		var programme = term.programme();
		var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		// Objectives and the diary due in two days, peer evaluation tomorrow, the
		// self-evaluation beyond the three days' window
		courseStore.save(programme,
				new Course.Settings("SZ00CM31", 5, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(2)),
						now.plus(Duration.ofDays(20)), now.plus(Duration.ofDays(1)), 3, false, false),
				term.staff().coordinator().id().value(), now);
		// A has written objectives and evaluated B; B reads Finnish; D does not take the
		// course for credits
		for (int i = 0; i < 2; i++) {
			jdbc.sql("""
					insert into objective (id, programme_id, account_id, position, text, updated_at)
					values (?, ?, ?, ?, 'To listen better.', ?)""")
				.params(UUID.randomUUID(), programme.value(), a.id().value(), i, at(now))
				.update();
		}
		jdbc.sql("""
				insert into peer_evaluation (id, programme_id, group_id, author_id, subject_id, text, submitted_at)
				values (?, ?, ?, ?, ?, 'Prepared and kind throughout.', ?)""")
			.params(UUID.randomUUID(), programme.value(), term.first().id(), a.id().value(), b.id().value(), at(now))
			.update();
		accounts.updateProfile(b.id(), "Bea Finnish", Language.FI, ZoneId.of("Europe/Helsinki"));
		jdbc.sql("""
				update application set answers = replace(answers, '"forCredit":true', '"forCredit":false')
				where programme_id = ? and account_id = ?""").params(programme.value(), d.id().value()).update();
		var course = courses.course(courses.taught(programme, term.staff().teacher().id()).programme());
		assertThat(courses.creditStudents(course)).extracting(Student::account)
			.containsExactlyInAnyOrder(a.id(), b.id(), c.id());

		assertThat(sweepAtOnce()).isEqualTo(7);

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.during(Duration.ofSeconds(3))
			.until(() -> reminders(a).size() == 1 && reminders(b).size() == 3 && reminders(c).size() == 3);
		assertThat(reminders(d)).isEmpty();
		assertThat(subjects(a)).singleElement().asString().startsWith("Reminder: learning diary, due");
		assertThat(subjects(c)).anyMatch(s -> s.startsWith("Reminder: own learning objectives"))
			.anyMatch(s -> s.startsWith("Reminder: peer evaluation of your co-mentor"))
			.noneMatch(s -> s.contains("self-evaluation"));
		assertThat(subjects(b)).allMatch(s -> s.startsWith("Muistutus:"))
			.anyMatch(s -> s.contains("oppimispäiväkirja"));
		var body = Mails.body(reminders(c).getFirst());
		assertThat(body).contains("/programmes/" + programme.value() + "/course");
		assertThat(claims(programme.value())).isEqualTo(7);

		// Swept again, nothing more goes out
		assertThat(sweepAtOnce()).isZero();
		assertThat(claims(programme.value())).isEqualTo(7);
	}

	/**
	 * Two sweeps at the same moment, three times each, as two instances' schedules might.
	 */
	private int sweepAtOnce() throws Exception {
		var barrier = new CyclicBarrier(2);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var done = new ArrayList<Future<Integer>>();
			for (int i = 0; i < 2; i++) {
				done.add(pool.submit(() -> {
					barrier.await();
					return reminders.remind() + reminders.remind() + reminders.remind();
				}));
			}
			int claimed = 0;
			for (var future : done) {
				claimed += future.get();
			}
			return claimed;
		}
		finally {
			pool.shutdown();
		}
	}

	/** The course reminders the person received. */
	private static List<MimeMessage> reminders(TestData.Person person) {
		return Arrays.stream(mail.getReceivedMessagesForDomain(person.email()))
			.filter(m -> subject(m).startsWith("Reminder: ") && subject(m).contains(", due ")
					|| subject(m).contains("määräaika"))
			.toList();
	}

	private static List<String> subjects(TestData.Person person) {
		return reminders(person).stream().map(CourseRemindersIntegrationTests::subject).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private int claims(UUID programme) {
		return jdbc.sql("select count(*) from course_reminder_claim where programme_id = ?")
			.param(programme)
			.query(Integer.class)
			.single();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
