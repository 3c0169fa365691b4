package app.kindred.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Mails;
import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.assessment.AssessmentCourse;
import app.kindred.assessment.AssessmentDecided.Result;
import app.kindred.assessment.internal.AssessmentService;
import app.kindred.certificate.internal.Certificate;
import app.kindred.certificate.internal.CertificateContent;
import app.kindred.certificate.internal.CertificateService;
import app.kindred.certificate.internal.CertificateSettings;
import app.kindred.certificate.internal.CertificateStore;
import app.kindred.certificate.internal.Qualifications;
import app.kindred.certificate.internal.Qualifications.Reason;
import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.meeting.Meeting;
import app.kindred.meeting.MentorWorkspace;
import app.kindred.programme.ProgrammeService;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.SignUpAnswers;
import app.kindred.training.SessionKind;
import app.kindred.training.TrainingService;

/**
 * Issuing certificates: who qualifies and why not under the default rule and a changed
 * one; issuing to all twice gives the same certificates and one mail each, also from two
 * threads at once; an override needs a reason and is recorded; revoking records who, when
 * and why, tells the holder, and issuing again makes a new certificate; a course
 * certificate only after a pass; what a certificate holds, fixed on its day; a
 * participant's own request; Home; who may do what; and bad input refused at its field
 * with nothing changed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class CertificateIssuingIntegrationTests {

	static final String OVERRIDE = "Led every meeting held; the fourth was cancelled by a campus closure.";

	static final String REVOKE = "Issued to the wrong person by mistake.";

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestGroups groups;

	@Autowired
	AssessmentCourse courses;

	@Autowired
	AssessmentService assessment;

	@Autowired
	CertificateService certificates;

	@Autowired
	CertificateStore store;

	@Autowired
	Qualifications qualifications;

	@Autowired
	TrainingService training;

	@Autowired
	MentorWorkspace workspace;

	@Autowired
	RecruitmentService recruitment;

	@Autowired
	ProgrammeService programmes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEvents events;

	@Test
	void whoQualifiesAndWhyNotUnderTheDefaultRuleAndAChangedOne() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var id = term.programme();
		var coordinator = term.staff().coordinator();
		var trained = term.mentor(term.first(), 0);
		var halfTrained = term.mentor(term.first(), 1);
		var declared = term.mentor(term.second(), 0);
		var refused = term.mentor(term.second(), 1);
		training.changeRequiredTrainings(id, 2, coordinator.id());
		var started = data.now().minus(Duration.ofDays(20));
		var one = training.schedule(id, SessionKind.TRAINING, started, 180, "Room 1", null, coordinator.id());
		var two = training.schedule(id, SessionKind.TRAINING, started.plus(Duration.ofDays(1)), 180, "Room 1", null,
				coordinator.id());
		training.recordAttendance(id, one.id(), Set.of(trained.id(), halfTrained.id(), refused.id()), coordinator.id());
		training.recordAttendance(id, two.id(), Set.of(trained.id(), refused.id()), coordinator.id());
		training.override(id, declared.id(), true, "Trained with us last spring.", coordinator.id());
		training.override(id, refused.id(), false, "Asked to step back this term.", coordinator.id());
		var latecomer = data.person("latecomer");
		recruitment.signUp(recruitment.programme(id), RecruitmentRole.MENTOR, latecomer.id(),
				mentorAnswers(term.first().slot()));

		var standings = mentorStandings(term);
		assertThat(standings.get(trained.id())).containsExactly(reason("certificate.qualify.meetings", 3, 4));
		assertThat(standings.get(halfTrained.id())).containsExactly(reason("certificate.qualify.training", 1, 2),
				reason("certificate.qualify.meetings", 3, 4));
		assertThat(standings.get(declared.id())).containsExactly(reason("certificate.qualify.meetings", 3, 4));
		assertThat(standings.get(refused.id())).containsExactly(reason("certificate.qualify.notReady", 2, 2),
				reason("certificate.qualify.meetings", 3, 4));
		assertThat(standings.get(latecomer.id())).containsExactly(reason("certificate.qualify.training", 0, 2),
				reason("certificate.qualify.noGroup"));
		mvc.perform(get(page(term)).with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("3 of 4 meetings of their group held")))
			.andExpect(content().string(containsString("Attended 1 of 2 trainings and readiness not given")))
			.andExpect(content().string(containsString("Not in a published group")))
			.andExpect(content().string(containsString("Everyone who qualifies has their certificate.")));

		// A fourth meeting held qualifies the trained and the declared
		holdFourthMeetings(term);
		standings = mentorStandings(term);
		assertThat(standings.get(trained.id())).isEmpty();
		assertThat(standings.get(declared.id())).isEmpty();
		assertThat(standings.get(halfTrained.id())).containsExactly(reason("certificate.qualify.training", 1, 2));

		// Training no longer asked and one meeting enough: everyone in a group qualifies
		mvc.perform(settings(term, "false", "1", "false", "4").with(as(coordinator)))
			.andExpect(status().is3xxRedirection());
		standings = mentorStandings(term);
		assertThat(standings.values().stream().filter(List::isEmpty).count()).isEqualTo(4);
		assertThat(standings.get(latecomer.id())).containsExactly(reason("certificate.qualify.noGroup"));
		mvc.perform(get(page(term)).with(as(coordinator)))
			.andExpect(content().string(containsString("Issue to all 4 who qualify")))
			.andExpect(content().string(not(containsString("3 of 4 meetings"))));
		assertThat(certificates.settings(id, coordinator.id()).minimumMeetings()).isEqualTo(1);
	}

	@Test
	void issuingToAllTwiceGivesTheSameCertificatesAndTellsEachHolderOnce() throws Exception {
		var term = qualifyingTerm();
		var coordinator = term.staff().coordinator();
		var mentors = mentors(term);

		mvc.perform(post(page(term) + "/issue").with(csrf()).with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("4 certificates will be issued, each fixed as it stands today")))
			.andExpect(content().string(containsString("4 people will be told by e-mail")))
			.andExpect(content().string(containsString("Issue and tell 4 people")));
		assertThat(inForce(term)).isEmpty();

		mvc.perform(post(page(term) + "/issue").param("confirmed", "true").with(csrf()).with(as(coordinator)))
			.andExpect(status().is3xxRedirection());
		var first = inForce(term);
		assertThat(first).hasSize(4);
		assertThat(first).extracting(Certificate::holder).containsExactlyInAnyOrderElementsOf(ids(mentors));
		assertThat(first).allSatisfy(c -> {
			assertThat(c.kind()).isEqualTo(CertificateKind.MENTOR);
			assertThat(c.issuedBy()).isEqualTo(coordinator.id());
			assertThat(c.overrideReason()).isNull();
		});
		for (var mentor : mentors) {
			var body = mailBody(mentor, "Your mentor certificate is ready: Test programme");
			assertThat(body).contains("/account").doesNotContain(".pdf");
		}
		long published = events.stream(CertificateIssued.class).count();

		mvc.perform(post(page(term) + "/issue").param("confirmed", "true").with(csrf()).with(as(coordinator)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(page(term) + "/issue/" + mentors.get(0).id().value()).param("kind", "MENTOR")
			.with(csrf())
			.with(as(coordinator))).andExpect(status().is3xxRedirection());
		assertThat(inForce(term)).extracting(Certificate::code)
			.containsExactlyInAnyOrderElementsOf(first.stream().map(Certificate::code).toList());
		assertThat(events.stream(CertificateIssued.class).count()).isEqualTo(published);
		assertThat(rows(term)).isEqualTo(4);
		for (var mentor : mentors) {
			assertThat(outbox("certificateIssued", mentor)).isEqualTo(1);
		}
		mvc.perform(get(page(term)).with(as(coordinator)))
			.andExpect(content().string(containsString(first.get(0).displayCode())))
			.andExpect(content().string(containsString("/verify/" + first.get(0).displayCode())))
			.andExpect(content().string(containsString("Everyone who qualifies has their certificate.")));
	}

	@Test
	void twoCoordinatorsIssuingToAllAtOnceIssueEachCertificateOnce() throws Exception {
		var term = qualifyingTerm();
		var coordinator = term.staff().coordinator().id();
		var start = new CountDownLatch(1);
		Callable<Integer> issue = () -> {
			start.await();
			return certificates.issueAll(term.programme(), coordinator).size();
		};
		try (var pool = Executors.newFixedThreadPool(2)) {
			var a = pool.submit(issue);
			var b = pool.submit(issue);
			start.countDown();
			assertThat(a.get() + b.get()).isEqualTo(4);
		}
		assertThat(inForce(term)).hasSize(4);
		assertThat(rows(term)).isEqualTo(4);
		for (var mentor : mentors(term)) {
			Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> outbox("certificateIssued", mentor) >= 1);
			assertThat(outbox("certificateIssued", mentor)).isEqualTo(1);
		}
	}

	@Test
	void issuingAgainstTheRuleNeedsAReasonWhichIsKept() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var coordinator = term.staff().coordinator();
		var mentor = term.mentor(term.first(), 0);
		var issue = post(page(term) + "/issue/" + mentor.id().value()).param("kind", "MENTOR").with(csrf());

		expectRefused(issue.with(as(coordinator)), "reason");
		expectRefused(post(page(term) + "/issue/" + mentor.id().value()).param("kind", "MENTOR")
			.param("reason", "why")
			.with(csrf())
			.with(as(coordinator)), "reason");
		assertThat(rows(term)).isZero();

		var before = data.now();
		mvc.perform(post(page(term) + "/issue/" + mentor.id().value()).param("kind", "MENTOR")
			.param("reason", OVERRIDE)
			.with(csrf())
			.with(as(coordinator))).andExpect(status().is3xxRedirection());

		var issued = inForce(term);
		assertThat(issued).hasSize(1);
		var certificate = issued.get(0);
		assertThat(certificate.holder()).isEqualTo(mentor.id());
		assertThat(certificate.overrideReason()).isEqualTo(OVERRIDE);
		assertThat(certificate.issuedBy()).isEqualTo(coordinator.id());
		assertThat(certificate.issuedAt()).isAfterOrEqualTo(before.minusMillis(1)).isBefore(data.now().plusSeconds(1));
		mvc.perform(get(page(term)).with(as(coordinator)))
			.andExpect(content().string(containsString("Issued against the rule: " + OVERRIDE)));
		Mails.await(mail, mentor.email(), 1);
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> outbox("certificateIssued", mentor) == 1);
	}

	@Test
	void revokingKeepsWhoWhenAndWhyTellsTheHolderAndIssuingAgainMakesANewCertificate() throws Exception {
		var term = qualifyingTerm();
		var coordinator = term.staff().coordinator();
		var mentor = term.mentor(term.first(), 0);
		var issued = certificates.issue(term.programme(), mentor.id(), CertificateKind.MENTOR, null, coordinator.id())
			.certificate();
		var revoke = page(term) + "/" + issued.id() + "/revoke";

		expectRefused(post(revoke).with(csrf()).with(as(coordinator)), "reason");
		expectRefused(post(revoke).param("reason", "x".repeat(1001)).with(csrf()).with(as(coordinator)), "reason");
		assertThat(store.byId(issued.id()).orElseThrow().revoked()).isFalse();

		mvc.perform(post(revoke).param("reason", REVOKE).with(csrf()).with(as(coordinator)))
			.andExpect(status().is3xxRedirection());
		var revoked = store.byId(issued.id()).orElseThrow();
		assertThat(revoked.revoked()).isTrue();
		assertThat(revoked.revokedBy()).isEqualTo(coordinator.id());
		assertThat(revoked.revokeReason()).isEqualTo(REVOKE);
		assertThat(revoked.revokedAt()).isAfter(revoked.issuedAt());
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> outbox("certificateRevoked", mentor) == 1);
		assertThat(mailBody(mentor, "Your mentor certificate was revoked: Test programme")).contains("/account")
			.doesNotContain(REVOKE);
		mvc.perform(post(revoke).param("reason", REVOKE).with(csrf()).with(as(coordinator)))
			.andExpect(status().isConflict());

		var again = certificates.issue(term.programme(), mentor.id(), CertificateKind.MENTOR, null, coordinator.id());
		assertThat(again.issuedNow()).isTrue();
		assertThat(again.certificate().id()).isNotEqualTo(issued.id());
		assertThat(again.certificate().code()).isNotEqualTo(issued.code());
		assertThat(rows(term)).isEqualTo(2);
		assertThat(inForce(term)).extracting(Certificate::id).containsExactly(again.certificate().id());
		mvc.perform(get(page(term)).with(as(coordinator)))
			.andExpect(content().string(containsString(REVOKE)))
			.andExpect(content().string(containsString(again.certificate().displayCode())));
	}

	@Test
	void aCourseCertificateComesOnlyWithAPassInForce() throws Exception {
		var course = courses.withCode("SZ00CM31");
		var term = course.term();
		var id = course.programme();
		var mentor = term.mentor(term.first(), 0);
		var coordinator = term.staff().coordinator();
		var teacher = term.staff().teacher().id();

		assertThat(courseReasons(term, mentor.id())).containsExactly(reason("certificate.qualify.noDecision"));
		assessment.decide(id, mentor.id(), teacher, Result.FAIL, Set.of(course.criteria().get(0)),
				"The reflection on the group meetings is missing: write a new version of entry two.");
		assertThat(courseReasons(term, mentor.id())).containsExactly(reason("certificate.qualify.failed"));
		mvc.perform(post(page(term) + "/issue/" + mentor.id().value()).param("kind", "COURSE")
			.param("reason", OVERRIDE)
			.with(csrf())
			.with(as(coordinator))).andExpect(status().isConflict());
		certificates.issueAll(id, coordinator.id());
		assertThat(inForce(term)).noneMatch(c -> c.kind() == CertificateKind.COURSE);

		assessment.decide(id, mentor.id(), teacher, Result.PASS, Set.copyOf(course.criteria()),
				"Your supplemented diary now reflects on every meeting. Well done.");
		assertThat(courseReasons(term, mentor.id())).isEmpty();
		certificates.issueAll(id, coordinator.id());
		var issued = inForce(term).stream().filter(c -> c.kind() == CertificateKind.COURSE).toList();
		assertThat(issued).extracting(Certificate::holder).containsExactly(mentor.id());
		var passed = issued.get(0).content().course();
		assertThat(passed.code()).isEqualTo("SZ00CM31");
		assertThat(passed.credits()).isEqualTo(3);
		assertThat(passed.passedOn()).isEqualTo(LocalDate.now(TestGroups.HELSINKI));
		assertThat(mailBody(mentor, "Your course certificate is ready: Test programme")).contains("/account");
	}

	@Test
	void aCertificateHoldsWhatTheMentorDidAsItStoodOnItsDay() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var id = term.programme();
		var coordinator = term.staff().coordinator();
		var mentor = term.mentor(term.first(), 0);
		var coMentor = term.mentor(term.first(), 1);
		var started = data.now().minus(Duration.ofDays(20));
		var attended = training.schedule(id, SessionKind.TRAINING, started, 170, "Room 1", null, coordinator.id());
		var makeUp = training.schedule(id, SessionKind.MAKEUP, started.plus(Duration.ofDays(1)), 45, "Room 1", null,
				coordinator.id());
		var supervision = training.schedule(id, SessionKind.SUPERVISION, started.plus(Duration.ofDays(2)), 95, "Room 2",
				null, coordinator.id());
		var missed = training.schedule(id, SessionKind.TRAINING, started.plus(Duration.ofDays(3)), 180, "Room 1", null,
				coordinator.id());
		training.recordAttendance(id, attended.id(), Set.of(mentor.id()), coordinator.id());
		training.recordAttendance(id, makeUp.id(), Set.of(mentor.id()), coordinator.id());
		training.recordAttendance(id, supervision.id(), Set.of(mentor.id()), coordinator.id());
		training.recordAttendance(id, missed.id(), Set.of(coMentor.id()), coordinator.id());
		List<Meeting> meetings = workspace.meetings(id, term.first().id(), mentor.id());
		// Present at the first, absent from the second, no roll taken at the third
		workspace.recordAttendance(id, term.first().id(), meetings.get(0).id(), Set.of(mentor.id()), mentor.id());
		workspace.recordAttendance(id, term.first().id(), meetings.get(1).id(), Set.of(coMentor.id()), mentor.id());
		mvc.perform(settings(term, "true", "3", "false", "4").param("roleTextFi", "Ohjasi ryhmää.")
			.param("signatoryName", "Aino Virtanen")
			.param("signatoryTitle", "Head of Student Wellbeing")
			.with(as(coordinator))).andExpect(status().is3xxRedirection());

		var certificate = certificates.issue(id, mentor.id(), CertificateKind.MENTOR, null, coordinator.id())
			.certificate();

		var content = store.byId(certificate.id()).orElseThrow().content();
		var zone = TestGroups.HELSINKI;
		assertThat(content.holderName()).matches("mentor[01]" + term.first().slot().toLowerCase());
		assertThat(content.organisationName()).startsWith("Test University");
		assertThat(content.programmeNames()).isEqualTo(Map.of(Language.EN, "Test programme"));
		var programme = programmes.find(id).orElseThrow().settings();
		assertThat(content.termStart()).isEqualTo(programme.termStart());
		assertThat(content.termEnd()).isEqualTo(programme.termEnd());
		assertThat(content.trainings()).containsExactly(
				new CertificateContent.Session(attended.startsAt().atZone(zone).toLocalDate(), 170),
				new CertificateContent.Session(makeUp.startsAt().atZone(zone).toLocalDate(), 45));
		assertThat(content.supervision())
			.containsExactly(new CertificateContent.Session(supervision.startsAt().atZone(zone).toLocalDate(), 95));
		int meetingMinutes = meetings.get(0).minutes();
		assertThat(content.groups()).containsExactly(new CertificateContent.Group(term.first().number(),
				term.first().language(), 3, meetingMinutes + meetings.get(2).minutes()));
		assertThat(content.totalMinutes()).isEqualTo(170 + 45 + 95 + 2 * meetingMinutes);
		assertThat(content.roleTexts().get(Language.FI)).isEqualTo("Ohjasi ryhmää.");
		assertThat(content.roleTexts().get(Language.EN)).startsWith("As a volunteer compassion mentor");
		assertThat(content.roleTexts().get(Language.SV)).startsWith("Som frivillig medkänslomentor");
		assertThat(content.signatoryName()).isEqualTo("Aino Virtanen");
		assertThat(content.signatoryTitle()).isEqualTo("Head of Student Wellbeing");
		assertThat(content.course()).isNull();

		// Attendance corrected afterwards does not rewrite the certificate
		workspace.recordAttendance(id, term.first().id(), meetings.get(1).id(), Set.of(mentor.id()), mentor.id());
		training.recordAttendance(id, missed.id(), Set.of(mentor.id()), coordinator.id());
		assertThat(store.byId(certificate.id()).orElseThrow().content()).isEqualTo(content);

		// Without a signatory in the settings, the coordinator who issues signs
		mvc.perform(settings(term, "true", "3", "false", "4").with(as(coordinator)))
			.andExpect(status().is3xxRedirection());
		var other = certificates.issue(id, coMentor.id(), CertificateKind.MENTOR, null, coordinator.id())
			.certificate()
			.content();
		assertThat(other.signatoryName()).isEqualTo("coordinator");
		assertThat(other.signatoryTitle()).isNull();
		assertThat(other.roleTexts().get(Language.FI)).startsWith("Vapaaehtoisena myötätuntomentorina");
	}

	@Test
	void aParticipantAsksForTheirOwnCertificateWhereTheProgrammeOffersOne() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var id = term.programme();
		var coordinator = term.staff().coordinator();
		var participant = term.participants(term.first()).get(0);
		var mentor = term.mentor(term.first(), 0);
		var request = post(page(term) + "/request").with(csrf());

		mvc.perform(request.with(as(participant))).andExpect(status().isNotFound());
		mvc.perform(get("/").with(as(participant)))
			.andExpect(content().string(not(containsString("Request a participation certificate"))));
		mvc.perform(settings(term, "true", "4", "true", "1").with(as(coordinator)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(page(term) + "/request").with(csrf()).with(as(participant))).andExpect(status().isConflict());
		// One meeting is one meeting, not "0 of the 1 meetings"
		mvc.perform(get("/").with(as(participant)))
			.andExpect(content().string(containsString(
					"A participation certificate needs one meeting attended; the attendance records none for you yet.")));
		mvc.perform(get(page(term)).with(as(coordinator)))
			.andExpect(content().string(containsString("once they have attended one meeting.")));
		for (var nobody : new TestData.Person[] { mentor, term.staff().outsider(), coordinator }) {
			mvc.perform(post(page(term) + "/request").with(csrf()).with(as(nobody))).andExpect(status().isNotFound());
		}
		assertThat(rows(term)).isZero();

		var first = workspace.meetings(id, term.first().id(), mentor.id()).get(0);
		workspace.recordAttendance(id, term.first().id(), first.id(), Set.of(participant.id()), mentor.id());
		mvc.perform(get("/").with(as(participant)))
			.andExpect(content().string(containsString("Request a participation certificate")))
			.andExpect(content().string(containsString(
					"You have attended one meeting of your group: enough for a participation certificate.")));
		mvc.perform(post(page(term) + "/request").with(csrf()).with(as(participant)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(page(term) + "/request").with(csrf()).with(as(participant)))
			.andExpect(status().is3xxRedirection());

		var issued = inForce(term);
		assertThat(issued).hasSize(1);
		var certificate = issued.get(0);
		assertThat(certificate.kind()).isEqualTo(CertificateKind.PARTICIPATION);
		assertThat(certificate.holder()).isEqualTo(participant.id());
		assertThat(certificate.issuedBy()).isNull();
		assertThat(certificate.content().groups()).containsExactly(
				new CertificateContent.Group(term.first().number(), term.first().language(), 1, first.minutes()));
		assertThat(certificate.content().trainings()).isEmpty();
		assertThat(certificate.content().roleTexts()).isEmpty();
		assertThat(certificate.content().signatoryName()).isEqualTo("Coordinator");
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> outbox("certificateIssued", participant) == 1);
		mvc.perform(get("/").with(as(participant)))
			.andExpect(content().string(containsString("Your certificate is ready.")))
			.andExpect(content().string(containsString("href=\"/account\"")))
			.andExpect(content().string(not(containsString("Request a participation certificate"))));
		mvc.perform(get(page(term)).with(as(coordinator)))
			.andExpect(content().string(containsString("Participation certificates")))
			.andExpect(content().string(containsString("at their own request")))
			.andExpect(content().string(containsString("Qualified when they asked")))
			.andExpect(content().string(not(containsString("No longer listed"))));
		// Coordinators do not issue participation certificates themselves
		mvc.perform(post(page(term) + "/issue/" + participant.id().value()).param("kind", "PARTICIPATION")
			.param("reason", OVERRIDE)
			.with(csrf())
			.with(as(coordinator))).andExpect(status().isUnprocessableContent());
	}

	@Test
	void homeAsksTheCoordinatorToIssueTowardsTheEndAndTellsHoldersTheirsIsReady() throws Exception {
		var term = qualifyingTerm();
		var coordinator = term.staff().coordinator();
		var mentor = term.mentor(term.first(), 0);

		mvc.perform(get("/").with(as(coordinator)))
			.andExpect(content().string(containsString(page(term))))
			.andExpect(content().string(not(containsString("Certificates to issue to people who qualify"))));
		jdbc.sql("update programme set term_end = ? where id = ?")
			.params(LocalDate.now(TestGroups.HELSINKI).plusDays(10), term.programme().value())
			.update();
		mvc.perform(get("/").with(as(coordinator)))
			.andExpect(content().string(containsString("Certificates to issue to people who qualify: 4")));

		certificates.issueAll(term.programme(), coordinator.id());
		mvc.perform(get("/").with(as(coordinator)))
			.andExpect(content().string(not(containsString("Certificates to issue to people who qualify"))));
		mvc.perform(get("/").with(as(mentor)))
			.andExpect(content().string(containsString("Your certificate is ready.")))
			.andExpect(content().string(containsString("href=\"/account\"")));
		mvc.perform(get("/programmes/{id}/manage", term.programme().value()).with(as(coordinator)))
			.andExpect(content().string(containsString("href=\"" + page(term) + "\"")));
	}

	@Test
	void onlyTheProgrammesCoordinatorsReachEveryRoute() throws Exception {
		var term = qualifyingTerm();
		var staff = term.staff();
		var mentor = term.mentor(term.first(), 0);
		var issued = certificates.issue(term.programme(), mentor.id(), CertificateKind.MENTOR, null,
				staff.coordinator().id());
		var elsewhere = data.staff().coordinator();
		List<MockHttpServletRequestBuilder> routes = List.of(get(page(term)),
				post(page(term) + "/issue").param("confirmed", "true").with(csrf()),
				post(page(term) + "/issue/" + term.mentor(term.first(), 1).id().value()).param("kind", "MENTOR")
					.with(csrf()),
				post(page(term) + "/" + issued.certificate().id() + "/revoke").param("reason", REVOKE).with(csrf()),
				get(page(term) + "/settings"), settings(term, "false", "0", "true", "0"));
		for (var route : routes) {
			mvc.perform(route.with(as(staff.teacher()))).andExpect(status().isForbidden());
			mvc.perform(route.with(as(staff.admin()))).andExpect(status().isForbidden());
			for (var nobody : new TestData.Person[] { mentor, term.participants(term.first()).get(0), staff.outsider(),
					elsewhere }) {
				mvc.perform(route.with(as(nobody))).andExpect(status().isNotFound());
			}
		}
		assertThat(rows(term)).isEqualTo(1);
		assertThat(inForce(term)).hasSize(1);
		assertThat(settingsRows(term)).isEqualTo(1);
		assertThat(certificates.settings(term.programme(), staff.coordinator().id()).minimumMeetings()).isEqualTo(3);
		assertThatThrownBy(() -> certificates.issueAll(term.programme(), staff.teacher().id()))
			.isInstanceOf(RuntimeException.class);
		assertThatThrownBy(
				() -> certificates.certificate(term.programme(), UUID.randomUUID(), staff.coordinator().id()))
			.isInstanceOf(NotFoundException.class);
		// A certificate of another programme is not this one's to revoke
		var other = qualifyingTerm();
		var theirs = certificates.issue(other.programme(), other.mentor(other.first(), 0).id(), CertificateKind.MENTOR,
				null, other.staff().coordinator().id());
		mvc.perform(post(page(term) + "/" + theirs.certificate().id() + "/revoke").param("reason", REVOKE)
			.with(csrf())
			.with(as(staff.coordinator()))).andExpect(status().isNotFound());
		assertThat(store.byId(theirs.certificate().id()).orElseThrow().revoked()).isFalse();
	}

	@Test
	void badInputIsToldAtItsFieldAndChangesNothing() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var coordinator = as(term.staff().coordinator());
		var mentor = term.mentor(term.first(), 0);
		var issue = page(term) + "/issue/" + mentor.id().value();

		expectRefused(
				post(issue).param("kind", "MENTOR").param("reason", "x".repeat(1001)).with(csrf()).with(coordinator),
				"reason");
		expectRefused(post(issue).param("kind", "WIZARD").param("reason", OVERRIDE).with(csrf()).with(coordinator),
				"kind");
		expectRefused(post(issue).param("reason", OVERRIDE).with(csrf()).with(coordinator), "kind");
		expectRefused(
				post(issue).param("kind", "PARTICIPATION").param("reason", OVERRIDE).with(csrf()).with(coordinator),
				"kind");
		mvc.perform(post(page(term) + "/issue/" + UUID.randomUUID()).param("kind", "MENTOR")
			.param("reason", OVERRIDE)
			.with(csrf())
			.with(coordinator)).andExpect(status().isNotFound());

		expectRefused(settings(term, "true", "-1", "false", "4").with(coordinator), "minimumMeetings");
		expectRefused(settings(term, "true", "999", "false", "4").with(coordinator), "minimumMeetings");
		expectRefused(settings(term, "true", "four", "false", "4").with(coordinator), "minimumMeetings");
		expectRefused(settings(term, "true", "4", "true", "53").with(coordinator), "participantMinimumMeetings");
		expectRefused(settings(term, "true", "4", "true", "4").param("roleTextEn", "x".repeat(2001)).with(coordinator),
				"roleTextEn");
		expectRefused(
				settings(term, "true", "4", "true", "4").param("signatoryName", "x".repeat(201)).with(coordinator),
				"signatoryName");

		assertThat(rows(term)).isZero();
		assertThat(settingsRows(term)).isZero();
		assertThat(certificates.settings(term.programme(), term.staff().coordinator().id()))
			.isEqualTo(CertificateSettings.DEFAULTS);
		assertThatThrownBy(() -> certificates.issue(term.programme(), mentor.id(), CertificateKind.MENTOR, "    ",
				term.staff().coordinator().id()))
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.field()).contains("reason"));
		assertThat(events.stream(CertificateIssued.class).count()).isZero();
	}

	// Fixtures

	/** A term whose mentors all qualify: the settings ask for three meetings held. */
	private TestGroups.Term qualifyingTerm() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		mvc.perform(settings(term, "true", "3", "false", "4").with(as(term.staff().coordinator())))
			.andExpect(status().is3xxRedirection());
		return term;
	}

	private MockHttpServletRequestBuilder settings(TestGroups.Term term, String requireTraining, String minimum,
			String participation, String participantMinimum) {
		var request = post(page(term) + "/settings").param("minimumMeetings", minimum)
			.param("participantMinimumMeetings", participantMinimum)
			.with(csrf());
		if ("true".equals(requireTraining)) {
			request.param("requireTraining", "true");
		}
		if ("true".equals(participation)) {
			request.param("participation", "true");
		}
		return request;
	}

	/** Moves each group's fourth meeting to an hour ago: held. */
	private void holdFourthMeetings(TestGroups.Term term) {
		jdbc.sql("update meeting set starts_at = ? where programme_id = ? and number = 4")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), term.programme().value())
			.update();
	}

	private Map<AccountId, List<Reason>> mentorStandings(TestGroups.Term term) {
		var programme = programmes.find(term.programme()).orElseThrow();
		var settings = certificates.settingsOf(term.programme());
		var standings = new HashMap<AccountId, List<Reason>>();
		qualifications.of(programme, settings)
			.stream()
			.filter(s -> s.kind() == CertificateKind.MENTOR)
			.forEach(s -> standings.put(s.person(), s.reasons()));
		return standings;
	}

	private List<Reason> courseReasons(TestGroups.Term term, AccountId mentor) {
		var programme = programmes.find(term.programme()).orElseThrow();
		return qualifications.of(programme, certificates.settingsOf(term.programme()))
			.stream()
			.filter(s -> s.kind() == CertificateKind.COURSE && s.person().equals(mentor))
			.findFirst()
			.orElseThrow()
			.reasons();
	}

	private static Reason reason(String key, Object... args) {
		return new Reason(key, List.of(args));
	}

	private static SignUpAnswers mentorAnswers(String slot) {
		return new SignUpAnswers(EnumSet.of(Language.EN), SignUpAnswers.Delivery.REMOTE, null, "To help.", null, false,
				new SignUpAnswers.Details(List.of(), Map.of(slot, Call.Availability.POSSIBLE), false, null, null,
						Map.of(), List.of()));
	}

	private List<TestData.Person> mentors(TestGroups.Term term) {
		var mentors = new ArrayList<TestData.Person>();
		for (var group : List.of(term.first(), term.second())) {
			mentors.add(term.mentor(group, 0));
			mentors.add(term.mentor(group, 1));
		}
		return mentors;
	}

	private static List<AccountId> ids(List<TestData.Person> people) {
		return people.stream().map(TestData.Person::id).toList();
	}

	private List<Certificate> inForce(TestGroups.Term term) {
		return store.ofProgramme(term.programme()).stream().filter(c -> !c.revoked()).toList();
	}

	private int rows(TestGroups.Term term) {
		return jdbc.sql("select count(*) from certificate where programme_id = ?")
			.param(term.programme().value())
			.query(Integer.class)
			.single();
	}

	private int settingsRows(TestGroups.Term term) {
		return jdbc.sql("select count(*) from certificate_settings where programme_id = ?")
			.param(term.programme().value())
			.query(Integer.class)
			.single();
	}

	private int outbox(String kind, TestData.Person person) {
		return jdbc.sql("select count(*) from outgoing_mail where kind = ? and recipient = ?")
			.params(kind, person.email())
			.query(Integer.class)
			.single();
	}

	/** The body of the mail with this subject the person received, once it arrives. */
	private String mailBody(TestData.Person person, String subject) {
		var found = new AtomicReference<String>();
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
			for (var message : mail.getReceivedMessagesForDomain(person.email())) {
				if (message.getSubject().equals(subject)) {
					found.set(Mails.body(message));
					return true;
				}
			}
			return false;
		});
		return found.get();
	}

	private static String page(TestGroups.Term term) {
		return "/programmes/" + term.programme().value() + "/certificates";
	}

	private void expectRefused(MockHttpServletRequestBuilder request, String field) throws Exception {
		mvc.perform(request)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"" + field + "-error\"")));
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
