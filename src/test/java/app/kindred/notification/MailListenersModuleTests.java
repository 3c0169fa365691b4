package app.kindred.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Invitations;
import app.kindred.Mails;
import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.core.Language;
import app.kindred.grouping.GroupPublished;
import app.kindred.feedback.SurveyInvited;
import app.kindred.feedback.SurveyKind;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountRegistered;
import app.kindred.identity.RegistrationAttempted;
import app.kindred.meeting.Meeting;
import app.kindred.meeting.MeetingCancelled;
import app.kindred.meeting.Place;
import app.kindred.meeting.SessionReminderDue;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.ApplicationDecided;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.training.MentorInvited;
import app.kindred.training.MentorSession;
import app.kindred.training.SessionKind;

/**
 * What the mail listeners do with other modules' events, each event published on its own:
 * the mail recorded in the outbox under its kind, and as it reaches the recipient. The
 * notification module listens to every other module, so its direct dependencies are the
 * whole application but the demo.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@Import(TestData.class)
class MailListenersModuleTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestSmtp.server();

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewAccountIsAskedToVerifyItsAddressInItsLanguage(Scenario scenario) throws MessagingException {
		var email = TestData.uniqueEmail("new");
		var link = "http://localhost:8080/verify?token=" + UUID.randomUUID();
		scenario.publish(new AccountRegistered(AccountId.random(), email, "Nea", Language.FI, link))
			.andWaitForStateChange(() -> recorded(email), kinds -> !kinds.isEmpty())
			.andVerify(kinds -> assertThat(kinds).containsExactly("verify"));
		var message = only(email);
		assertThat(message.getSubject()).isEqualTo("Vahvista sähköpostiosoitteesi Kindrediin");
		assertThat(Mails.body(message)).contains("Nea", link);
	}

	@Test
	void theOwnerOfATakenAddressHearsOfTheAttemptWithKindredsLinksOnly(Scenario scenario) throws MessagingException {
		var owner = data.person("owner");
		scenario
			.publish(new RegistrationAttempted(owner.id(), owner.email(), "Olli", Language.EN,
					"http://localhost:8080/sign-in", "http://localhost:8080/password/forgot"))
			.andWaitForStateChange(() -> recorded(owner.email()), kinds -> !kinds.isEmpty())
			.andVerify(kinds -> assertThat(kinds).containsExactly("registrationAttempt"));
		var message = only(owner.email());
		assertThat(message.getSubject()).isEqualTo("Someone tried to create a Kindred account with your address");
		assertThat(Mails.body(message)).contains("Hello Olli", "http://localhost:8080/sign-in",
				"http://localhost:8080/password/forgot");
	}

	@Test
	void someoneSeatedByRecruitmentHearsTheyHaveAPlace(Scenario scenario) throws MessagingException {
		var programme = data.programme(data.staff(), true);
		var mentor = data.person("seated");
		scenario
			.publish(new ApplicationDecided(UUID.randomUUID(), programme, RecruitmentRole.MENTOR, mentor.id(),
					ApplicationState.SEATED, 0))
			.andWaitForStateChange(() -> recorded(mentor.email()), kinds -> !kinds.isEmpty())
			.andVerify(kinds -> assertThat(kinds).containsExactly("signUp.seated"));
		var message = only(mentor.email());
		assertThat(message.getSubject()).isEqualTo("You have a place: Test programme");
		assertThat(Mails.body(message)).contains("/programmes/" + programme + "/applications/mentor");
	}

	@Test
	void aMentorIsInvitedToATrainingAndToldOfItsCancellationWithCalendarFiles(Scenario scenario)
			throws MessagingException {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var mentor = data.person("trainee");
		var starts = data.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
		var session = new MentorSession(UUID.randomUUID(), programme, SessionKind.TRAINING, starts, 210,
				"Main building, room 12", null, false);
		scenario.publish(new MentorInvited(session, mentor.id(), "Test programme"))
			.andWaitForStateChange(() -> recorded(mentor.email()), kinds -> !kinds.isEmpty())
			.andVerify(kinds -> assertThat(kinds).containsExactly("session.scheduled"));
		var organisation = "Test University " + staff.founder().email();
		var invitation = Mails.await(smtp, mentor.email(), 1)[0];
		assertThat(invitation.getSubject()).startsWith("Mentor training:");
		var event = Invitations.assertInvitation(invitation, "REQUEST", mentor.email(), organisation);
		assertThat(event.getUid().getValue()).isEqualTo(session.id() + "@kindred");
		assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(starts);
		assertThat(event.getLocation().getValue()).isEqualTo("Main building, room 12");

		var cancelled = new MentorSession(session.id(), programme, SessionKind.TRAINING, starts, 210,
				"Main building, room 12", null, true);
		scenario.publish(new MentorInvited(cancelled, mentor.id(), "Test programme"))
			.andWaitForStateChange(() -> recorded(mentor.email()), kinds -> kinds.size() == 2)
			.andVerify(kinds -> assertThat(kinds).containsExactly("session.scheduled", "session.cancelled"));
		var cancellation = Mails.await(smtp, mentor.email(), 2)[1];
		assertThat(cancellation.getSubject()).startsWith("Cancelled: mentor training");
		assertThat(
				Invitations.assertInvitation(cancellation, "CANCEL", mentor.email(), organisation).getUid().getValue())
			.isEqualTo(session.id() + "@kindred");
	}

	@Test
	void aParticipantNoGroupCouldTakeIsToldSo(Scenario scenario) throws MessagingException {
		var programme = data.programme(data.staff(), true);
		var participant = data.person("unplaced");
		scenario
			.publish(new GroupPublished(programme, participant.id(), RecruitmentRole.PARTICIPANT, 0, null, null, null))
			.andWaitForStateChange(() -> recorded(participant.email()), kinds -> !kinds.isEmpty())
			.andVerify(kinds -> assertThat(kinds).containsExactly("group.none"));
		assertThat(only(participant.email()).getSubject()).isEqualTo("No group this time: Test programme");
	}

	@Test
	void aMentorLeadingAGroupHearsItsTimeLanguageAndPlace(Scenario scenario) throws MessagingException {
		var programme = data.programme(data.staff(), true);
		var mentor = data.person("leader");
		scenario
			.publish(new GroupPublished(programme, mentor.id(), RecruitmentRole.MENTOR, 3, "MON1615", Language.EN,
					"Kampus Aurora"))
			.andWaitForStateChange(() -> recorded(mentor.email()), kinds -> !kinds.isEmpty())
			.andVerify(kinds -> assertThat(kinds).containsExactly("group.assigned"));
		var message = only(mentor.email());
		assertThat(message.getSubject()).isEqualTo("Your group in Test programme: Monday 16:15");
		assertThat(Mails.body(message)).contains("you lead group 3 of Test programme with your co-mentor",
				"in English: Kampus Aurora", "/programmes/" + programme + "/my-group");
	}

	@Test
	void aMemberHearsOfACancelledMeetingWithACalendarFileThatRemovesIt(Scenario scenario) throws MessagingException {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var member = data.person("member");
		var meeting = meeting(programme, 2, data.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS));
		scenario.publish(new MeetingCancelled(meeting, member.id()))
			.andWaitForStateChange(() -> recorded(member.email()), kinds -> !kinds.isEmpty())
			.andVerify(kinds -> assertThat(kinds).containsExactly("groupMeeting.cancelled"));
		var message = only(member.email());
		assertThat(message.getSubject()).startsWith("Cancelled: meeting 2 of Test programme on");
		assertThat(Invitations
			.assertInvitation(message, "CANCEL", member.email(), "Test University " + staff.founder().email())
			.getUid()
			.getValue()).isEqualTo(meeting.uid());
	}

	@Test
	void aMentorIsRemindedOfASupervisionSessionWithItsPlaceAndLink(Scenario scenario) throws MessagingException {
		var programme = data.programme(data.staff(), true);
		var mentor = data.person("reminded");
		var session = new MentorSession(UUID.randomUUID(), programme, SessionKind.SUPERVISION,
				data.now().plus(Duration.ofHours(5)), 90, "Room 3", "https://video.example/supervision", false);
		scenario.publish(new SessionReminderDue(session, mentor.id()))
			.andWaitForStateChange(() -> recorded(mentor.email()), kinds -> !kinds.isEmpty())
			.andVerify(kinds -> assertThat(kinds).containsExactly("session.reminder"));
		var message = only(mentor.email());
		assertThat(message.getSubject()).startsWith("Reminder: mentor supervision");
		assertThat(Mails.body(message)).contains("Room 3", "https://video.example/supervision", "90 minutes",
				"/programmes/" + programme + "/my-training");
	}

	/** The kinds of mail recorded for the address, oldest first. */
	@Test
	void aPersonIsAskedToAnswerASurveyAndRemindedOnceWithTheirOwnLink(Scenario scenario) throws MessagingException {
		var programme = data.programme(data.staff(), true);
		var participant = data.person("respondent");
		var closes = Instant.parse("2027-03-01T14:00:00Z");
		scenario
			.publish(new SurveyInvited(UUID.randomUUID(), programme, participant.id(), SurveyKind.PARTICIPANT_FEEDBACK,
					"Participant feedback", "http://localhost:8080/surveys/answer/own-token", closes, false))
			.andWaitForStateChange(() -> recorded(participant.email()), kinds -> !kinds.isEmpty())
			.andVerify(kinds -> assertThat(kinds).containsExactly("surveyInvited"));
		var message = only(participant.email());
		assertThat(message.getSubject()).isEqualTo("A survey for you: Participant feedback");
		assertThat(Mails.body(message)).contains("Test programme", "1 March 2027", "16:00", "anonymous",
				"/surveys/answer/own-token?lang=en");
		scenario
			.publish(new SurveyInvited(UUID.randomUUID(), programme, participant.id(), SurveyKind.PARTICIPANT_FEEDBACK,
					"Participant feedback", "http://localhost:8080/surveys/answer/other-token", closes, true))
			.andWaitForStateChange(() -> recorded(participant.email()), kinds -> kinds.size() > 1)
			.andVerify(kinds -> assertThat(kinds).containsExactly("surveyInvited", "surveyReminder"));
		var reminder = Mails.await(smtp, participant.email(), 2)[1];
		assertThat(reminder.getSubject()).startsWith("Reminder: the survey \"Participant feedback\" closes on");
		assertThat(Mails.body(reminder)).contains("/surveys/answer/other-token?lang=en", "only reminder");
	}

	private List<String> recorded(String email) {
		return jdbc.sql("select kind from outgoing_mail where recipient = ? order by created_at")
			.param(email)
			.query(String.class)
			.list();
	}

	/** The one message the address received. */
	private static MimeMessage only(String email) {
		var messages = Mails.await(smtp, email, 1);
		assertThat(messages).hasSize(1);
		return messages[0];
	}

	private static Meeting meeting(ProgrammeId programme, int number, Instant starts) {
		return new Meeting(UUID.randomUUID(), programme, UUID.randomUUID(), number, starts, 120,
				new Place("Kampus Aurora", "A101", null), false, 1, true);
	}

}
