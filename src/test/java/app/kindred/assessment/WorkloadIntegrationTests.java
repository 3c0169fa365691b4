package app.kindred.assessment;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.List;
import org.springframework.context.MessageSource;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.assessment.internal.CoursePart;
import app.kindred.assessment.internal.Courses;
import app.kindred.assessment.internal.Workload;
import app.kindred.assessment.internal.WorkloadPart;
import app.kindred.assessment.internal.WorkloadService;
import app.kindred.meeting.Meeting;
import app.kindred.meeting.MentorWorkspace;
import app.kindred.training.SessionKind;
import app.kindred.training.TrainingService;

/**
 * A credit-seeking mentor's workload: hours counted from attendance with their real
 * length (trainings, supervision, the group's meetings held with the mentor present),
 * hours logged by hand and refused when wrong, removing only one's own, the reading list
 * and who may see which page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WorkloadIntegrationTests {

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
	WorkloadService workloads;

	@Autowired
	TrainingService training;

	@Autowired
	MentorWorkspace workspace;

	@Autowired
	ReadingLists readingLists;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	List<CoursePart> parts;

	@Autowired
	SpringTemplateEngine templates;

	@Autowired
	ApplicationContext applicationContext;

	@Autowired
	UserDetailsService users;

	@Test
	void attendanceCountsWithItsRealLengthAndOnlyForHeldMeetingsWithTheMentorPresent() {
		var term = groups.creditCourse();
		var mentor = term.mentor(term.first(), 0);
		var coMentor = term.mentor(term.first(), 1);
		var coordinator = term.staff().coordinator().id();
		var started = data.now().minus(Duration.ofDays(20));
		var attended = training.schedule(term.programme(), SessionKind.TRAINING, started, 170, "Room 1", null,
				coordinator);
		var makeUp = training.schedule(term.programme(), SessionKind.MAKEUP, started.plus(Duration.ofDays(1)), 45,
				"Room 1", null, coordinator);
		var supervision = training.schedule(term.programme(), SessionKind.SUPERVISION, started.plus(Duration.ofDays(2)),
				95, "Room 2", null, coordinator);
		var missed = training.schedule(term.programme(), SessionKind.TRAINING, started.plus(Duration.ofDays(3)), 180,
				"Room 1", null, coordinator);
		training.recordAttendance(term.programme(), attended.id(), Set.of(mentor.id()), coordinator);
		training.recordAttendance(term.programme(), makeUp.id(), Set.of(mentor.id()), coordinator);
		training.recordAttendance(term.programme(), supervision.id(), Set.of(mentor.id()), coordinator);
		training.recordAttendance(term.programme(), missed.id(), Set.of(coMentor.id()), coordinator);

		List<Meeting> meetings = workspace.meetings(term.programme(), term.first().id(), mentor.id());
		var first = meetings.get(0);
		var second = meetings.get(1);
		var third = meetings.get(2);
		var fourth = meetings.get(3);
		var participant = term.participants(term.first()).get(0);
		workspace.recordAttendance(term.programme(), term.first().id(), first.id(),
				Set.of(mentor.id(), participant.id()), mentor.id());
		workspace.recordAttendance(term.programme(), term.first().id(), second.id(), Set.of(coMentor.id()),
				coMentor.id());
		workspace.recordAttendance(term.programme(), term.first().id(), third.id(), Set.of(mentor.id()), mentor.id());
		// The third is cancelled after its roll was taken; the fourth, still to come, has
		// a
		// roll only the database could give it: neither counts
		jdbc.sql("update meeting set cancelled_at = ? where id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC), third.id())
			.update();
		jdbc.sql("insert into meeting_roll (meeting_id, programme_id, taken_by, taken_at) values (?, ?, ?, ?)")
			.params(fourth.id(), term.programme().value(), mentor.id().value(), OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		jdbc.sql("insert into meeting_attendance (meeting_id, account_id, present) values (?, ?, true)")
			.params(fourth.id(), mentor.id().value())
			.update();

		var workload = workloads.workload(courses.creditStudent(term.programme(), mentor.id()));

		var trainingPart = workload.part(WorkloadPart.TRAINING);
		assertThat(trainingPart.attended()).extracting(Workload.Attended::id)
			.containsExactly(attended.id(), makeUp.id(), supervision.id());
		assertThat(trainingPart.attendedMinutes()).isEqualTo(170 + 45 + 95);
		var groupsPart = workload.part(WorkloadPart.GROUPS);
		assertThat(groupsPart.attended()).extracting(Workload.Attended::id).containsExactly(first.id());
		assertThat(groupsPart.attendedMinutes()).isEqualTo(first.minutes());
		assertThat(workload.trainingsAttended()).isEqualTo(2);
		assertThat(workload.supervisionsAttended()).isEqualTo(1);
		assertThat(workload.meetingsAttended()).isEqualTo(1);
		assertThat(workload.meetingsHeld()).isEqualTo(2);
		assertThat(workload.part(WorkloadPart.FAMILIARISATION).minutes()).isZero();
		assertThat(workload.targetHours()).isEqualTo(81);
		assertThat(workload.minutes()).isEqualTo(170 + 45 + 95 + first.minutes());

		// The co-mentor's own: the training they attended and the second meeting
		var theirs = workloads.workload(courses.creditStudent(term.programme(), coMentor.id()));
		assertThat(theirs.part(WorkloadPart.TRAINING).attendedMinutes()).isEqualTo(180);
		assertThat(theirs.part(WorkloadPart.GROUPS).attended()).extracting(Workload.Attended::id)
			.containsExactly(second.id());
	}

	@Test
	void loggedHoursAddToTheirPartAndTheTotalOnThePage() throws Exception {
		var term = groups.creditCourse();
		var mentor = term.mentor(term.first(), 0);
		var today = LocalDate.now(TestGroups.HELSINKI);

		log(term, mentor, "LITERATURE", today, "2", "30", "Read the guide's first half")
			.andExpect(status().is3xxRedirection());
		log(term, mentor, "LITERATURE", today.minusDays(1), "1", "", "Reflection")
			.andExpect(status().is3xxRedirection());
		log(term, mentor, "FAMILIARISATION", today.minusDays(2), "", "45", "Course overview")
			.andExpect(status().is3xxRedirection());

		var workload = workloads.workload(courses.creditStudent(term.programme(), mentor.id()));
		assertThat(workload.part(WorkloadPart.LITERATURE).loggedMinutes()).isEqualTo(210);
		assertThat(workload.part(WorkloadPart.LITERATURE).targetHours()).isEqualTo(27);
		assertThat(workload.part(WorkloadPart.FAMILIARISATION).loggedMinutes()).isEqualTo(45);
		assertThat(workload.minutes()).isEqualTo(255);
		assertThat(workload.belowTarget()).hasSize(4);

		mvc.perform(get(url(term, "/course/workload")).with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Literature and reflection: 3 h 30 min of 27 h")))
			.andExpect(content().string(containsString("Total: 4 h 15 min of 81 h")))
			.andExpect(content().string(containsString("<progress")))
			.andExpect(content().string(containsString("Read the guide&#39;s first half")));
	}

	@Test
	void theCoursePartShowsTheFiguresToTheStudentAndTheTeacher() {
		var term = groups.creditCourse();
		var mentor = term.mentor(term.first(), 0);
		var today = LocalDate.now(TestGroups.HELSINKI);
		workloads.log(term.programme(), mentor.id(), WorkloadPart.FAMILIARISATION, today, 9 * 60, "Read the guide");
		workloads.log(term.programme(), mentor.id(), WorkloadPart.LITERATURE, today, 90, "Grandell, first half");
		readingLists.fillIfEmpty(term.programme(), readingLists.supportingWellbeing());
		var first = workloads.readingOf(term.programme(), mentor.id()).items().get(0);
		workloads.markRead(term.programme(), mentor.id(), first.id(), true);
		var student = courses.creditStudent(term.programme(), mentor.id());
		var part = parts.stream().filter(p -> p.order() == 30).findFirst().orElseThrow();

		var card = part.forStudent(student).orElseThrow();
		assertThat(card.statusKey()).isEqualTo("assessment.workload.status");
		assertThat(card.statusArgs()).containsExactly(10.5, 81, 1L, 4);
		// The half hour is told, in each language's own decimal sign
		assertThat(messages.getMessage(card.statusKey(), card.args(), Locale.UK))
			.isEqualTo("10.5 h of 81 h, 1 of 4 readings read");
		assertThat(messages.getMessage(card.statusKey(), card.args(), Locale.forLanguageTag("fi")))
			.isEqualTo("10,5 h / 81 h, luettu 1/4");
		assertThat(card.needsAction()).isTrue();
		var workload = (Workload) card.data();
		assertThat(workload.belowTarget()).extracting(Workload.Part::part)
			.containsExactly(WorkloadPart.TRAINING, WorkloadPart.GROUPS, WorkloadPart.LITERATURE);
		assertThat(render("student", card)).contains("Total: 10 h 30 min of 81 h")
			.contains("Literature and reflection: 1 h 30 min of 27 h")
			.doesNotContain("Familiarisation: ")
			.contains("1 of 4 read");

		var section = part.forTeacher(student, term.staff().teacher().id()).orElseThrow();
		assertThat(render("teacher", section)).contains("Grandell, first half")
			.contains("Read the guide")
			.contains("Familiarisation: 9 h 0 min of 9 h")
			.contains("Group meetings attended: 0 of 3 held")
			.contains("Read, marked on");
		var participantsOnly = groups.threeMeetingsHeld(false);
		var notForCredit = courses.student(participantsOnly.programme(),
				participantsOnly.mentor(participantsOnly.first(), 0).id());
		assertThat(part.forStudent(notForCredit)).isEmpty();
	}

	private String render(String fragment, CoursePart.Section section) {
		// A web context: the fragments' links are relative to the application
		var exchange = JakartaServletWebApplication.buildApplication(new MockServletContext())
			.buildExchange(new MockHttpServletRequest(), new MockHttpServletResponse());
		var context = new WebContext(exchange, Locale.ENGLISH);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(applicationContext, null));
		context.setVariable("section", section);
		return templates.process("assessment/workload-part", Set.of(fragment), context);
	}

	@Test
	void badHoursAreRefusedAtTheirFieldAndNothingIsStored() throws Exception {
		var term = groups.creditCourse();
		var mentor = term.mentor(term.first(), 0);
		var today = LocalDate.now(TestGroups.HELSINKI);
		var termStart = LocalDate.now(TestGroups.HELSINKI).minusDays(1).minusWeeks(2);

		log(term, mentor, "LITERATURE", today, "-1", "", "Reading").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"hours-error\"")));
		log(term, mentor, "LITERATURE", today, "0", "0", "Reading").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Log from 1 minute to 24 hours.")));
		log(term, mentor, "LITERATURE", today, "1000", "", "Reading").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"hours-error\"")));
		log(term, mentor, "LITERATURE", today, "24", "30", "Reading").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"hours-error\"")));
		log(term, mentor, "LITERATURE", today, "1", "75", "Reading").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"minutes-error\"")));
		log(term, mentor, "LITERATURE", today, "1,5", "", "Reading").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"hours-error\"")));
		log(term, mentor, "LITERATURE", termStart.minusDays(WorkloadService.DAYS_BEFORE_TERM + 1), "1", "", "Reading")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"date-error\"")));
		log(term, mentor, "LITERATURE", today.plusDays(1), "1", "", "Reading")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"date-error\"")));
		log(term, mentor, "LITERATURE", LocalDate.of(2099, 1, 1), "1", "", "Reading")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"date-error\"")));
		mvc.perform(workloadPost(term, mentor).param("part", "LITERATURE")
			.param("date", "yesterday")
			.param("hours", "1")
			.param("note", "Reading")).andExpect(status().isUnprocessableContent());
		log(term, mentor, "LITERATURE", today, "1", "", "x".repeat(100_000))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"note-error\"")));
		log(term, mentor, "LITERATURE", today, "1", "", "   ").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"note-error\"")));
		log(term, mentor, "HOLIDAY", today, "1", "", "Reading").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"part-error\"")));
		log(term, mentor, "", today, "1", "", "Reading").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"part-error\"")));

		assertThat(entries(term)).isZero();
		// In Finnish, at the field
		mvc.perform(workloadPost(term, mentor).param("part", "LITERATURE")
			.param("date", today.toString())
			.param("hours", "1000")
			.param("note", "Luin")
			.param("lang", "fi"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Kirjaa vähintään 1 minuutti ja enintään 24 tuntia.")));
		assertThat(entries(term)).isZero();
	}

	@Test
	void aMentorRemovesOnlyTheirOwnEntries() throws Exception {
		var term = groups.creditCourse();
		var mentor = term.mentor(term.first(), 0);
		var other = term.mentor(term.second(), 0);
		var today = LocalDate.now(TestGroups.HELSINKI);
		var mine = workloads.log(term.programme(), mentor.id(), WorkloadPart.GROUPS, today, 60, "Planning");
		var theirs = workloads.log(term.programme(), other.id(), WorkloadPart.GROUPS, today, 90, "Planning");

		mvc.perform(post(url(term, "/course/workload/" + theirs.id() + "/delete")).with(csrf()).with(as(mentor)))
			.andExpect(status().isNotFound());
		mvc.perform(post(url(term, "/course/workload/" + UUID.randomUUID() + "/delete")).with(csrf()).with(as(mentor)))
			.andExpect(status().isNotFound());
		assertThat(entries(term)).isEqualTo(2);

		mvc.perform(post(url(term, "/course/workload/" + mine.id() + "/delete")).with(csrf()).with(as(mentor)))
			.andExpect(status().is3xxRedirection());
		assertThat(entries(term)).isEqualTo(1);
		assertThat(workloads.workload(courses.creditStudent(term.programme(), other.id()))
			.part(WorkloadPart.GROUPS)
			.loggedMinutes()).isEqualTo(90);
	}

	@Test
	void theMentorMarksWhatTheyReadOnTheProgrammesList() throws Exception {
		var term = groups.creditCourse();
		var mentor = term.mentor(term.first(), 0);
		var coMentor = term.mentor(term.first(), 1);
		var source = readingLists.supportingWellbeing();
		assertThat(source).hasSize(4).first().asString().startsWith("Forsell, S. (2021). Myötätuntomentorointi");
		readingLists.fillIfEmpty(term.programme(), source);
		readingLists.fillIfEmpty(term.programme(), source);
		var items = workloads.readingOf(term.programme(), mentor.id()).items();
		assertThat(items).extracting(Workload.Item::citation).containsExactlyElementsOf(source);

		var page = url(term, "/course/reading");
		mvc.perform(post(page).with(csrf()).with(as(mentor)).param("item", items.get(1).id().toString()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(page).with(csrf()).with(as(mentor)).param("item", items.get(1).id().toString()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(page).with(csrf()).with(as(mentor)).param("item", items.get(2).id().toString()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(page).with(csrf())
			.with(as(mentor))
			.param("item", items.get(2).id().toString())
			.param("read", "false")).andExpect(status().is3xxRedirection());
		mvc.perform(post(page).with(csrf()).with(as(mentor)).param("item", UUID.randomUUID().toString()))
			.andExpect(status().isNotFound());

		var reading = workloads.readingOf(term.programme(), mentor.id());
		assertThat(reading.items()).extracting(Workload.Item::read).containsExactly(false, true, false, false);
		assertThat(reading.read()).isEqualTo(1);
		assertThat(workloads.readingOf(term.programme(), coMentor.id()).read()).isZero();
		assertThat(workloads.workload(courses.creditStudent(term.programme(), mentor.id())).reading().read())
			.isEqualTo(1);
		mvc.perform(get(page).with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 of 4 read")))
			.andExpect(content().string(containsString("Grandell, R. (2015). Itsemyötätunto. Edita.")));
	}

	@Test
	void coordinatorsAndTeachersKeepTheReadingList() throws Exception {
		var term = groups.creditCourse();
		var staff = term.staff();
		var settings = url(term, "/course/settings/reading");

		mvc.perform(get(settings).with(as(staff.coordinator()))).andExpect(status().isOk());
		mvc.perform(get(settings).with(as(staff.teacher()))).andExpect(status().isOk());
		mvc.perform(get(settings).with(as(staff.admin()))).andExpect(status().isForbidden());
		mvc.perform(get(settings).with(as(data.staff().teacher()))).andExpect(status().isNotFound());
		mvc.perform(get(settings).with(as(term.mentor(term.first(), 0)))).andExpect(status().isNotFound());
		mvc.perform(post(settings).with(csrf()).with(as(term.mentor(term.first(), 0))).param("citation", "A book"))
			.andExpect(status().isNotFound());

		mvc.perform(post(settings).with(csrf()).with(as(staff.teacher())).param("citation", "First, A. (2020). One."))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(settings).with(csrf()).with(as(staff.coordinator())).param("citation", "Second, B. Two."))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(settings).with(csrf()).with(as(staff.coordinator())).param("citation", "x".repeat(1001)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"citation-error\"")));
		mvc.perform(post(settings).with(csrf()).with(as(staff.coordinator())).param("citation", " "))
			.andExpect(status().isUnprocessableContent());
		var entries = workloads.readingOf(term.programme(), staff.teacher().id()).items();
		assertThat(entries).extracting(Workload.Item::citation)
			.containsExactly("First, A. (2020). One.", "Second, B. Two.");

		mvc.perform(post(settings + "/" + entries.get(1).id() + "/move").with(csrf())
			.with(as(staff.teacher()))
			.param("direction", "up")).andExpect(status().is3xxRedirection());
		mvc.perform(post(settings + "/" + entries.get(1).id() + "/move").with(csrf())
			.with(as(staff.teacher()))
			.param("direction", "sideways")).andExpect(status().isUnprocessableContent());
		assertThat(workloads.readingOf(term.programme(), staff.teacher().id()).items())
			.extracting(Workload.Item::citation)
			.containsExactly("Second, B. Two.", "First, A. (2020). One.");
		mvc.perform(post(settings + "/" + entries.get(0).id() + "/remove").with(csrf()).with(as(staff.admin())))
			.andExpect(status().isForbidden());
		mvc.perform(post(settings + "/" + UUID.randomUUID() + "/remove").with(csrf()).with(as(staff.coordinator())))
			.andExpect(status().isNotFound());
		mvc.perform(post(settings + "/" + entries.get(0).id() + "/remove").with(csrf()).with(as(staff.coordinator())))
			.andExpect(status().is3xxRedirection());
		assertThat(workloads.readingOf(term.programme(), staff.teacher().id()).items())
			.extracting(Workload.Item::citation)
			.containsExactly("Second, B. Two.");
	}

	@Test
	void theMentorsPagesAreTheirsAlone() throws Exception {
		var term = groups.creditCourse();
		var mentor = term.mentor(term.first(), 0);
		var entry = workloads.log(term.programme(), mentor.id(), WorkloadPart.GROUPS,
				LocalDate.now(TestGroups.HELSINKI), 60, "Planning the second meeting");
		readingLists.fillIfEmpty(term.programme(), List.of("Only, O. (2024). The one."));
		var item = workloads.readingOf(term.programme(), mentor.id()).items().get(0);
		// Every mentor's pages are their own: another credit-seeking mentor (the
		// co-mentor,
		// one of the other group) sees theirs at the same address, never this one's
		var mentors = List.of(term.mentor(term.first(), 1), term.mentor(term.second(), 0));
		var nobody = List.of(term.participants(term.first()).get(0), term.staff().teacher(), term.staff().coordinator(),
				data.staff().teacher());

		mvc.perform(get(url(term, "/course/workload")).with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Planning the second meeting")));
		mvc.perform(get(url(term, "/course/reading")).with(as(mentor))).andExpect(status().isOk());
		for (var other : mentors) {
			mvc.perform(get(url(term, "/course/workload")).with(as(other)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("Planning the second meeting"))));
			mvc.perform(post(url(term, "/course/workload/" + entry.id() + "/delete")).with(csrf()).with(as(other)))
				.andExpect(status().isNotFound());
		}
		for (var other : nobody) {
			mvc.perform(get(url(term, "/course/workload")).with(as(other))).andExpect(status().isNotFound());
			mvc.perform(get(url(term, "/course/reading")).with(as(other))).andExpect(status().isNotFound());
			mvc.perform(workloadPost(term, other).param("part", "GROUPS")
				.param("date", LocalDate.now(TestGroups.HELSINKI).toString())
				.param("hours", "1")
				.param("note", "Planning")).andExpect(status().isNotFound());
			mvc.perform(post(url(term, "/course/workload/" + entry.id() + "/delete")).with(csrf()).with(as(other)))
				.andExpect(status().isNotFound());
			mvc.perform(
					post(url(term, "/course/reading")).with(csrf()).with(as(other)).param("item", item.id().toString()))
				.andExpect(status().isNotFound());
		}
		assertThat(entries(term)).isEqualTo(1);
		assertThat(jdbc
			.sql("select count(*) from reading_done d join reading r on r.id = d.reading_id where r.programme_id = ?")
			.param(term.programme().value())
			.query(Integer.class)
			.single()).isZero();
	}

	private ResultActions log(TestGroups.Term term, TestData.Person mentor, String part, LocalDate date, String hours,
			String minutes, String note) throws Exception {
		return mvc.perform(workloadPost(term, mentor).param("part", part)
			.param("date", date.toString())
			.param("hours", hours)
			.param("minutes", minutes)
			.param("note", note));
	}

	private MockHttpServletRequestBuilder workloadPost(TestGroups.Term term, TestData.Person person) {
		return post(url(term, "/course/workload")).with(csrf()).with(as(person));
	}

	private int entries(TestGroups.Term term) {
		return jdbc.sql("select count(*) from workload_entry where programme_id = ?")
			.param(term.programme().value())
			.query(Integer.class)
			.single();
	}

	private static String url(TestGroups.Term term, String path) {
		return "/programmes/" + term.programme().value() + path;
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
