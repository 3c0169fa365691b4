package app.kindred.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Invitations;
import app.kindred.Mails;
import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.core.Language;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.SignUpAnswers;
import app.kindred.identity.AccountId;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneId;
import java.util.List;

/**
 * Sessions reach every accepted mentor with a calendar invitation; attendance decides
 * readiness unless overridden.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TrainingIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TrainingService training;

	@Autowired
	RecruitmentService recruitment;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aScheduledSessionReachesEachMentorOnceWithACalendarInvitation() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var anna = mentor(programme, "anna");
		var base = "/programmes/" + programme.value() + "/training";
		var starts = data.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
		var local = starts.atZone(ZoneId.of("Europe/Helsinki")).toLocalDateTime().toString();

		// Bad input: told at the field, nothing stored
		mvc.perform(post(base + "/sessions").with(csrf())
			.with(as(staff.coordinator()))
			.param("kind", "TRAINING")
			.param("startsAt", local)
			.param("minutes", "210"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please give a place, a video link, or both.")));
		mvc.perform(post(base + "/sessions").with(csrf())
			.with(as(staff.coordinator()))
			.param("kind", "TRAINING")
			.param("startsAt", "next tuesday")
			.param("minutes", "5")
			.param("videoLink", "javascript:alert(1)")).andExpect(status().isUnprocessableContent());
		mvc.perform(post(base + "/sessions").with(csrf())
			.with(as(staff.teacher()))
			.param("kind", "TRAINING")
			.param("startsAt", local)
			.param("minutes", "210")
			.param("place", "Room 1")).andExpect(status().isForbidden());
		assertThat(training.sessions(programme, staff.coordinator().id())).isEmpty();

		// Scheduling tells every accepted mentor: asked first, with their number, and
		// nothing is stored until confirmed
		var schedule = post(base + "/sessions").with(csrf())
			.with(as(staff.coordinator()))
			.param("kind", "TRAINING")
			.param("startsAt", local)
			.param("minutes", "210")
			.param("place", "Main building, room 12");
		mvc.perform(schedule)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Schedule this training session?")))
			.andExpect(content()
				.string(containsString("One person will be told by e-mail: every accepted mentor of the programme")))
			.andExpect(content().string(containsString("Schedule and tell one person")))
			.andExpect(content().string(containsString("name=\"place\" value=\"Main building, room 12\"")))
			.andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")));
		assertThat(training.sessions(programme, staff.coordinator().id())).isEmpty();
		// A second accepted mentor: the number follows
		mentor(programme, "bert");
		mvc.perform(schedule)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 people will be told by e-mail")));
		assertThat(training.sessions(programme, staff.coordinator().id())).isEmpty();
		mvc.perform(schedule.param("confirmed", "true")).andExpect(redirectedUrl(base));
		var session = training.sessions(programme, staff.coordinator().id()).getFirst();
		assertThat(session.startsAt()).isEqualTo(starts);

		// One mail told her she has a place; the other invites her
		var message = subjectStarting(Mails.await(mail, anna.email(), 2), "Mentor training:");
		var organisation = "Test University " + staff.founder().email();
		var invitation = Invitations.assertInvitation(message, "REQUEST", anna.email(), organisation);
		assertThat(invitation.getUid().getValue()).isEqualTo(session.id() + "@kindred");
		assertThat(invitation.getSequence().getValue()).isZero();
		assertThat(invitation.getDateStart().getValue().toInstant()).isEqualTo(starts);
		assertThat(invitation.getDateEnd().getValue().toInstant()).isEqualTo(starts.plus(Duration.ofMinutes(210)));
		assertThat(invitation.getLocation().getValue()).isEqualTo("Main building, room 12");

		mvc.perform(get("/programmes/" + programme.value() + "/my-training/" + session.id() + "/calendar.ics")
			.with(as(anna)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/calendar")))
			.andExpect(content().string(containsString("METHOD:PUBLISH")))
			.andExpect(content().string(not(containsString("ATTENDEE"))));
		mvc.perform(get("/programmes/" + programme.value() + "/my-training").with(as(data.person("not-a-mentor"))))
			.andExpect(status().isNotFound());

		// Cancelling asks first too; once cancelled, cancelling again tells nobody and
		// asks nothing
		var cancelling = post(base + "/sessions/" + session.id() + "/cancel").with(csrf())
			.with(as(staff.coordinator()));
		mvc.perform(cancelling)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Cancel this training session?")))
			.andExpect(content().string(containsString("Cancel the session and tell 2 people")));
		assertThat(training.sessions(programme, staff.coordinator().id()).getFirst().cancelled()).isFalse();
		mvc.perform(cancelling.param("confirmed", "true")).andExpect(redirectedUrl(base));
		mvc.perform(post(base + "/sessions/" + session.id() + "/cancel").with(csrf()).with(as(staff.coordinator())))
			.andExpect(redirectedUrl(base));
		var cancel = Invitations.assertInvitation(
				subjectStarting(Mails.await(mail, anna.email(), 3), "Cancelled: mentor training"), "CANCEL",
				anna.email(), organisation);
		assertThat(cancel.getUid().getValue()).isEqualTo(session.id() + "@kindred");
		assertThat(cancel.getSequence().getValue()).isEqualTo(1);
		// Cancelling again told nobody: a fourth mail would have been delivered by now
		Thread.sleep(500);
		assertThat(mail.getReceivedMessagesForDomain(anna.email())).hasSize(3);
	}

	@Test
	void attendanceDecidesReadinessMakeUpsCountAndCoordinatorsOverrideWithAReason() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var anna = mentor(programme, "anna");
		var bert = mentor(programme, "bert");
		var coordinator = staff.coordinator().id();
		var first = training.schedule(programme, SessionKind.TRAINING, data.now().plus(Duration.ofDays(5)), 210,
				"Room 1", null, coordinator);
		var makeUp = training.schedule(programme, SessionKind.MAKEUP, data.now().plus(Duration.ofDays(8)), 210,
				"Room 1", null, coordinator);
		var supervision = training.schedule(programme, SessionKind.SUPERVISION, data.now().plus(Duration.ofDays(30)),
				90, null, "https://video.example/room", coordinator);

		// Bert says in advance he cannot come; the coordinator sees it on the roll
		mvc.perform(post("/programmes/" + programme.value() + "/my-training/" + first.id() + "/response").with(csrf())
			.with(as(bert))
			.param("canCome", "false")).andExpect(status().is3xxRedirection());
		assertThat(training.roll(programme, first.id(), coordinator).mentors())
			.filteredOn(m -> m.id().equals(bert.id()))
			.singleElement()
			.satisfies(m -> assertThat(m.saidCannotCome()).isTrue());

		var base = "/programmes/" + programme.value() + "/training";
		mvc.perform(post(base + "/sessions/" + first.id() + "/attendance").with(csrf())
			.with(as(staff.coordinator()))
			.param("came", anna.id().value().toString())).andExpect(redirectedUrl(base));
		mvc.perform(post(base + "/sessions/" + makeUp.id() + "/attendance").with(csrf())
			.with(as(staff.coordinator()))
			.param("came", anna.id().value().toString(), bert.id().value().toString())).andExpect(redirectedUrl(base));
		mvc.perform(post(base + "/sessions/" + supervision.id() + "/attendance").with(csrf())
			.with(as(staff.coordinator()))
			.param("came", bert.id().value().toString())).andExpect(redirectedUrl(base));
		// Someone who is not an accepted mentor cannot be marked; nothing changes
		mvc.perform(post(base + "/sessions/" + first.id() + "/attendance").with(csrf())
			.with(as(staff.coordinator()))
			.param("came", staff.teacher().id().value().toString())).andExpect(status().isNotFound());

		training.changeRequiredTrainings(programme, 2, coordinator);
		assertThat(readiness(programme, coordinator)).containsExactlyInAnyOrder("anna 2 true", "bert 1 false");
		assertThat(training.readyMentors(programme)).containsExactly(anna.id());

		mvc.perform(post(base + "/readiness/" + bert.id().value()).with(csrf())
			.with(as(staff.coordinator()))
			.param("decision", "READY")
			.param("reason", " ")).andExpect(status().isUnprocessableContent());
		mvc.perform(post(base + "/readiness/" + bert.id().value()).with(csrf())
			.with(as(staff.coordinator()))
			.param("decision", "READY")
			.param("reason", "Trained last term")).andExpect(redirectedUrl(base));
		assertThat(readiness(programme, coordinator)).containsExactlyInAnyOrder("anna 2 true", "bert 1 true");
		mvc.perform(get(base).with(as(staff.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("(decided by hand: Trained last term)")));
		mvc.perform(get("/programmes/" + programme.value() + "/my-training").with(as(bert)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You are ready to lead a group.")));

		training.cancel(programme, first.id(), coordinator);
		assertThat(readiness(programme, coordinator)).containsExactlyInAnyOrder("anna 1 false", "bert 1 true");
		mvc.perform(post(base + "/sessions/" + first.id() + "/attendance").with(csrf())
			.with(as(staff.coordinator()))
			.param("came", anna.id().value().toString())).andExpect(status().isConflict());
		assertThat(jdbc.sql("select count(*) from session_attendance where session_id = ?")
			.param(first.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private static MimeMessage subjectStarting(MimeMessage[] messages, String start) throws MessagingException {
		for (var message : messages) {
			if (message.getSubject().startsWith(start)) {
				return message;
			}
		}
		throw new AssertionError("no mail whose subject starts with " + start);
	}

	private List<String> readiness(ProgrammeId programme, AccountId coordinator) {
		return training.readiness(programme, coordinator)
			.stream()
			.map(r -> r.email().substring(0, 4) + " " + r.trainingsAttended() + " " + r.ready())
			.toList();
	}

	/** An accepted mentor of the programme, signed up through recruitment. */
	private TestData.Person mentor(ProgrammeId programme, String who) {
		var person = data.person(who);
		recruitment.signUp(recruitment.programme(programme), RecruitmentRole.MENTOR, person.id(),
				new SignUpAnswers(EnumSet.of(Language.EN), SignUpAnswers.Delivery.REMOTE, null, "I want to help.", null,
						false, SignUpAnswers.Details.NONE));
		assertThat(recruitment.accepted(programme, RecruitmentRole.MENTOR)).contains(person.id());
		return person;
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
