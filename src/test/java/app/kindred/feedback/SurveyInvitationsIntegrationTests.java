package app.kindred.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Mails;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.feedback.internal.InvitationStore;
import app.kindred.feedback.internal.Moment;
import app.kindred.feedback.internal.SurveyService;
import app.kindred.feedback.internal.SurveySweep;
import app.kindred.identity.AccountId;

/**
 * Invitations and the reminder: nobody is asked before a survey opens; when it opens, its
 * audience (participants, or mentors for the mentors' feedback) is asked once by e-mail
 * with a link of their own; the one reminder goes to those who have not answered; two
 * instances sweeping at the same moment ask and remind each person once.
 */
@SpringBootTest
class SurveyInvitationsIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	TestGroups groups;

	@Autowired
	SurveyService service;

	@Autowired
	SurveySweep sweep;

	@Autowired
	InvitationStore invitations;

	@Autowired
	Surveys surveys;

	@Test
	void invitesTheAudienceWhenTheSurveyOpensAndNotBefore() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var coordinator = term.staff().coordinator().id();
		var opens = LocalDateTime.now(TestGroups.HELSINKI).plusDays(2).atZone(TestGroups.HELSINKI).toInstant();
		var participants = service.add(term.programme(), "kindred-participant-feedback", Moment.AFTER_THIRD, opens,
				opens.plus(Duration.ofDays(7)), coordinator);
		var mentors = service.add(term.programme(), "kindred-mentor-feedback", Moment.AFTER_LAST, opens,
				opens.plus(Duration.ofDays(7)), coordinator);
		sweep.sweep();
		assertThat(invitations.invited(participants.id())).isEmpty();
		assertThat(invitations.invited(mentors.id())).isEmpty();

		surveys.open(participants.id());
		surveys.open(mentors.id());
		sweep.sweep();
		var expectedParticipants = new ArrayList<AccountId>();
		var expectedMentors = new ArrayList<AccountId>();
		for (var group : List.of(term.first(), term.second())) {
			term.participants(group).forEach(p -> expectedParticipants.add(p.id()));
			expectedMentors.addAll(group.mentors());
		}
		assertThat(invitations.invited(participants.id())).containsExactlyInAnyOrderElementsOf(expectedParticipants);
		assertThat(invitations.invited(mentors.id())).containsExactlyInAnyOrderElementsOf(expectedMentors);

		var participant = term.participants(term.first()).get(0);
		var message = Surveys.mails(mail, participant.email(), 1)[0];
		assertThat(message.getSubject()).contains("Participant feedback");
		assertThat(Surveys.link(message)).startsWith("/surveys/answer/").endsWith("?lang=en");
		assertThat(Mails.body(message)).contains("anonymous");
		var mentor = term.mentor(term.first(), 0);
		Surveys.mails(mail, mentor.email(), 1);
		// Another sweep asks nobody again
		sweep.sweep();
		assertThat(surveys.count("select count(*) from survey_invitation where survey_id = ?", participants.id()))
			.isEqualTo(8);
	}

	@Test
	void twoInstancesAtOnceAskAndRemindEachPersonOnce() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var survey = service.add(term.programme(), "kindred-participant-feedback", Moment.AFTER_LAST, null, null,
				term.staff().coordinator().id());
		surveys.open(survey.id());
		race();
		var people = new ArrayList<>(term.participants(term.first()));
		people.addAll(term.participants(term.second()));
		assertThat(invitations.invited(survey.id())).hasSize(8);
		for (var person : people) {
			Surveys.mails(mail, person.email(), 1);
		}

		// One has answered: the others get the one reminder, with a link of its own
		var answered = people.get(0);
		invitations.markAnswered(survey.id(), answered.id());
		surveys.remindNow(survey.id());
		race();
		race();
		for (var person : people.subList(1, people.size())) {
			var received = Surveys.mails(mail, person.email(), 2);
			assertThat(received[1].getSubject()).startsWith("Reminder");
			assertThat(Surveys.link(received[1])).isNotEqualTo(Surveys.link(received[0]));
		}
		// Mail is sent after the commit: a second reminder would have arrived by now
		Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
		var counts = new HashMap<String, Integer>();
		for (var person : people) {
			counts.put(person.email(), Surveys.mails(mail, person.email(), 0).length);
		}
		assertThat(counts.get(answered.email())).isEqualTo(1);
		people.subList(1, people.size()).forEach(p -> assertThat(counts.get(p.email())).isEqualTo(2));
		assertThat(surveys.count("select count(*) from survey_link where survey_id = ?", survey.id())).isEqualTo(15);
	}

	/** Two "instances" sweep at the same moment. */
	private void race() throws Exception {
		var start = new CountDownLatch(1);
		try (var pool = Executors.newFixedThreadPool(2)) {
			Callable<SurveySweep.Swept> one = () -> {
				start.await();
				return sweep.sweep();
			};
			var a = pool.submit(one);
			var b = pool.submit(one);
			start.countDown();
			a.get();
			b.get();
		}
	}

}
