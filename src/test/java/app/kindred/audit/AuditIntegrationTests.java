package app.kindred.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
import app.kindred.core.PersonalDataEraser;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.assessment.AssessmentCourse;
import app.kindred.audit.internal.AuditErasure;
import app.kindred.audit.internal.AuditPersonalData;
import app.kindred.meeting.internal.StaffAttentionService;

/**
 * The audit of staff reading others' sensitive data: each audited page records one row
 * per person read with the right reader and kind, and none for the reader's own data; the
 * organisation's admins see their organisation's rows (another organisation's admin gets
 * a 404), each person only the reads of their own data. Privacy notices: written by the
 * admins per language, public in the viewer's language or another with a note, Kindred's
 * where none was written, linked from the sign-up forms, and on Home after the first
 * sign-in until acknowledged.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AssessmentCourse courses;

	@Autowired
	StaffAttentionService attention;

	@Autowired
	AuditErasure erasure;

	@Autowired
	AuditPersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	record Row(UUID reader, UUID subject, String kind, String reference) {
	}

	@Test
	void coordinatorsReadingAWorkspaceAndItsRequestForAttentionAreRecordedTheMentorsOwnReadsAreNot() throws Exception {
		var term = courses.withCode("AUD-" + UUID.randomUUID().toString().substring(0, 6)).term();
		var group = term.first();
		var mentors = Set.of(term.mentor(group, 0).id().value(), term.mentor(group, 1).id().value());
		var coordinator = term.staff().coordinator();

		mvc.perform(get(term.workspace(group)).with(as(term.mentor(group, 0)))).andExpect(status().isOk());
		assertThat(rows(term.programme().value())).isEmpty();

		mvc.perform(get(term.workspace(group)).with(as(coordinator))).andExpect(status().isOk());
		var rows = rows(term.programme().value());
		assertThat(rows).allSatisfy(r -> {
			assertThat(r.reader()).isEqualTo(coordinator.id().value());
			assertThat(r.kind()).isEqualTo("WORKSPACE");
			assertThat(r.reference()).isEqualTo("group " + group.id());
		});
		assertThat(rows.stream().map(Row::subject).collect(Collectors.toSet())).isEqualTo(mentors);

		// A request for attention is read with the workspace
		attention.raise(term.programme(), group.id(), "We need help with a hard moment.", term.mentor(group, 0).id());
		mvc.perform(get(term.workspace(group)).with(as(coordinator))).andExpect(status().isOk());
		assertThat(rows(term.programme().value()).stream()
			.filter(r -> r.kind().equals("ATTENTION_REQUEST"))
			.map(Row::subject)
			.collect(Collectors.toSet())).isEqualTo(mentors);

		// One meeting's notes, debrief and roll
		var meeting = jdbc.sql("select id from meeting where group_id = ? and number = 2")
			.param(group.id())
			.query(UUID.class)
			.single();
		var before = rows(term.programme().value()).size();
		mvc.perform(get(term.workspace(group) + "/meetings/" + meeting).with(as(term.mentor(group, 1))))
			.andExpect(status().isOk());
		assertThat(rows(term.programme().value())).hasSize(before);
		mvc.perform(get(term.workspace(group) + "/meetings/" + meeting).with(as(coordinator)))
			.andExpect(status().isOk());
		assertThat(rows(term.programme().value()).stream().filter(r -> r.reference().equals("meeting " + meeting)))
			.hasSize(2)
			.allSatisfy(r -> assertThat(r.kind()).isEqualTo("WORKSPACE"));

		// The organisation's admin sees it, newest first, filtered by person and kind
		var admin = term.staff().admin();
		var audit = "/organisations/" + term.staff().organisation().value() + "/audit";
		mvc.perform(get(audit).with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Request for staff attention")))
			.andExpect(content().string(containsString(coordinator.email())))
			.andExpect(content().string(containsString(term.mentor(group, 0).email())));
		mvc.perform(get(audit).param("person", term.mentor(term.second(), 0).email()).with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nothing recorded matches.")));
		mvc.perform(get(audit).param("kind", "SHARED_DIARY").with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nothing recorded matches.")));
		mvc.perform(get(audit).param("from", LocalDate.now().minusDays(1).toString())
			.param("to", LocalDate.now().plusDays(1).toString())
			.param("kind", "WORKSPACE")
			.with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(coordinator.email())));
		mvc.perform(get(audit).param("from", "yesterday").with(as(admin)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter the period as dates")));
		// Staff without the role: 403; another organisation's admin and outsiders: 404
		mvc.perform(get(audit).with(as(coordinator))).andExpect(status().isForbidden());
		mvc.perform(get(audit).with(as(data.staff().admin()))).andExpect(status().isNotFound());
		mvc.perform(get(audit).with(as(term.mentor(group, 0)))).andExpect(status().isNotFound());

		// Each person sees who read their own data, and only that
		mvc.perform(get("/account/audit").with(as(term.mentor(group, 0))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mentors&#39; workspace")))
			.andExpect(content().string(containsString("Request for staff attention")))
			.andExpect(content().string(containsString("Coordinator")))
			.andExpect(content().string(not(containsString(term.mentor(group, 1).email()))));
		mvc.perform(get("/account/audit").with(as(term.mentor(term.second(), 0))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No member of staff has read your data.")));
		mvc.perform(get("/account").with(as(term.mentor(group, 0))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/account/audit\"")));
	}

	@Test
	void teachersReadingASharedDiaryEntryAndTheAssessmentPageAreRecorded() throws Exception {
		var term = courses.withCode("AUD-" + UUID.randomUUID().toString().substring(0, 6)).term();
		var writer = term.mentor(term.first(), 0);
		var diary = "/programmes/" + term.programme().value() + "/course/diary";
		mvc.perform(post(diary + "/new").param("date", LocalDate.now(TestGroups.HELSINKI).toString())
			.param("occasion", "")
			.param("text", "What I learnt.")
			.with(as(writer))
			.with(csrf())).andExpect(status().is3xxRedirection());
		var entry = jdbc.sql("select id from diary_entry where programme_id = ? and account_id = ?")
			.params(term.programme().value(), writer.id().value())
			.query(UUID.class)
			.single();
		mvc.perform(post(diary + "/" + entry + "/share").param("confirmed", "true").with(as(writer)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(diary + "/" + entry).with(as(writer))).andExpect(status().isOk());
		assertThat(rows(term.programme().value())).isEmpty();

		var teacher = term.staff().teacher();
		var mentorPage = "/programmes/" + term.programme().value() + "/assessment/" + writer.id().value();
		mvc.perform(get(mentorPage + "/diary/" + entry).with(as(teacher))).andExpect(status().isOk());
		mvc.perform(get(mentorPage).with(as(teacher))).andExpect(status().isOk());
		assertThat(rows(term.programme().value())).containsExactlyInAnyOrder(
				new Row(teacher.id().value(), writer.id().value(), "SHARED_DIARY", "entry " + entry),
				new Row(teacher.id().value(), writer.id().value(), "EVALUATION", "assessment"));
		assertThat(jdbc.sql("select reader_role from sensitive_read where programme_id = ?")
			.param(term.programme().value())
			.query(String.class)
			.list()).containsOnly("TEACHER");
		mvc.perform(get("/account/audit").with(as(writer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Shared learning diary entry")))
			.andExpect(content().string(containsString("Teacher")));

		// The data export names both sides; erasing the reader keeps the row without
		// them,
		// erasing the subject takes their rows, the programme's retention takes the rest
		assertThat(personalData.personalData(writer.id().value())).extracting(s -> s.key())
			.contains("audit.data.readsOfMine");
		assertThat(personalData.personalData(teacher.id().value())).extracting(s -> s.key())
			.contains("audit.data.readsByMe");
		erasure.erase(new PersonalDataEraser.Person(teacher.id().value(), "teacher", teacher.email()));
		assertThat(rows(term.programme().value())).hasSize(2).allSatisfy(r -> assertThat(r.reader()).isNull());
		mvc.perform(get("/account/audit").with(as(writer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("An erased account")));
		assertThat(erasure.heldForProgramme(term.programme().value())).hasSize(1);
		erasure.erase(new PersonalDataEraser.Person(writer.id().value(), "writer", writer.email()));
		assertThat(rows(term.programme().value())).isEmpty();
		erasure.anonymiseProgramme(term.programme().value());
		assertThat(rows(term.programme().value())).isEmpty();
	}

	@Test
	void coordinatorsReadingApplicationsAndTheirExportAreRecordedForEveryApplicantShown() throws Exception {
		var term = courses.withCode("AUD-" + UUID.randomUUID().toString().substring(0, 6)).term();
		var coordinator = term.staff().coordinator();
		var applications = "/programmes/" + term.programme().value() + "/applications";
		var mentors = jdbc.sql("select account_id from application where programme_id = ? and role = 'MENTOR'")
			.param(term.programme().value())
			.query(UUID.class)
			.set();
		assertThat(mentors).isNotEmpty();
		mvc.perform(get(applications).param("role", "mentor").with(as(coordinator))).andExpect(status().isOk());
		assertThat(rows(term.programme().value())).allSatisfy(r -> {
			assertThat(r.kind()).isEqualTo("APPLICATION");
			assertThat(r.reference()).isEqualTo("mentor");
			assertThat(r.reader()).isEqualTo(coordinator.id().value());
		}).extracting(Row::subject).containsExactlyInAnyOrderElementsOf(mentors);
		mvc.perform(get(applications + ".csv").param("role", "mentor").with(as(coordinator)))
			.andExpect(status().isOk());
		assertThat(rows(term.programme().value()).stream().filter(r -> r.kind().equals("APPLICATION_EXPORT")))
			.extracting(Row::subject)
			.containsExactlyInAnyOrderElementsOf(mentors);
	}

	@Test
	void organisationAdminsWriteThePrivacyNoticePerLanguageAndAnyoneReadsIt() throws Exception {
		var staff = data.staff();
		var org = staff.organisation().value();
		var edit = "/organisations/" + org + "/privacy-notice/edit";
		var page = "/organisations/" + org + "/privacy";

		// None written: Kindred's general notice, said so
		mvc.perform(get(page))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("has not written its own privacy notice yet")))
			.andExpect(content().string(containsString("Kindred is used by universities")));

		mvc.perform(get(edit).with(as(staff.admin()))).andExpect(status().isOk());
		mvc.perform(get(edit).with(as(staff.coordinator()))).andExpect(status().isForbidden());
		mvc.perform(get(edit).with(as(staff.outsider()))).andExpect(status().isNotFound());
		mvc.perform(post(edit).param("en", "We keep little.").with(csrf()).with(as(staff.coordinator())))
			.andExpect(status().isForbidden());
		mvc.perform(post(edit).param("en", "We keep little.").with(csrf()).with(as(data.staff().admin())))
			.andExpect(status().isNotFound());
		mvc.perform(post(edit).param("en", "x".repeat(8_001)).with(csrf()).with(as(staff.admin())))
			.andExpect(status().isUnprocessableContent());
		assertThat(notices(org)).isZero();
		mvc.perform(post(edit).param("en", "We keep little.\n\nAsk us anything.")
			.param("fi", "Säilytämme vähän.")
			.param("sv", "")
			.with(csrf())
			.with(as(staff.admin()))).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(edit));
		assertThat(notices(org)).isEqualTo(2);

		mvc.perform(get(page).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("We keep little.")))
			.andExpect(content().string(containsString("Ask us anything.")))
			.andExpect(content().string(not(containsString("has not been written in your language"))));
		mvc.perform(get(page).param("lang", "fi"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Säilytämme vähän.")));
		// Swedish was not written: the organisation's own language, with a note
		mvc.perform(get(page).param("lang", "sv"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("We keep little.")))
			.andExpect(content().string(containsString("Beskrivningen finns inte på ditt språk")));
		mvc.perform(get("/organisations/" + UUID.randomUUID() + "/privacy")).andExpect(status().isNotFound());
		mvc.perform(get("/privacy"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Kindred is used by universities")));
	}

	@Test
	void everySignUpFormLinksToTheOrganisationsPrivacyNotice() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var link = "href=\"/organisations/" + staff.organisation().value() + "/privacy\"";
		for (var role : List.of("mentor", "participant")) {
			mvc.perform(get("/programmes/" + programme.value() + "/sign-up/" + role))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(link)));
		}
		mvc.perform(get("/register"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/privacy\"")));
	}

	@Test
	void homeShowsThePrivacyNoticeAfterTheFirstSignInUntilItIsAcknowledged() throws Exception {
		var someone = data.person("newcomer");
		mvc.perform(get("/").with(as(someone)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please read the privacy notice")))
			.andExpect(content().string(containsString("href=\"/privacy\"")));
		mvc.perform(post("/account/privacy-notice/seen").with(csrf()).with(as(someone))).andExpect(redirectedUrl("/"));
		mvc.perform(post("/account/privacy-notice/seen").with(csrf()).with(as(someone))).andExpect(redirectedUrl("/"));
		mvc.perform(get("/").with(as(someone)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Please read the privacy notice"))));

		// Staff see their organisation's
		var staff = data.staff();
		mvc.perform(get("/").with(as(staff.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("href=\"/organisations/" + staff.organisation().value() + "/privacy\"")));
	}

	private List<Row> rows(UUID programme) {
		return jdbc.sql("select reader_id, subject_id, kind, reference from sensitive_read where programme_id = ?")
			.param(programme)
			.query((rs, n) -> new Row(rs.getObject("reader_id", UUID.class), rs.getObject("subject_id", UUID.class),
					rs.getString("kind"), rs.getString("reference")))
			.list();
	}

	private int notices(UUID organisation) {
		return jdbc.sql("select count(*) from privacy_notice where organisation_id = ?")
			.param(organisation)
			.query(Integer.class)
			.single();
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
