package app.kindred.grouping;

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

import app.kindred.grouping.internal.FormationService;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.kindred.TestData;
import app.kindred.core.Language;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.SignUpAnswers;
import app.kindred.training.TrainingService;

/**
 * After the call for mentors closes, a mentor with a place can still change their
 * languages, place, weekly times and wished co-mentor, and nothing else, until the groups
 * are published; participants cannot.
 */
@ActiveProfiles("dev") // the development mailbox
@SpringBootTest(properties = "spring.mail.host=")
@AutoConfigureMockMvc
class LateMentorAnswersIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	RecruitmentService recruitment;

	@Autowired
	CallService calls;

	@Autowired
	TrainingService training;

	@Autowired
	FormationService formations;

	@Autowired
	PublishedGroups published;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void mentorsKeepTheirAvailabilityUpToDateUntilGroupsArePublished() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var coordinator = staff.coordinator().id();
		calls.addSlot(programme, new Call.Slot(DayOfWeek.TUESDAY, LocalTime.of(16, 15)), coordinator);
		calls.addSlot(programme, new Call.Slot(DayOfWeek.WEDNESDAY, LocalTime.of(16, 15)), coordinator);
		training.changeRequiredTrainings(programme, 0, coordinator);
		var mentor = signUp(programme, RecruitmentRole.MENTOR, "late-mentor", "TUE1615");
		signUp(programme, RecruitmentRole.MENTOR, "other-mentor", "WED1615");
		var participant = signUp(programme, RecruitmentRole.PARTICIPANT, "late-participant", "WED1615");
		for (int i = 0; i < 3; i++) {
			signUp(programme, RecruitmentRole.PARTICIPANT, "wed" + i, "WED1615");
		}
		// Both windows close, as another instance would close them (announcing the
		// change): the programme's kept view is dropped
		jdbc.sql("update programme set mentor_call_closes = ?, signup_closes = ? where id = ?")
			.params(Timestamp.from(data.now().minusSeconds(60)), Timestamp.from(data.now().minusSeconds(60)),
					programme.value())
			.update();
		data.programmeChangedElsewhere(programme);
		var mentorAnswers = "/programmes/" + programme.value() + "/applications/mentor/answers";
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> mvc.perform(get(mentorAnswers).with(as(mentor)))
				.andReturn()
				.getResponse()
				.getContentAsString()
				.contains("The call has closed, but until the groups are formed"));
		mvc.perform(get(mentorAnswers).with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"coMentor\"")))
			.andExpect(content().string(not(containsString("name=\"motivation\""))));
		mvc.perform(get("/programmes/" + programme.value() + "/applications/mentor").with(as(mentor)))
			.andExpect(content().string(containsString("Change your answers")));

		// Weekly times, languages and co-mentor change; a motivation slipped into the
		// form does not
		var before = recruitment.answers(programme, RecruitmentRole.MENTOR, mentor.id()).orElseThrow();
		mvc.perform(form(post(mentorAnswers), "WED1615").param("motivation", "Changed behind the form's back")
			.param("coMentor", "other-mentor")
			.with(as(mentor))).andExpect(redirectedUrl("/programmes/" + programme.value() + "/applications/mentor"));
		var after = recruitment.answers(programme, RecruitmentRole.MENTOR, mentor.id()).orElseThrow();
		assertThat(after.details().availability()).containsOnlyKeys("TUE1615", "WED1615");
		assertThat(after.languages()).containsExactly(Language.EN);
		assertThat(after.details().coMentor()).isEqualTo("other-mentor");
		assertThat(after.motivation()).isEqualTo(before.motivation());

		// A participant's answers are closed with the window
		var participantAnswers = "/programmes/" + programme.value() + "/applications/participant/answers";
		mvc.perform(form(post(participantAnswers), "TUE1615").with(as(participant)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This window has closed. Nothing was stored.")));
		assertThat(recruitment.answers(programme, RecruitmentRole.PARTICIPANT, participant.id())
			.orElseThrow()
			.details()
			.availability()).containsOnlyKeys("WED1615");

		// Once the groups are published, the mentor's answers are closed too
		formations.start(programme, Duration.ofSeconds(2), coordinator);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> formations.overview(programme, coordinator).proposal().isPresent()
					&& formations.overview(programme, coordinator).running().isEmpty());
		published.publish(programme, coordinator);
		mvc.perform(form(post(mentorAnswers), "TUE1615").with(as(mentor)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This window has closed. Nothing was stored.")));
		assertThat(recruitment.answers(programme, RecruitmentRole.MENTOR, mentor.id()).orElseThrow()).isEqualTo(after);
		mvc.perform(get("/programmes/" + programme.value() + "/applications/mentor").with(as(mentor)))
			.andExpect(content().string(not(containsString("Change your answers"))));
	}

	private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String extraSlot) {
		return request.with(csrf())
			.param("languages", "EN")
			.param("delivery", "REMOTE")
			.param("availability[TUE1615]", "POSSIBLE")
			.param("availability[" + extraSlot + "]", "PREFERRED")
			.param("consent", "true");
	}

	private TestData.Person signUp(ProgrammeId programme, RecruitmentRole role, String who, String slot) {
		var person = data.person(who);
		var details = new SignUpAnswers.Details(List.of(), Map.of(slot, Call.Availability.PREFERRED), false, null, null,
				Map.of(), List.of());
		recruitment.signUp(recruitment.programme(programme), role, person.id(),
				new SignUpAnswers(EnumSet.of(Language.EN), SignUpAnswers.Delivery.REMOTE, null,
						role == RecruitmentRole.MENTOR ? "To help." : null, null, false, details));
		return person;
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
