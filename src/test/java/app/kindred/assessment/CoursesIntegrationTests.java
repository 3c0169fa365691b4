package app.kindred.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.assessment.internal.Courses;
import app.kindred.core.Forbidden;
import app.kindred.core.NotFoundException;

/**
 * Who the course knows: a credit-seeking mentor with their student number, group and
 * co-mentor; participants and strangers are nobody to it; assessment is the teachers'.
 */
@SpringBootTest
class CoursesIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	TestGroups groups;

	@Autowired
	Courses courses;

	@Test
	void knowsCreditSeekingMentorsWithTheirGroupAndCoMentor() {
		var term = groups.creditCourse();
		var mentor = term.mentor(term.first(), 0);
		var coMentor = term.mentor(term.first(), 1);

		var student = courses.creditStudent(term.programme(), mentor.id());

		assertThat(student.forCredit()).isTrue();
		assertThat(student.studentNumber()).startsWith("S1");
		assertThat(student.group()).contains(term.first());
		assertThat(student.coMentors()).containsExactly(coMentor.id());
		assertThat(student.course().credits()).isEqualTo(3);
		assertThat(student.course().diaryDue()).isAfter(student.course().objectivesDue());
		assertThat(courses.creditStudents(student.course())).hasSize(4);
	}

	@Test
	void participantsStaffWithoutTeachingAndStrangersAreRefused() {
		var term = groups.creditCourse();
		var participant = term.participants(term.first()).get(0);

		assertThatThrownBy(() -> courses.student(term.programme(), participant.id()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> courses.taught(term.programme(), term.staff().coordinator().id()))
			.isInstanceOf(Forbidden.class);
		assertThatThrownBy(() -> courses.taught(term.programme(), participant.id()))
			.isInstanceOf(NotFoundException.class);
		assertThat(courses.taught(term.programme(), term.staff().teacher().id()).forCredit()).isTrue();
	}

	@Test
	void mentorsOfAProgrammeWithoutACourseAreNotCreditStudents() {
		var term = groups.threeMeetingsHeld(false);
		var mentor = term.mentor(term.first(), 0);

		assertThat(courses.student(term.programme(), mentor.id()).forCredit()).isFalse();
		assertThatThrownBy(() -> courses.creditStudent(term.programme(), mentor.id()))
			.isInstanceOf(NotFoundException.class);
	}

}
