package app.kindred.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
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

import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.assessment.AssessmentCourse;
import app.kindred.certificate.CertificateKind;
import app.kindred.certificate.SampleCertificates;
import app.kindred.certificate.internal.CertificateStore;
import app.kindred.feedback.internal.SurveyForms;
import app.kindred.organisation.Organisations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "My data": a mentor with something in every module, and her co-mentor with the same
 * kinds of things in the same programme, each marked with whose it is. The mentor's JSON
 * holds every section with her values and nothing of her co-mentor's; the page and the
 * PDF show the same; and nobody can ask for anyone else's, since the address names
 * nobody.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MyDataIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	AssessmentCourse courses;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	CertificateStore certificates;

	@Autowired
	Organisations organisations;

	@Autowired
	UserDetailsService users;

	@Autowired
	SurveyForms forms;

	TestGroups.Term term;

	TestData.Person anna;

	TestData.Person bert;

	@BeforeEach
	void everyModuleHoldsSomethingAboutBoth() {
		var course = courses.withCode("PRIV" + UUID.randomUUID().toString().substring(0, 4));
		term = course.term();
		anna = term.mentor(term.first(), 0);
		bert = term.mentor(term.first(), 1);
		for (var who : new TestData.Person[] { anna, bert }) {
			var mark = who == anna ? "ANNA" : "BERT";
			seed(who, mark, who == anna ? bert : anna);
		}
	}

	@Test
	void theJsonHoldsEverySectionWithHerValuesAndNothingOfHerCoMentors() throws Exception {
		var response = mvc.perform(get("/account/data.json").with(as(anna)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/json"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"kindred-my-data.json\""))
			.andReturn()
			.getResponse();
		var text = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(text).as("pretty").contains("\n  ");
		var sections = json.readTree(text).get("sections");
		assertThat(names(sections)).containsExactly("identity.data.account", "organisation.data.staff",
				"recruitment.data.applications", "training.data.training", "grouping.data.groups",
				"meeting.data.meetings", "assessment.data.course", "certificate.data.certificates",
				"announcement.data.announcements", "feedback.data.surveys", "notification.data.mail");

		var account = sections.get("identity.data.account");
		assertThat(account.get("email").asString()).isEqualTo(anna.email());
		assertThat(text).doesNotContain("password", "$2a$", "token_hash", "tokenHash");

		var staff = sections.get("organisation.data.staff");
		assertThat(staff.get("memberships").get(0).get("role").asString()).isEqualTo("TEACHER");
		assertThat(staff.get("invitations").get(0).get("role").asString()).isEqualTo("COORDINATOR");

		var application = sections.get("recruitment.data.applications").get(0);
		assertThat(application.get("role").asString()).isEqualTo("MENTOR");
		assertThat(application.get("answers").get("motivation").asString()).isEqualTo("To help.");
		assertThat(application.get("answers").get("studentNumber").asString()).startsWith("S1");

		var training = sections.get("training.data.training");
		assertThat(training.get("sessions").get(0).get("attended").asBoolean()).isTrue();
		assertThat(training.get("readiness").get(0).get("reason").asString()).isEqualTo("ANNA ready");

		var groups = sections.get("grouping.data.groups");
		assertThat(groups.get("groups").get(0).get("number").asInt()).isEqualTo(term.first().number());
		assertThat(groups.get("groups").get(0).get("role").asString()).isEqualTo("MENTOR");

		var meetings = sections.get("meeting.data.meetings");
		assertThat(meetings.get("attendance").get(0).get("present").asBoolean()).isTrue();
		assertThat(meetings.get("workspaceTexts").get(0).get("text").asString()).isEqualTo("ANNA notes");
		assertThat(meetings.get("attentionRequests").get(0).get("note").asString()).isEqualTo("ANNA attention");

		var course = sections.get("assessment.data.course");
		assertThat(course.get("objectives").get(0).get("text").asString()).isEqualTo("ANNA objective");
		assertThat(course.get("diary").get(0).get("versions").get(0).get("text").asString()).isEqualTo("ANNA diary");
		assertThat(course.get("workload").get(0).get("note").asString()).isEqualTo("ANNA work");
		assertThat(course.get("reading").get(0).get("citation").asString()).isEqualTo("ANNA reading");
		assertThat(course.get("selfEvaluations").get(0).get("reflection").asString()).isEqualTo("ANNA reflection");
		assertThat(course.get("peerEvaluationsWritten").get(0).get("text").asString()).isEqualTo("ANNA about peer");
		assertThat(course.get("peerEvaluationsReceived").get(0).get("text").asString()).isEqualTo("BERT about peer");
		assertThat(course.get("results").get(0).get("justification").asString()).isEqualTo("ANNA passed");

		var certificate = sections.get("certificate.data.certificates").get(0);
		assertThat(certificate.get("kind").asString()).isEqualTo("MENTOR");
		assertThat(certificate.get("code").asString()).isNotBlank();

		var announcements = sections.get("announcement.data.announcements");
		assertThat(announcements.get("received").get(0).get("subject").asString()).isEqualTo("ANNA news");

		var surveys = sections.get("feedback.data.surveys");
		assertThat(surveys.get(0).get("answered").asBoolean()).isTrue();
		assertThat(surveys.get(0).get("reminded").asBoolean()).isFalse();

		var mails = sections.get("notification.data.mail");
		assertThat(mails.findValuesAsString("subject")).contains("ANNA mail");
		assertThat(text).as("mail bodies are not exported").doesNotContain("ANNA body");

		assertThat(text).as("nothing of her co-mentor's")
			.doesNotContain(bert.email(), "BERT ready", "BERT notes", "BERT attention", "BERT objective", "BERT diary",
					"BERT work", "BERT reading", "BERT reflection", "BERT passed", "BERT news", "BERT mail")
			.doesNotContain(bert.id().value().toString());
	}

	@Test
	void thePageAndThePdfShowTheSameAndEachPersonSeesOnlyTheirOwn() throws Exception {
		var page = mvc.perform(get("/account/data").with(as(anna)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		var html = Jsoup.parse(page);
		assertThat(html.select("main h2").eachText()).contains("Account", "Group meetings", "Credit course");
		assertThat(html.select("main dt").eachText()).contains("E-mail address", "Motivation");
		assertThat(html.select("a[href=/account/data.json]")).hasSize(1);
		assertThat(html.select("a[href=/account/data.pdf]")).hasSize(1);
		assertThat(page).contains("ANNA diary", anna.email()).doesNotContain("BERT diary", bert.email());

		var pdf = mvc.perform(get("/account/data.pdf").with(as(anna)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (var document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged").isTrue();
			var text = new PDFTextStripper().getText(document);
			assertThat(text).contains("ANNA diary").doesNotContain("BERT diary");
		}

		var his = mvc.perform(get("/account/data.json").with(as(bert)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(his).contains("BERT diary", bert.email()).doesNotContain("ANNA diary", anna.email());

		// The address names nobody: what another person might add to it is not read
		var asked = mvc.perform(get("/account/data.json").param("account", anna.id().value().toString()).with(as(bert)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(asked).doesNotContain("ANNA diary", anna.email());

		mvc.perform(get("/account/data.json")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/account/data.pdf")).andExpect(status().is3xxRedirection());

		var account = mvc.perform(get("/account").with(as(anna)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(account).select("a[href=/account/data]").text()).isEqualTo("Download my data");
	}

	@Test
	void someoneWithJustAnAccountGetsJustTheAccount() throws Exception {
		var nobody = data.person("nobody");
		var text = mvc.perform(get("/account/data.json").with(as(nobody)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(names(json.readTree(text).get("sections"))).containsExactly("identity.data.account");
		mvc.perform(get("/account/data").with(as(nobody))).andExpect(status().isOk());
	}

	private void seed(TestData.Person who, String mark, TestData.Person peer) {
		var programme = term.programme().value();
		var id = who.id().value();
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		var organisation = term.staff().organisation().value();
		var coordinator = term.staff().coordinator().id().value();
		jdbc.sql("insert into membership (id, organisation_id, account_id, role, created_at) values (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), organisation, id, "TEACHER", now)
			.update();
		jdbc.sql(
				"""
						insert into invitation (id, organisation_id, email, role, token_hash, invited_by, created_at, expires_at)
						values (?, ?, ?, 'COORDINATOR', ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), organisation, who.email(), UUID.randomUUID().toString(), coordinator, now,
					now.plusDays(7))
			.update();
		var session = UUID.randomUUID();
		jdbc.sql("""
				insert into mentor_session (id, programme_id, kind, starts_at, minutes, created_at)
				values (?, ?, 'TRAINING', ?, 120, ?)""").params(session, programme, now.minusDays(30), now).update();
		jdbc.sql("""
				insert into session_attendance (session_id, account_id, recorded_by, recorded_at)
				values (?, ?, ?, ?)""").params(session, id, coordinator, now).update();
		jdbc.sql("""
				insert into readiness_override (programme_id, account_id, ready, reason, decided_by, decided_at)
				values (?, ?, true, ?, ?, ?)""").params(programme, id, mark + " ready", coordinator, now).update();
		var meeting = jdbc.sql("select id from meeting where group_id = ? and number = 1")
			.param(term.first().id())
			.query(UUID.class)
			.single();
		if (jdbc.sql("select count(*) from meeting_roll where meeting_id = ?")
			.param(meeting)
			.query(Integer.class)
			.single() == 0) {
			jdbc.sql("insert into meeting_roll (meeting_id, programme_id, taken_by, taken_at) values (?, ?, ?, ?)")
				.params(meeting, programme, id, now)
				.update();
		}
		jdbc.sql("delete from meeting_attendance where meeting_id = ? and account_id = ?").params(meeting, id).update();
		jdbc.sql("insert into meeting_attendance (meeting_id, account_id, present) values (?, ?, true)")
			.params(meeting, id)
			.update();
		var other = jdbc.sql("select id from meeting where group_id = ? and number = ?")
			.params(term.first().id(), who == anna ? 2 : 3)
			.query(UUID.class)
			.single();
		jdbc.sql("""
				insert into meeting_writing (meeting_id, kind, text, version, edited_by, edited_at)
				values (?, 'PLANNING', ?, 1, ?, ?)""").params(other, mark + " notes", id, now).update();
		jdbc.sql("""
				insert into group_attention (id, programme_id, group_id, note, raised_by, raised_at, resolved_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), programme, term.first().id(), mark + " attention", id, now, now)
			.update();
		jdbc.sql("""
				insert into objective (id, programme_id, account_id, position, text, updated_at)
				values (?, ?, ?, 0, ?, ?)""")
			.params(UUID.randomUUID(), programme, id, mark + " objective", now)
			.update();
		var entry = UUID.randomUUID();
		jdbc.sql("""
				insert into diary_entry (id, programme_id, account_id, entry_date, version, created_at)
				values (?, ?, ?, ?, 1, ?)""").params(entry, programme, id, LocalDate.now(), now).update();
		jdbc.sql("insert into diary_version (entry_id, version, text, written_at) values (?, 1, ?, ?)")
			.params(entry, mark + " diary", now)
			.update();
		jdbc.sql("""
				insert into workload_entry (id, programme_id, account_id, part, work_date, minutes, note, created_at)
				values (?, ?, ?, 'LITERATURE', ?, 90, ?, ?)""")
			.params(UUID.randomUUID(), programme, id, LocalDate.now(), mark + " work", now)
			.update();
		var reading = UUID.randomUUID();
		jdbc.sql("insert into reading (id, programme_id, position, citation) values (?, ?, ?, ?)")
			.params(reading, programme, who == anna ? 0 : 1, mark + " reading")
			.update();
		jdbc.sql("insert into reading_done (reading_id, account_id, done_at) values (?, ?, ?)")
			.params(reading, id, now)
			.update();
		jdbc.sql("""
				insert into self_evaluation (programme_id, account_id, reflection, submitted_at)
				values (?, ?, ?, ?)""").params(programme, id, mark + " reflection", now).update();
		jdbc.sql("""
				insert into peer_evaluation (id, programme_id, group_id, author_id, subject_id, text, submitted_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), programme, term.first().id(), id, peer.id().value(), mark + " about peer", now)
			.update();
		jdbc.sql("""
				insert into assessment_decision (id, programme_id, account_id, result, justification, decided_by,
				                                 decided_at)
				values (?, ?, ?, 'PASS', ?, ?, ?)""")
			.params(UUID.randomUUID(), programme, id, mark + " passed", term.staff().teacher().id().value(), now)
			.update();
		var name = organisations.find(term.staff().organisation()).orElseThrow().name();
		certificates.insert(SampleCertificates.certificate(term.programme(), term.staff().organisation(), who.id(),
				CertificateKind.MENTOR, SampleCertificates.content(SampleCertificates.HOLDER, name, null),
				term.staff().coordinator().id()));
		var announcement = UUID.randomUUID();
		jdbc.sql("""
				insert into announcement (id, programme_id, audience, author_id, sent_at, reached)
				values (?, ?, 'MENTORS', ?, ?, 1)""").params(announcement, programme, coordinator, now).update();
		jdbc.sql("""
				insert into announcement_text (announcement_id, language, written_order, subject, body)
				values (?, 'EN', 0, ?, 'Body')""").params(announcement, mark + " news").update();
		jdbc.sql("insert into announcement_recipient (announcement_id, account_id, role) values (?, ?, 'MENTOR')")
			.params(announcement, id)
			.update();
		var survey = UUID.randomUUID();
		// The definition as the app stores it: later suites on the same database sweep
		// every open survey
		var definition = json.writeValueAsString(forms.kindred("kindred-mentor-feedback").orElseThrow());
		jdbc.sql("""
				insert into survey (id, programme_id, organisation_id, form_key, kind, moment, definition, opens_at,
				                    closes_at, remind_at, written, created_by, created_at)
				values (?, ?, ?, ?, 'MENTOR_FEEDBACK', 'AFTER_LAST', ?, ?, ?, ?, false, ?, ?)""")
			.params(survey, programme, organisation, "my-data-" + mark, definition, now.minusDays(1), now.plusDays(7),
					now.plusDays(5), coordinator, now)
			.update();
		jdbc.sql("""
				insert into survey_invitation (survey_id, account_id, invited_at, answered, reminded)
				values (?, ?, ?, true, false)""").params(survey, id, now).update();
		jdbc.sql("""
				insert into outgoing_mail (id, message_id, position, kind, recipient, subject, body, status, attempts,
				                           next_attempt_at, created_at, settled_at)
				values (?, ?, 0, 'test', ?, ?, ?, 'SENT', 1, ?, ?, ?)""")
			.params(UUID.randomUUID(), "<" + UUID.randomUUID() + "@test>", who.email(), mark + " mail", mark + " body",
					now, now, now)
			.update();
	}

	private static java.util.List<String> names(JsonNode node) {
		var names = new java.util.ArrayList<String>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
