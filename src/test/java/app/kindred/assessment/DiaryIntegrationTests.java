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

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.assessment.internal.CoursePart;
import app.kindred.assessment.internal.Courses;

/**
 * The learning diary of a credit course whose groups have held three meetings: the
 * private-entry rule (nobody but the writer sees a private entry, anywhere), sharing and
 * versions as the teacher sees them, the refusal of an entry naming a participant, bad
 * input at its field with nothing stored, the PDF, the prompts page, and who may open
 * what.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DiaryIntegrationTests {

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
	List<CoursePart> parts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void privateEntriesAreTheWritersAloneEverywhere() throws Exception {
		var term = groups.creditCourse();
		var writer = term.mentor(term.first(), 0);
		var entry = write(term, writer, "Private thoughts about my breathing.");

		mvc.perform(get(diary(term) + "/" + entry).with(as(writer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Private thoughts about my breathing.")));
		var coMentor = term.mentor(term.first(), 1);
		var otherMentor = term.mentor(term.second(), 0);
		for (var stranger : List.of(coMentor, otherMentor, term.staff().teacher(), term.staff().coordinator(),
				term.participants(term.first()).get(0))) {
			mvc.perform(get(diary(term) + "/" + entry).with(as(stranger))).andExpect(status().isNotFound());
		}
		for (var mentor : List.of(coMentor, otherMentor)) {
			mvc.perform(get(diary(term)).with(as(mentor)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(entry.toString()))));
		}
		mvc.perform(get(reading(term, writer, entry)).with(as(term.staff().teacher())))
			.andExpect(status().isNotFound());
		// Coordinators read no entry unless the course lets them, and then only shared
		// ones
		mvc.perform(get(reading(term, writer, entry)).with(as(term.staff().coordinator())))
			.andExpect(status().isForbidden());
		letCoordinatorsRead(term);
		mvc.perform(get(reading(term, writer, entry)).with(as(term.staff().coordinator())))
			.andExpect(status().isNotFound());

		var student = courses.creditStudent(term.programme(), writer.id());
		var section = diaryPart().forTeacher(student, term.staff().teacher().id()).orElseThrow();
		assertThat(section.data().toString()).doesNotContain(entry.toString());
		assertThat(section.statusArgs()).containsExactly(0, 0L);
	}

	@Test
	void aSharedEntryChangesOnlyAsANewVersionAndTheTeacherSeesWhichTheyRead() throws Exception {
		var term = groups.creditCourse();
		var writer = term.mentor(term.first(), 0);
		var entry = write(term, writer, "First thoughts.");

		// Sharing asks first
		mvc.perform(post(diary(term) + "/" + entry + "/share").with(as(writer)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("confirmed")));
		assertThat(shared(entry)).isFalse();
		mvc.perform(post(diary(term) + "/" + entry + "/share").param("confirmed", "true").with(as(writer)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(shared(entry)).isTrue();

		var teacher = term.staff().teacher();
		mvc.perform(get(reading(term, writer, entry)).with(as(teacher)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("First thoughts.")))
			.andExpect(content().string(containsString("You are reading version 1.")));

		save(term, writer, entry, LocalDate.now(TestGroups.HELSINKI).toString(), "", "Second thoughts.")
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select text from diary_version where entry_id = ? order by version")
			.param(entry)
			.query(String.class)
			.list()).containsExactly("First thoughts.", "Second thoughts.");

		var student = courses.creditStudent(term.programme(), writer.id());
		var section = diaryPart().forTeacher(student, teacher.id()).orElseThrow();
		assertThat(section.statusArgs()).containsExactly(1, 1L);
		assertThat(section.needsAction()).isTrue();
		mvc.perform(get(reading(term, writer, entry)).with(as(teacher)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Second thoughts.")))
			.andExpect(content().string(containsString("You read version 1 before")));
		assertThat(jdbc.sql("select version from diary_reading where entry_id = ?")
			.param(entry)
			.query(Integer.class)
			.single()).isEqualTo(2);

		// Coordinators read shared entries only where the course lets them
		mvc.perform(get(reading(term, writer, entry)).with(as(term.staff().coordinator())))
			.andExpect(status().isForbidden());
		letCoordinatorsRead(term);
		mvc.perform(get(reading(term, writer, entry)).with(as(term.staff().coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Second thoughts.")));
		// A teacher of another organisation finds nothing
		var elsewhere = data.staff().teacher();
		mvc.perform(get(reading(term, writer, entry)).with(as(elsewhere))).andExpect(status().isNotFound());
		// A forged entry id, or the entry under another mentor, is nobody's
		mvc.perform(get(reading(term, writer, UUID.randomUUID())).with(as(teacher))).andExpect(status().isNotFound());
		mvc.perform(get(reading(term, term.mentor(term.first(), 1), entry)).with(as(teacher)))
			.andExpect(status().isNotFound());
	}

	@Test
	void handingInSharesEveryEntryAfterAskingFirst() throws Exception {
		var term = groups.creditCourse();
		var writer = term.mentor(term.first(), 0);
		var one = write(term, writer, "One.");
		var two = write(term, writer, "Two.");

		mvc.perform(post(diary(term) + "/submit").with(as(writer)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 private entries will be shared")));
		assertThat(shared(one) || shared(two)).isFalse();
		mvc.perform(post(diary(term) + "/submit").param("confirmed", "true").with(as(writer)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(shared(one) && shared(two)).isTrue();
		var student = courses.creditStudent(term.programme(), writer.id());
		var card = diaryPart().forStudent(student).orElseThrow();
		assertThat(card.statusKey()).isEqualTo("assessment.diary.status.submitted");
		assertThat(card.needsAction()).isFalse();
	}

	@Test
	void anEntryNamingAParticipantOfTheGroupIsRefusedAtItsField() throws Exception {
		var term = groups.creditCourse();
		var writer = term.mentor(term.first(), 0);
		var participant = term.participants(term.first()).get(0);
		var name = jdbc.sql("select display_name from account where id = ?")
			.param(participant.id().value())
			.query(String.class)
			.single();

		create(term, writer, today(), "", "Today " + name + " told us about her week.")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("names someone in your group")));
		assertThat(count(term)).isZero();
	}

	@Test
	void badInputComesBackAtItsFieldWithNothingStored() throws Exception {
		var term = groups.creditCourse();
		var writer = term.mentor(term.first(), 0);
		var settings = courses.creditStudent(term.programme(), writer.id()).course().programme().settings();

		create(term, writer, today(), "", "x".repeat(100_000)).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("text-error")));
		create(term, writer, settings.termStart().minusYears(1).toString(), "", "Long ago.")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("date-error")));
		create(term, writer, LocalDate.now(TestGroups.HELSINKI).plusDays(1).toString(), "", "Tomorrow.")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("cannot be in the future")));
		create(term, writer, "2026-02-31", "", "No such day.").andExpect(status().isUnprocessableContent());
		var othersMeeting = meeting(term.second().id(), 1);
		create(term, writer, today(), "MEETING:" + othersMeeting, "Their meeting.")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("occasion-error")));
		create(term, writer, today(), "MEETING:" + meeting(term.first().id(), 6), "A meeting still to come.")
			.andExpect(status().isUnprocessableContent());
		assertThat(count(term)).isZero();

		// An own held meeting is a fine occasion, and offers the meeting prompts
		var own = meeting(term.first().id(), 1);
		mvc.perform(get(diary(term) + "/new").param("occasion", "MEETING:" + own).with(as(writer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("How was I present in the meeting")));
		create(term, writer, today(), "MEETING:" + own, "Our first meeting.").andExpect(status().is3xxRedirection());
		assertThat(count(term)).isOne();
		mvc.perform(get(diary(term)).with(as(writer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Group meeting 1 on")))
			.andExpect(content().string(containsString("Private")));
		mvc.perform(get(diary(term) + ".pdf").with(as(writer))).andExpect(status().isOk());

		var forged = UUID.randomUUID();
		mvc.perform(get(diary(term) + "/" + forged).with(as(writer))).andExpect(status().isNotFound());
		save(term, writer, forged, today(), "", "Forged.").andExpect(status().isNotFound());
		mvc.perform(
				post(diary(term) + "/" + forged + "/share").param("confirmed", "true").with(as(writer)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void theDiaryAsATaggedPdfWithEveryName() throws Exception {
		var term = groups.creditCourse();
		var writer = term.mentor(term.first(), 0);
		write(term, writer, "Łukasz and Nguyễn would write ä ö å here.");

		var response = mvc.perform(get(diary(term) + ".pdf").with(as(writer)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn()
			.getResponse();
		try (var pdf = Loader.loadPDF(response.getContentAsByteArray())) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Łukasz and Nguyễn would write ä ö å here.");
			var catalog = pdf.getDocumentCatalog();
			assertThat(catalog.getLanguage()).isEqualTo("en");
			assertThat(catalog.getCOSObject().containsKey(COSName.STRUCT_TREE_ROOT)).isTrue();
			assertThat(catalog.getMarkInfo().isMarked()).isTrue();
			assertThat(pdf.getDocumentInformation().getTitle()).contains("Learning diary");
		}
		mvc.perform(get(diary(term) + ".pdf").with(as(term.mentor(term.first(), 1)))).andExpect(status().isOk());
		mvc.perform(get(diary(term) + ".pdf").with(as(term.staff().teacher()))).andExpect(status().isNotFound());
	}

	@Test
	void coordinatorsAndTeachersSetThePromptsOthersNot() throws Exception {
		var term = groups.creditCourse();
		var page = "/programmes/" + term.programme().value() + "/course/settings/prompts";
		mvc.perform(get(page).with(as(term.staff().coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("What has been on my mind")));
		mvc.perform(get(page).with(as(term.staff().teacher()))).andExpect(status().isOk());
		mvc.perform(get(page).with(as(term.staff().admin()))).andExpect(status().isForbidden());
		mvc.perform(get(page).with(as(term.mentor(term.first(), 0)))).andExpect(status().isNotFound());
		mvc.perform(get(page).with(as(data.staff().teacher()))).andExpect(status().isNotFound());

		mvc.perform(
				post(page).param("freeEn", "1\n2\n3\n4\n5\n6\n7\n8\n9").with(as(term.staff().teacher())).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("freeEn-error")));
		mvc.perform(post(page).param("freeEn", "x".repeat(301)).with(as(term.staff().teacher())).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(jdbc.sql("select count(*) from course_prompt where programme_id = ?")
			.param(term.programme().value())
			.query(Integer.class)
			.single()).isZero();

		mvc.perform(post(page).param("freeEn", "What moved me today?\n\n  Whom did I meet kindly?  ")
			.with(as(term.staff().coordinator()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select text from course_prompt where programme_id = ? and occasion = 'FREE'")
			.param(term.programme().value())
			.query(String.class)
			.single()).isEqualTo("What moved me today?\nWhom did I meet kindly?");
		mvc.perform(get(diary(term) + "/new").param("occasion", "").with(as(term.mentor(term.first(), 0))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Whom did I meet kindly?")))
			.andExpect(content().string(not(containsString("What has been on my mind"))));
	}

	@Test
	void onlyTheMentorsThemselvesHaveADiary() throws Exception {
		var term = groups.creditCourse();
		mvc.perform(get(diary(term)).with(as(term.mentor(term.first(), 0)))).andExpect(status().isOk());
		mvc.perform(get(diary(term) + "/new").with(as(term.mentor(term.second(), 1)))).andExpect(status().isOk());
		for (var nobody : List.of(term.participants(term.first()).get(0), term.staff().teacher(),
				term.staff().coordinator(), term.staff().admin(), data.staff().teacher())) {
			mvc.perform(get(diary(term)).with(as(nobody))).andExpect(status().isNotFound());
			mvc.perform(post(diary(term) + "/submit").with(as(nobody)).with(csrf())).andExpect(status().isNotFound());
		}
		mvc.perform(get(diary(term))).andExpect(status().is3xxRedirection());
	}

	// Helpers

	private UUID write(TestGroups.Term term, TestData.Person writer, String text) throws Exception {
		var before = ids(term, writer);
		create(term, writer, today(), "", text).andExpect(status().is3xxRedirection());
		return ids(term, writer).stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();
	}

	private List<UUID> ids(TestGroups.Term term, TestData.Person writer) {
		return jdbc.sql("select id from diary_entry where programme_id = ? and account_id = ?")
			.params(term.programme().value(), writer.id().value())
			.query(UUID.class)
			.list();
	}

	private ResultActions create(TestGroups.Term term, TestData.Person writer, String date, String occasion,
			String text) throws Exception {
		return mvc.perform(form(post(diary(term) + "/new"), date, occasion, text).with(as(writer)).with(csrf()));
	}

	private ResultActions save(TestGroups.Term term, TestData.Person writer, UUID entry, String date, String occasion,
			String text) throws Exception {
		return mvc.perform(form(post(diary(term) + "/" + entry), date, occasion, text).with(as(writer)).with(csrf()));
	}

	private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String date,
			String occasion, String text) {
		return request.param("date", date).param("occasion", occasion).param("text", text);
	}

	private boolean shared(UUID entry) {
		return jdbc.sql("select shared_at is not null from diary_entry where id = ?")
			.param(entry)
			.query(Boolean.class)
			.single();
	}

	private int count(TestGroups.Term term) {
		return jdbc.sql("select count(*) from diary_entry where programme_id = ?")
			.param(term.programme().value())
			.query(Integer.class)
			.single();
	}

	private UUID meeting(UUID group, int number) {
		return jdbc.sql("select id from meeting where group_id = ? and number = ?")
			.params(group, number)
			.query(UUID.class)
			.single();
	}

	private void letCoordinatorsRead(TestGroups.Term term) {
		jdbc.sql("""
				insert into course (programme_id, rating_scale, assessment_weeks, coordinators_read, diary_for_all,
				       updated_at)
				values (?, 5, 3, true, false, current_timestamp)""").param(term.programme().value()).update();
	}

	private CoursePart diaryPart() {
		return parts.stream().filter(p -> p.order() == 20).findFirst().orElseThrow();
	}

	private static String today() {
		return LocalDate.now(TestGroups.HELSINKI).toString();
	}

	private static String diary(TestGroups.Term term) {
		return "/programmes/" + term.programme().value() + "/course/diary";
	}

	private static String reading(TestGroups.Term term, TestData.Person mentor, UUID entry) {
		return "/programmes/" + term.programme().value() + "/assessment/" + mentor.id().value() + "/diary/" + entry;
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
