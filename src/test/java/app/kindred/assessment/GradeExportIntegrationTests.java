package app.kindred.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import app.kindred.assessment.AssessmentDecided.Result;
import app.kindred.assessment.internal.AssessmentService;
import app.kindred.assessment.internal.Courses;
import app.kindred.assessment.internal.GradeExportService;
import app.kindred.identity.AccountId;

/**
 * The grade export: only decisions not exported before, the passed and the failed apart,
 * everything again as one explicit action, a fail then a pass each in its own export, bad
 * student numbers shown and left out (never silently), two exports at once never both
 * taking a decision, and a result other than PASS or FAIL refused. Runs on H2 and, with
 * KINDRED_DB_URL, on PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GradeExportIntegrationTests {

	static final String WHY = "Every part of the course is done and reflected on with care.";

	static final String WHY_NOT = "The learning diary has no reflection on the group meetings yet.";

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	AssessmentCourse courses;

	@Autowired
	Courses access;

	@Autowired
	AssessmentService assessment;

	@Autowired
	GradeExportService exports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void anExportTakesOnlyWhatIsNewAndEverythingAgainIsItsOwnAction() throws Exception {
		var course = courses.withCode("SZ00CM31");
		var term = course.term();
		var first = term.mentor(term.first(), 0).id();
		var second = term.mentor(term.second(), 0).id();
		pass(course, first);

		var csv = export(course, "PASS", false);
		assertThat(csv).startsWith("\uFEFF\"course_code\";\"student_number\";\"name\";\"grade\";\"grade_sv\"")
			.contains("\"SZ00CM31\";\"" + number(course, first) + "\"")
			.contains("\"hyväksytty\";\"godkänd\";\"pass\";\"1\";\"3\";\"" + LocalDate.now(TestGroups.HELSINKI) + "\"")
			.contains(";\"en\";");
		assertThat(rows(csv)).isEqualTo(1);

		pass(course, second);
		var next = export(course, "PASS", false);
		assertThat(rows(next)).isEqualTo(1);
		assertThat(next).contains(number(course, second)).doesNotContain(number(course, first));
		assertThat(rows(export(course, "PASS", false))).isZero();

		var everything = export(course, "PASS", true);
		assertThat(rows(everything)).isEqualTo(2);
		assertThat(everything).contains(number(course, first), number(course, second));
		assertThat(exportsOf(course)).containsExactly("PASS:false:1", "PASS:false:1", "PASS:false:0", "PASS:true:2");
		assertThat(rows(export(course, "PASS", false))).isZero();
		mvc.perform(post("/programmes/{id}/assessment/export", course.programme()).param("result", "PASS")
			.with(csrf())
			.with(teacher(course)))
			.andExpect(header().string("Content-Disposition",
					containsString("SZ00CM31-pass-" + LocalDate.now(TestGroups.HELSINKI) + ".csv")))
			.andExpect(header().string("Content-Type", containsString("text/csv")));
	}

	@Test
	void aFailGoesInTheFailedExportAndTheLaterPassInTheNextPassedOne() throws Exception {
		var course = courses.withCode("SZ00CM31");
		var mentor = course.term().mentor(course.term().first(), 0).id();
		assessment.decide(course.programme(), mentor, course.term().staff().teacher().id(), Result.FAIL,
				Set.of(course.criteria().get(0)), WHY_NOT);

		var failed = export(course, "FAIL", false);
		assertThat(failed).contains(number(course, mentor), "\"hylätty\";\"underkänd\";\"fail\";\"0\"");
		assertThat(rows(export(course, "PASS", false))).isZero();

		pass(course, mentor);
		assertThat(rows(export(course, "FAIL", false))).isZero();
		var passed = export(course, "PASS", false);
		assertThat(rows(passed)).isEqualTo(1);
		assertThat(passed).contains(number(course, mentor), "\"hyväksytty\"");
		assertThat(rows(export(course, "FAIL", true))).isZero();
	}

	@Test
	void badStudentNumbersAreShownAndLeftOutUntilCorrected() throws Exception {
		var course = courses.withCode("SZ00CM31");
		var term = course.term();
		var good = term.mentor(term.first(), 0).id();
		var bad = term.mentor(term.first(), 1).id();
		var number = number(course, bad);
		setNumber(course, number, "S 10#");
		pass(course, good);
		pass(course, bad);

		mvc.perform(get("/programmes/{id}/assessment/export", course.programme()).with(teacher(course)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("One mentor has no valid student number")))
			.andExpect(content().string(containsString("is not a valid student number")))
			.andExpect(content().string(containsString("A new export would hold one mentor; 2 in all")));
		var csv = export(course, "PASS", false);
		assertThat(rows(csv)).isEqualTo(1);
		assertThat(csv).contains(number(course, good)).doesNotContain("S 10#");

		setNumber(course, "S 10#", number);
		var corrected = export(course, "PASS", false);
		assertThat(rows(corrected)).isEqualTo(1);
		assertThat(corrected).contains(number);
	}

	@Test
	void twoExportsAtOnceNeverBothTakeADecision() throws Exception {
		var course = courses.withCode("SZ00CM31");
		var term = course.term();
		var mentors = List.of(term.mentor(term.first(), 0).id(), term.mentor(term.first(), 1).id(),
				term.mentor(term.second(), 0).id(), term.mentor(term.second(), 1).id());
		mentors.forEach(m -> pass(course, m));
		var teacher = term.staff().teacher().id();
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(4);
		try {
			var futures = new ArrayList<Future<GradeExportService.Export>>();
			for (int i = 0; i < 4; i++) {
				Callable<GradeExportService.Export> task = () -> {
					start.await();
					return exports.export(course.programme(), teacher, Result.PASS, false);
				};
				futures.add(pool.submit(task));
			}
			start.countDown();
			var taken = new ArrayList<String>();
			for (var future : futures) {
				future.get().rows().forEach(row -> taken.add(row.get(1)));
			}
			assertThat(taken).hasSize(4).doesNotHaveDuplicates();
			assertThat(new HashSet<>(taken))
				.isEqualTo(new HashSet<>(mentors.stream().map(m -> number(course, m)).toList()));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aResultOtherThanPassOrFailAndACourseWithoutACodeAreRefusedAndNothingIsRecorded() throws Exception {
		var course = courses.withCode(null);
		pass(course, course.term().mentor(course.term().first(), 0).id());
		for (var result : new String[] { "MAYBE", "", "pass" }) {
			mvc.perform(post("/programmes/{id}/assessment/export", course.programme()).param("result", result)
				.with(csrf())
				.with(teacher(course)))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("Please choose the passed or the failed.")));
		}
		mvc.perform(post("/programmes/{id}/assessment/export", course.programme()).param("result", "PASS")
			.with(csrf())
			.with(teacher(course)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("The course has no course code")));
		assertThat(exportsOf(course)).isEmpty();
		assertThat(jdbc.sql("select count(*) from assessment_decision where programme_id = ? and export_id is not null")
			.param(course.programme().value())
			.query(Integer.class)
			.single()).isZero();
	}

	private void pass(AssessmentCourse.Course course, AccountId mentor) {
		assessment.decide(course.programme(), mentor, course.term().staff().teacher().id(), Result.PASS,
				Set.copyOf(course.criteria()), WHY);
	}

	private String export(AssessmentCourse.Course course, String result, boolean everything) throws Exception {
		var request = post("/programmes/{id}/assessment/export", course.programme()).param("result", result)
			.with(csrf())
			.with(teacher(course));
		if (everything) {
			request.param("everything", "true");
		}
		return mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** Rows below the header. */
	private static int rows(String csv) {
		return (int) csv.lines().filter(line -> !line.isBlank()).count() - 1;
	}

	private String number(AssessmentCourse.Course course, AccountId mentor) {
		return access.creditStudent(course.programme(), mentor).studentNumber();
	}

	/** Changes a mentor's student number in their stored sign-up answers. */
	private void setNumber(AssessmentCourse.Course course, String from, String to) {
		int changed = jdbc.sql("update application set answers = replace(answers, ?, ?) where programme_id = ?")
			.params("\"" + from + "\"", "\"" + to + "\"", course.programme().value())
			.update();
		assertThat(changed).isPositive();
	}

	private List<String> exportsOf(AssessmentCourse.Course course) {
		return jdbc.sql("""
				select result, everything, row_count from grade_export where programme_id = ?
				order by exported_at, row_count desc""")
			.param(course.programme().value())
			.query((rs, n) -> rs.getString(1) + ":" + rs.getBoolean(2) + ":" + rs.getInt(3))
			.list();
	}

	private RequestPostProcessor teacher(AssessmentCourse.Course course) {
		return as(course.term().staff().teacher());
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
