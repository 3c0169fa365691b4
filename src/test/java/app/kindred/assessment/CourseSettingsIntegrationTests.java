package app.kindred.assessment;

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

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.assessment.internal.Course;
import app.kindred.assessment.internal.Courses;
import app.kindred.core.Language;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeSettings;

/**
 * The course settings page: its coordinators and teachers save the settings, outcomes and
 * criteria (ids kept when edited, reordered, removed, added); every bad value comes back
 * at its field with a 422 and nothing stored; other staff 403, anyone else 404.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CourseSettingsIntegrationTests {

	static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestGroups groups;

	@Autowired
	Courses courses;

	@Autowired
	ProgrammeService programmes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void coordinatorSavesTheSettingsAndTheItemsAndEditsThemKeepingTheirIds() throws Exception {
		var staff = data.staff();
		var id = creditProgramme(staff);

		mvc.perform(valid(id, staff.coordinator())).andExpect(redirectedUrl(page(id)));

		var course = course(id);
		assertThat(course.code()).isEqualTo("SZ00CM31");
		assertThat(course.ratingScale()).isEqualTo(7);
		assertThat(course.assessmentWeeks()).isEqualTo(4);
		assertThat(course.coordinatorsRead()).isTrue();
		assertThat(course.diaryForAll()).isFalse();
		assertThat(course.objectivesDue())
			.isEqualTo(LocalDateTime.parse("2030-01-15T16:00").atZone(HELSINKI).toInstant());
		assertThat(course.outcomes()).extracting(o -> o.text(Language.EN)).containsExactly("Reflects", "Supports");
		assertThat(course.outcomes().get(0).text(Language.FI)).isEqualTo("Pohtii");
		assertThat(course.criteria()).extracting(c -> c.text(Language.SV)).containsExactly("Deltar");
		mvc.perform(get(page(id)).with(as(staff.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"SZ00CM31\"")))
			.andExpect(content().string(containsString("value=\"2030-01-15T16:00\"")))
			.andExpect(content().string(containsString("Pohtii")));

		var reflects = course.outcomes().get(0).id();
		var supports = course.outcomes().get(1).id();
		var criterion = course.criteria().get(0).id();
		mvc.perform(post(page(id)).with(as(staff.teacher()))
			.with(csrf())
			.param("code", "SZ00CM31")
			.param("ratingScale", "5")
			.param("assessmentWeeks", "3")
			.param("outcomes[0].id", reflects.toString())
			.param("outcomes[0].order", "2")
			.param("outcomes[0].en", "Reflects on own work")
			.param("outcomes[1].id", supports.toString())
			.param("outcomes[1].order", "1")
			.param("outcomes[1].en", "Supports")
			.param("outcomes[2].order", "3")
			.param("outcomes[2].en", "Plans meetings")
			.param("outcomes[3].order", "4")
			.param("criteria[0].id", criterion.toString())
			.param("criteria[0].order", "1")
			.param("criteria[0].sv", "Deltar")
			.param("criteria[0].remove", "true")).andExpect(redirectedUrl(page(id)));

		var edited = course(id);
		assertThat(edited.outcomes()).extracting(o -> o.text(Language.EN))
			.containsExactly("Supports", "Reflects on own work", "Plans meetings");
		assertThat(edited.outcomes().get(0).id()).isEqualTo(supports);
		assertThat(edited.outcomes().get(1).id()).isEqualTo(reflects);
		assertThat(edited.outcomes().get(1).texts()).doesNotContainKey(Language.FI);
		assertThat(edited.criteria()).isEmpty();
		assertThat(edited.objectivesDue()).isNotEqualTo(course.objectivesDue());
		assertThat(edited.coordinatorsRead()).isFalse();
	}

	@Test
	void everyBadValueIsToldAtItsFieldAndNothingIsStored() throws Exception {
		var staff = data.staff();
		var id = creditProgramme(staff);
		var other = creditProgramme(data.staff());
		mvc.perform(valid(other, data.staff().coordinator())).andExpect(status().isNotFound());
		var foreign = seedOutcome(other);

		refused(id, staff, "ratingScale", "0", "ratingScale");
		refused(id, staff, "ratingScale", "99", "ratingScale");
		refused(id, staff, "ratingScale", "five", "ratingScale");
		refused(id, staff, "assessmentWeeks", "0", "assessmentWeeks");
		refused(id, staff, "assessmentWeeks", "27", "assessmentWeeks");
		refused(id, staff, "code", "SZ 00 <b>", "code");
		refused(id, staff, "objectivesDue", "next Friday", "objectivesDue");
		refused(id, staff, "diaryDue", "99999-01-01T10:00", "diaryDue");
		refused(id, staff, "selfEvaluationDue", "2030-02-30T10:00", "selfEvaluationDue");
		refused(id, staff, "peerEvaluationDue", "2030-01-01", "peerEvaluationDue");
		refused(id, staff, "outcomes[0].en", "x".repeat(5000), "outcomes[0].en");
		mvc.perform(valid(id, staff.coordinator(), Map.of("outcomes[0].en", "x".repeat(5000))))
			.andExpect(content().string(containsString("Learning outcomes, Item 1: Text in English")));
		refused(id, staff, "outcomes[0].id", foreign.toString(), "outcomes[0].id");
		refused(id, staff, "outcomes[0].id", "not-an-id", "outcomes[0].id");
		refused(id, staff, "outcomes[0].order", "-1", "outcomes[0].order");

		assertThat(jdbc.sql("select count(*) from course where programme_id = ?")
			.param(id.value())
			.query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from course_item where programme_id = ?")
			.param(id.value())
			.query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from course_item where id = ? and programme_id = ?")
			.params(foreign, other.value())
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void anItemWithoutAnyTextIsRefusedAtItsField() throws Exception {
		var staff = data.staff();
		var id = creditProgramme(staff);
		var outcome = seedOutcome(id);

		mvc.perform(post(page(id)).with(as(staff.coordinator()))
			.with(csrf())
			.param("ratingScale", "5")
			.param("assessmentWeeks", "3")
			.param("outcomes[0].id", outcome.toString())
			.param("outcomes[0].order", "1")
			.param("outcomes[0].en", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"outcomes[0].en-error\"")));
		assertThat(course(id).outcomes()).extracting(o -> o.text(Language.EN)).containsExactly("Seeded");
	}

	@Test
	void coordinatorsAndTeachersSetTheCourseOtherStaffAre403AndEveryoneElse404() throws Exception {
		var staff = data.staff();
		var id = creditProgramme(staff);
		var elsewhere = data.staff();

		// Each links only to what it may open: the assessment is the teachers' alone
		var assessment = "href=\"/programmes/" + id.value() + "/assessment\"";
		mvc.perform(get(page(id)).with(as(staff.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(assessment))));
		mvc.perform(get("/programmes/" + id.value() + "/assessment").with(as(staff.coordinator())))
			.andExpect(status().isForbidden());
		mvc.perform(get(page(id)).with(as(staff.teacher())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(assessment)));
		mvc.perform(get(page(id)).with(as(staff.admin()))).andExpect(status().isForbidden());
		mvc.perform(get(page(id)).with(as(elsewhere.teacher()))).andExpect(status().isNotFound());
		mvc.perform(get(page(id)).with(as(elsewhere.coordinator()))).andExpect(status().isNotFound());
		mvc.perform(get(page(id)).with(as(staff.outsider()))).andExpect(status().isNotFound());
		mvc.perform(valid(id, staff.admin())).andExpect(status().isForbidden());
		mvc.perform(valid(id, elsewhere.teacher())).andExpect(status().isNotFound());
		mvc.perform(valid(id, staff.outsider())).andExpect(status().isNotFound());
		assertThat(course(id).code()).isNull();

		mvc.perform(get("/programmes/" + id.value() + "/manage").with(as(staff.teacher())))
			.andExpect(content().string(containsString("href=\"" + page(id) + "\"")));
	}

	@Test
	void mentorsAndParticipantsOfTheCourseAre404() throws Exception {
		var term = groups.creditCourse();
		var id = term.programme();

		mvc.perform(get(page(id)).with(as(term.mentor(term.first(), 0)))).andExpect(status().isNotFound());
		mvc.perform(get(page(id)).with(as(term.participants(term.first()).get(0)))).andExpect(status().isNotFound());
		mvc.perform(valid(id, term.mentor(term.first(), 0))).andExpect(status().isNotFound());
		mvc.perform(get(page(id)).with(as(term.staff().teacher()))).andExpect(status().isOk());
	}

	@Test
	void aProgrammeNotRunForCreditsSaysSoAndRefusesToSave() throws Exception {
		var staff = data.staff();
		var id = data.programme(staff, false);

		mvc.perform(get(page(id)).with(as(staff.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("not run as a course for credits")))
			.andExpect(content().string(not(containsString("name=\"ratingScale\""))));
		mvc.perform(valid(id, staff.coordinator())).andExpect(status().isConflict());
		mvc.perform(get("/programmes/" + id.value() + "/manage").with(as(staff.coordinator())))
			.andExpect(content().string(not(containsString("href=\"" + page(id) + "\""))));
		assertThat(jdbc.sql("select count(*) from course where programme_id = ?")
			.param(id.value())
			.query(Integer.class)
			.single()).isZero();
	}

	private void refused(ProgrammeId id, TestData.Staff staff, String field, String value, String errorAt)
			throws Exception {
		mvc.perform(valid(id, staff.coordinator(), Map.of(field, value)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"" + errorAt + "-error\"")));
	}

	/** A complete, valid form; a test replaces one field with a bad value. */
	private MockHttpServletRequestBuilder valid(ProgrammeId id, TestData.Person who) {
		return valid(id, who, Map.of());
	}

	private MockHttpServletRequestBuilder valid(ProgrammeId id, TestData.Person who, Map<String, String> replaced) {
		var fields = new LinkedHashMap<String, String>();
		fields.put("code", "SZ00CM31");
		fields.put("ratingScale", "7");
		fields.put("objectivesDue", "2030-01-15T16:00");
		fields.put("diaryDue", "");
		fields.put("assessmentWeeks", "4");
		fields.put("coordinatorsRead", "true");
		fields.put("outcomes[0].order", "1");
		fields.put("outcomes[0].en", "Reflects");
		fields.put("outcomes[0].fi", "Pohtii");
		fields.put("outcomes[1].order", "2");
		fields.put("outcomes[1].en", "Supports");
		fields.put("criteria[0].order", "1");
		fields.put("criteria[0].sv", "Deltar");
		fields.putAll(replaced);
		var request = post(page(id)).with(as(who)).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private UUID seedOutcome(ProgrammeId programme) {
		var id = UUID.randomUUID();
		jdbc.sql("insert into course_item (id, programme_id, kind, position) values (?, ?, 'OUTCOME', 1)")
			.params(id, programme.value())
			.update();
		jdbc.sql("insert into course_item_text (item_id, language, text) values (?, 'EN', 'Seeded')")
			.param(id)
			.update();
		return id;
	}

	private ProgrammeId creditProgramme(TestData.Staff staff) {
		var s = data.settings();
		return data.programme(staff, false, new ProgrammeSettings(s.eligibilityKind(), s.eligibilityValue(), s.remote(),
				s.videoLink(), s.onCampus(), s.campuses(), s.termStart(), s.termEnd(), s.mentorCallOpens(),
				s.mentorCallCloses(), s.mentorSeats(), s.signupOpens(), s.signupCloses(), s.participantSeats(),
				s.trainingCount(), s.trainingMinutes(), s.meetingCount(), s.meetingMinutes(), s.meetingIntervalWeeks(),
				s.groupMax(), s.groupMin(), s.mentorsPerGroup(), s.allowThreeMentors(), s.shareRoster(), true, 3, 9, 18,
				27, 27, ProgrammeSettings.Grading.PASS_FAIL, s.certificate(), s.contactName(), s.contactEmail()));
	}

	private Course course(ProgrammeId id) {
		return courses.course(programmes.find(id).orElseThrow());
	}

	private static String page(ProgrammeId id) {
		return "/programmes/" + id.value() + "/course/settings";
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
