package app.kindred.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Mails;
import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.core.Language;
import app.kindred.feedback.internal.FeedbackReports;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountService;
import app.kindred.organisation.Networks;

/**
 * The demo's feedback on a fresh copy of the demo programme: everyone asked is invited by
 * mail; each open survey has the campus group's five answers written, enough for figures
 * of the programme and of that group, and the online group's three held back, fewer than
 * five; the measure's answers pair by their codes before and after with a modest rise;
 * quotable texts in three languages; the demo's own participant invited and not answered;
 * the network with the university as a member.
 */
@SpringBootTest
class DemoFeedbackIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	DemoMeetingPhase meetingPhase;

	@Autowired
	DemoFeedback feedback;

	@Autowired
	PublishedGroups groups;

	@Autowired
	Networks networks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FeedbackReports reports;

	@Test
	void figuresForTheProgrammeAndTheCampusGroupTheOnlineGroupTooFewAndPairs() {
		var staff = data.staff();
		var domain = "@" + UUID.randomUUID().toString().substring(0, 8) + ".feedback.test";
		var mentor = accounts.registerVerified("mira" + domain, "Mira Mentor", TestData.PASSWORD, Language.EN);
		var participantEmail = "pia" + domain;
		var participant = accounts.registerVerified(participantEmail, "Pia Participant", TestData.PASSWORD,
				Language.EN);
		var programme = meetingPhase.seed(staff.organisation(), staff.coordinator().id(), staff.teacher().id(), mentor,
				participant, domain, TestData.PASSWORD);
		var seeded = feedback.seed(programme, staff.organisation(), staff.admin().id(), staff.coordinator().id(),
				participant, "network" + domain, domain, TestData.PASSWORD);

		var campus = groups.groups(programme).stream().filter(g -> g.has(participant)).findFirst().orElseThrow();
		var online = groups.groups(programme).stream().filter(g -> !g.has(participant)).findFirst().orElseThrow();
		for (var survey : List.of(seeded.measureBefore(), seeded.feedback(), seeded.measureAfter())) {
			// Everyone asked was invited, the demo's own participant among them,
			// unanswered
			assertThat(count("select count(*) from survey_invitation where survey_id = ?", survey)).isEqualTo(12);
			assertThat(count("select count(*) from survey_invitation where survey_id = ? and answered", survey))
				.isEqualTo(DemoFeedback.CAMPUS_ANSWERS + DemoFeedback.ONLINE_ANSWERS);
			assertThat(jdbc.sql("select answered from survey_invitation where survey_id = ? and account_id = ?")
				.params(survey, participant.value())
				.query(Boolean.class)
				.single()).isFalse();
			// Five written, all the campus group's: figures for the programme and the
			// group;
			// the online group's three held back, so it shows fewer than five
			assertThat(count("select count(*) from survey_response where survey_id = ? and group_id = ?", survey,
					campus.id()))
				.isEqualTo(DemoFeedback.CAMPUS_ANSWERS)
				.isGreaterThanOrEqualTo(5);
			assertThat(count("select count(*) from survey_response where survey_id = ? and group_id = ?", survey,
					online.id()))
				.isLessThan(5);
			assertThat(count("select count(*) from survey_pending where survey_id = ?", survey))
				.isEqualTo(DemoFeedback.ONLINE_ANSWERS);
		}
		// The mentors' feedback waits for its own window
		assertThat(count("select count(*) from survey_invitation where survey_id = ?", seeded.mentorFeedback()))
			.isZero();

		// Pre and post pair by the respondents' codes, five or more of them, with a rise
		var pairs = jdbc.sql("""
				select b.score, a.score from survey_response b join survey_response a on a.pair_code = b.pair_code
				where b.survey_id = ? and a.survey_id = ?""")
			.params(seeded.measureBefore(), seeded.measureAfter())
			.query((row, n) -> List.of(row.getBigDecimal(1), row.getBigDecimal(2)))
			.list();
		assertThat(pairs).hasSizeGreaterThanOrEqualTo(5);
		var before = pairs.stream().map(List::getFirst).reduce(BigDecimal.ZERO, BigDecimal::add);
		var after = pairs.stream().map(List::getLast).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(after).isGreaterThan(before);
		assertThat(after.subtract(before).doubleValue() / pairs.size()).isLessThan(1.0);

		// Quotable free texts, in more than one language
		var quotable = jdbc.sql("""
				select r.language from survey_item i join survey_response r on r.id = i.response_id
				where r.survey_id = ? and i.quotable""").param(seeded.feedback()).query(String.class).list();
		assertThat(quotable).hasSizeGreaterThanOrEqualTo(2);
		assertThat(quotable.stream().distinct().count()).isGreaterThanOrEqualTo(2);

		// The coordinator's report: figures for each open survey and the campus group,
		// the
		// online group's row says fewer than five, and the measure's change is shown
		var report = reports.report(programme, staff.coordinator().id(), Language.EN);
		assertThat(report.surveys()).filteredOn(s -> !s.id().equals(seeded.mentorFeedback()))
			.hasSize(3)
			.allSatisfy(s -> {
				assertThat(s.suppressed()).as(s.title()).isFalse();
				assertThat(s.answered()).isEqualTo(DemoFeedback.CAMPUS_ANSWERS);
				var byGroup = s.breakdowns()
					.stream()
					.filter(b -> b.dimension().equals("group"))
					.findFirst()
					.orElseThrow()
					.rows();
				assertThat(byGroup).filteredOn(r -> r.labelArgument().equals(String.valueOf(campus.number())))
					.singleElement()
					.satisfies(r -> assertThat(r.suppressed()).isFalse());
				assertThat(byGroup).filteredOn(r -> r.labelArgument().equals(String.valueOf(online.number())))
					.singleElement()
					.satisfies(r -> assertThat(r.suppressed()).isTrue());
			});
		assertThat(report.prePost()).singleElement().satisfies(p -> {
			assertThat(p.suppressed()).isFalse();
			assertThat(p.pairs()).isGreaterThanOrEqualTo(5);
			assertThat(p.direction()).isEqualTo("rose");
		});

		// The network, with the university as an accepted member
		assertThat(networks.isNetwork(seeded.network())).isTrue();
		assertThat(networks.members(seeded.network())).containsExactly(staff.organisation());

		// The demo's own participant has an invitation for each open survey in the mail
		// (besides the programme's earlier mail)
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> invitations(participantEmail).size() >= 3);
		assertThat(invitations(participantEmail)).hasSize(3).doesNotHaveDuplicates();
	}

	/** The survey links in the mails to the address. */
	private static List<String> invitations(String address) {
		return Arrays.stream(mail.getReceivedMessagesForDomain(address))
			.map(Mails::body)
			.filter(body -> body.contains("/surveys/answer/"))
			.toList();
	}

	private int count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Integer.class).single();
	}

}
