package app.kindred.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import app.kindred.assessment.internal.DiaryService;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.assessment.internal.CoursePart;
import app.kindred.assessment.internal.Student;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * The mentor's course page draws the course and every part's section in order, knowing
 * none of them (here a test-only part that offers itself to whoever keeps a diary); only
 * the mentor herself opens it, a mentor without credits only where a part offers her
 * something. Home shows the course to its students and the assessment to its teachers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CourseHubIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@TestConfiguration
	static class Parts {

		/**
		 * Stands for the parts the other modules' helpers build: offers itself to whoever
		 * keeps a diary, and waits for them.
		 */
		@Bean
		CoursePart testPart() {
			return new CoursePart() {
				@Override
				public int order() {
					return 20;
				}

				@Override
				public Optional<Section> forStudent(Student student) {
					return student.keepsDiary() ? Optional.of(new Section("assessment-test/part :: part",
							"Test part body", "assessment.course.due.diary", List.of(), true)) : Optional.empty();
				}

				@Override
				public Optional<Section> forTeacher(Student student, AccountId teacher) {
					return Optional.empty();
				}
			};
		}

		@Bean
		CoursePart firstPart() {
			return new CoursePart() {
				@Override
				public int order() {
					return 10;
				}

				@Override
				public Optional<Section> forStudent(Student student) {
					return student.forCredit() ? Optional.of(new Section("assessment-test/part :: part",
							"First part body", "assessment.course.due.objectives", List.of(), false))
							: Optional.empty();
				}

				@Override
				public Optional<Section> forTeacher(Student student, AccountId teacher) {
					return Optional.empty();
				}
			};
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestGroups groups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DiaryService diary;

	@Autowired
	UserDetailsService users;

	@Test
	void theCreditMentorSeesTheCourseAndEveryPartInOrderAndNobodyElseDoes() throws Exception {
		var term = groups.creditCourse();
		var id = term.programme();
		var mentor = term.mentor(term.first(), 0);
		outcome(id, "Reflects on own work as a mentor");

		var html = mvc.perform(get(course(id)).with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Reflects on own work as a mentor")))
			.andExpect(content().string(containsString("3 ECTS")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html.indexOf("First part body")).isPositive().isLessThan(html.indexOf("Test part body"));

		mvc.perform(get(course(id)).with(as(term.mentor(term.second(), 1)))).andExpect(status().isOk());
		mvc.perform(get(course(id)).with(as(term.participants(term.first()).get(0)))).andExpect(status().isNotFound());
		mvc.perform(get(course(id)).with(as(term.staff().teacher()))).andExpect(status().isNotFound());
		mvc.perform(get(course(id)).with(as(term.staff().coordinator()))).andExpect(status().isNotFound());
		mvc.perform(get(course(id)).with(as(term.staff().outsider()))).andExpect(status().isNotFound());

		mvc.perform(get("/programmes/" + id.value() + "/my-meetings").with(as(mentor)))
			.andExpect(content().string(containsString("href=\"" + course(id) + "\"")));
	}

	@Test
	void aMentorWithoutCreditsSeesTheCourseOnlyWhereItOffersThemADiary() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var id = term.programme();
		var mentor = term.mentor(term.first(), 0);

		mvc.perform(get(course(id)).with(as(mentor))).andExpect(status().isNotFound());
		mvc.perform(get("/").with(as(mentor))).andExpect(content().string(not(containsString(course(id)))));
		mvc.perform(get("/programmes/" + id.value() + "/my-meetings").with(as(mentor)))
			.andExpect(content().string(not(containsString("href=\"" + course(id) + "\""))));

		jdbc.sql("""
				insert into course (programme_id, rating_scale, assessment_weeks, coordinators_read, diary_for_all,
				                    updated_at)
				values (?, 5, 3, false, true, ?)""").params(id.value(), Timestamp.from(Instant.now())).update();

		mvc.perform(get(course(id)).with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Test part body")))
			.andExpect(content().string(not(containsString("First part body"))));
		mvc.perform(get(course(id)).with(as(term.participants(term.first()).get(0)))).andExpect(status().isNotFound());
	}

	@Test
	void homeShowsTheCourseWithItsWaitingPartsToTheMentorAndTheAssessmentToTheTeacher() throws Exception {
		var term = groups.creditCourse();
		var id = term.programme();
		var mentor = term.mentor(term.first(), 0);

		mvc.perform(get("/").with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"" + course(id) + "\"")))
			.andExpect(content().string(containsString("Next deadline: Own learning objectives")))
			.andExpect(content().string(containsString("Parts waiting for you: ")))
			// Each waiting part is a task named for it, linking to its own page
			.andExpect(content().string(containsString("Own learning objectives: Not yet written")))
			.andExpect(content().string(containsString("href=\"" + course(id) + "/objectives\"")));
		// Once the objectives are written, their deadline is no longer the mentor's next
		for (int i = 1; i <= 2; i++) {
			jdbc.sql("""
					insert into objective (id, programme_id, account_id, position, text, updated_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), id.value(), mentor.id().value(), i, "To notice my own inner critic " + i,
						Timestamp.from(Instant.now()))
				.update();
		}
		mvc.perform(get("/").with(as(mentor)))
			.andExpect(content().string(not(containsString("Next deadline: Own learning objectives"))))
			.andExpect(content().string(containsString("Next deadline: Learning diary")));
		mvc.perform(get("/").with(as(term.staff().teacher())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/programmes/" + id.value() + "/assessment\"")))
			.andExpect(content().string(containsString("Assessment due by")))
			.andExpect(content().string(not(containsString("Mentors with work for you to read"))));

		// A shared diary entry waits for the teacher on their Home
		var entry = diary.create(id, new DiaryService.Draft(LocalDate.now(TestGroups.HELSINKI), null,
				"What I noticed in myself during the third meeting."), mentor.id());
		diary.share(id, entry, mentor.id());
		mvc.perform(get("/").with(as(term.staff().teacher())))
			.andExpect(content().string(containsString("Mentors with work for you to read: 1")));
		mvc.perform(get("/").with(as(term.participants(term.first()).get(0))))
			.andExpect(content().string(not(containsString(course(id)))));
	}

	private void outcome(ProgrammeId programme, String text) {
		var id = UUID.randomUUID();
		jdbc.sql("insert into course_item (id, programme_id, kind, position) values (?, ?, 'OUTCOME', 1)")
			.params(id, programme.value())
			.update();
		jdbc.sql("insert into course_item_text (item_id, language, text) values (?, 'EN', ?)")
			.params(id, text)
			.update();
	}

	private static String course(ProgrammeId id) {
		return "/programmes/" + id.value() + "/course";
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
