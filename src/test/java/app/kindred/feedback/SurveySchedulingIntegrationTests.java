package app.kindred.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
import app.kindred.core.NotFoundException;
import app.kindred.identity.AccountId;
import app.kindred.feedback.internal.Moment;
import app.kindred.feedback.internal.Survey;
import app.kindred.feedback.internal.SurveyService;
import app.kindred.feedback.internal.SurveyStore;
import app.kindred.feedback.internal.SurveySweep;
import app.kindred.meeting.Meeting;
import app.kindred.meeting.Meetings;

/**
 * Scheduling surveys: the usual set with windows from the published groups' meetings (the
 * one before the first meeting, whose time has passed, left out), from the term before
 * publishing; one survey added with its window typed, the same form and moment twice
 * refused, bad input refused at its field with nothing stored; a window moved; removal
 * only before anyone answered; who may open the page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SurveySchedulingIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestGroups groups;

	@Autowired
	SurveyService service;

	@Autowired
	SurveyStore store;

	@Autowired
	Meetings meetings;

	@Autowired
	Surveys surveys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SurveySweep sweep;

	@Autowired
	UserDetailsService users;

	@Test
	void schedulesTheUsualSurveysAroundTheMeetings() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var coordinator = term.staff().coordinator();
		mvc.perform(post(page(term)).with(csrf()).with(as(coordinator)).param("afterThird", "true"))
			.andExpect(status().is3xxRedirection());
		var scheduled = store.ofProgramme(term.programme());
		var byKey = scheduled.stream().collect(Collectors.toMap(s -> s.formKey() + "@" + s.moment(), s -> s));
		// Before the first meeting has passed: the first meetings were two weeks ago
		assertThat(byKey.keySet()).containsExactlyInAnyOrder("kindred-self-compassion@AFTER_LAST",
				"kindred-participant-feedback@AFTER_LAST", "kindred-participant-feedback@AFTER_THIRD",
				"kindred-mentor-feedback@AFTER_LAST");
		var all = meetings.ofProgramme(term.programme());
		var latestThird = all.stream()
			.filter(m -> m.number() == 3)
			.map(Meeting::endsAt)
			.max(Comparator.naturalOrder())
			.orElseThrow();
		var latestLast = all.stream().map(Meeting::endsAt).max(Comparator.naturalOrder()).orElseThrow();
		var third = byKey.get("kindred-participant-feedback@AFTER_THIRD");
		assertThat(third.opensAt()).isEqualTo(latestThird);
		assertThat(third.closesAt()).isEqualTo(latestThird.plus(Duration.ofDays(7)));
		assertThat(third.remindAt()).isEqualTo(third.closesAt().minus(Duration.ofHours(48)));
		var last = byKey.get("kindred-participant-feedback@AFTER_LAST");
		assertThat(last.opensAt()).isEqualTo(latestLast);
		assertThat(last.closesAt()).isEqualTo(latestLast.plus(Duration.ofDays(14)));
		assertThat(last.form().key()).isEqualTo("kindred-participant-feedback");
		assertThat(last.kind()).isEqualTo(SurveyKind.PARTICIPANT_FEEDBACK);
		assertThat(byKey.get("kindred-mentor-feedback@AFTER_LAST").kind()).isEqualTo(SurveyKind.MENTOR_FEEDBACK);

		// Again: nothing more, and the page lists them
		mvc.perform(post(page(term)).with(csrf()).with(as(coordinator)).param("afterThird", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(store.ofProgramme(term.programme())).hasSize(4);
		mvc.perform(get(page(term).replace("/usual", "")).with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Kindred self-compassion check-in")))
			.andExpect(content().string(containsString("/programmes/" + term.programme().value() + "/feedback")));
	}

	@Test
	void beforePublishingTheWindowsFollowTheTerm() {
		var staff = data.staff();
		var settings = groups.settings(LocalDate.now(TestGroups.HELSINKI).plusWeeks(4), 6, 1);
		var programme = data.programme(staff, true, settings);
		service.scheduleUsual(programme, false, staff.coordinator().id());
		var scheduled = store.ofProgramme(programme);
		assertThat(scheduled).hasSize(4);
		var start = settings.termStart().atStartOfDay(TestGroups.HELSINKI).toInstant();
		var before = scheduled.stream().filter(s -> s.moment() == Moment.BEFORE_FIRST).findFirst().orElseThrow();
		assertThat(before.opensAt()).isEqualTo(start.minus(Duration.ofDays(7)));
		assertThat(before.closesAt()).isEqualTo(start);
		var end = settings.termEnd().atStartOfDay(TestGroups.HELSINKI).toInstant();
		assertThat(scheduled.stream().filter(s -> s.moment() == Moment.AFTER_LAST))
			.allSatisfy(s -> assertThat(s.opensAt()).isEqualTo(end));
	}

	@Test
	void addsOneSurveyInATypedWindowAndRefusesTheSameTwice() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var coordinator = term.staff().coordinator();
		var opens = LocalDateTime.now(TestGroups.HELSINKI).plusDays(3).withSecond(0).withNano(0);
		mvc.perform(add(term, "kindred-self-compassion", "AFTER_THIRD", opens.toString(), opens.plusDays(2).toString())
			.with(as(coordinator))).andExpect(status().is3xxRedirection());
		var added = store.ofProgramme(term.programme()).get(0);
		assertThat(added.opensAt()).isEqualTo(opens.atZone(TestGroups.HELSINKI).toInstant());
		// Two days: the reminder halfway
		assertThat(added.remindAt()).isEqualTo(added.opensAt().plus(Duration.ofDays(1)));
		mvc.perform(add(term, "kindred-self-compassion", "AFTER_THIRD", "", "").with(as(coordinator)))
			.andExpect(status().isConflict());
		assertThat(store.ofProgramme(term.programme())).hasSize(1);
	}

	@Test
	void refusesBadInputAtItsFieldAndStoresNothing() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var coordinator = term.staff().coordinator();
		var opens = LocalDateTime.now(TestGroups.HELSINKI).plusDays(3).withSecond(0).withNano(0);
		Map<String, List<String>> bad = Map.of("form", List.of("nobodys-form", "AFTER_LAST", "", ""), "moment",
				List.of("kindred-self-compassion", "SOMETIME", "", ""), "opens",
				List.of("kindred-self-compassion", "AFTER_LAST", "99999-01-01T10:00", opens.toString()), "closes",
				List.of("kindred-self-compassion", "AFTER_LAST", opens.toString(), opens.minusDays(1).toString()));
		for (var entry : bad.entrySet()) {
			var v = entry.getValue();
			mvc.perform(add(term, v.get(0), v.get(1), v.get(2), v.get(3)).with(as(coordinator))
				.header("Accept-Language", "fi"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("id=\"" + entry.getKey() + "-error\"")));
		}
		// Feedback before the first meeting, and one of both ends
		mvc.perform(add(term, "kindred-participant-feedback", "BEFORE_FIRST", "", "").with(as(coordinator)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"moment-error\"")));
		mvc.perform(add(term, "kindred-participant-feedback", "AFTER_LAST", opens.toString(), "").with(as(coordinator)))
			.andExpect(status().isUnprocessableContent());
		assertThat(store.ofProgramme(term.programme())).isEmpty();
	}

	@Test
	void movesAWindowAndRemovesOnlyBeforeAnyoneAnswered() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var coordinator = term.staff().coordinator();
		var survey = service.add(term.programme(), "kindred-participant-feedback", Moment.AFTER_LAST, null, null,
				coordinator.id());
		var opens = LocalDateTime.now(TestGroups.HELSINKI).plusDays(10).withSecond(0).withNano(0);
		mvc.perform(post(page(term).replace("/usual", "/" + survey.id() + "/window")).with(csrf())
			.with(as(coordinator))
			.param("opens", opens.toString())
			.param("closes", opens.plusDays(10).toString())).andExpect(status().is3xxRedirection());
		var moved = store.find(survey.id()).orElseThrow();
		assertThat(moved.opensAt()).isEqualTo(opens.atZone(TestGroups.HELSINKI).toInstant());
		assertThat(moved.remindAt()).isEqualTo(moved.closesAt().minus(Duration.ofHours(48)));
		mvc.perform(post(page(term).replace("/usual", "/" + survey.id() + "/window")).with(csrf())
			.with(as(coordinator))
			.param("opens", opens.toString())
			.param("closes", opens.minusDays(1).toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("closes-" + survey.id() + "-error")));

		// Someone answered: it stays
		surveys.open(survey.id());
		var other = service.add(term.programme(), "kindred-mentor-feedback", Moment.AFTER_LAST, null, null,
				coordinator.id());
		markOneAnswered(term, survey);
		mvc.perform(
				post(page(term).replace("/usual", "/" + survey.id() + "/remove")).with(csrf()).with(as(coordinator)))
			.andExpect(status().isConflict());
		assertThat(store.find(survey.id())).isPresent();
		mvc.perform(post(page(term).replace("/usual", "/" + other.id() + "/remove")).with(csrf()).with(as(coordinator)))
			.andExpect(status().is3xxRedirection());
		assertThat(store.find(other.id())).isEmpty();
		assertThatThrownBy(() -> service.remove(term.programme(), other.id(), coordinator.id()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void onlyTheCoordinatorsSchedule() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var list = page(term).replace("/usual", "");
		mvc.perform(get(list).with(as(term.staff().coordinator()))).andExpect(status().isOk());
		mvc.perform(get(list).with(as(term.staff().teacher()))).andExpect(status().isForbidden());
		mvc.perform(get(list).with(as(data.person("outsider")))).andExpect(status().isNotFound());
		mvc.perform(get(list).with(as(term.participants(term.first()).get(0)))).andExpect(status().isNotFound());
		mvc.perform(post(page(term)).with(csrf()).with(as(term.mentor(term.first(), 0))))
			.andExpect(status().isNotFound());
		mvc.perform(post(page(term)).with(csrf()).with(as(term.staff().teacher()))).andExpect(status().isForbidden());
		assertThat(store.ofProgramme(term.programme())).isEmpty();
	}

	/** As an answer leaves it: the invitation marked answered. */
	private void markOneAnswered(TestGroups.Term term, Survey survey) {
		AccountId person = term.participants(term.first()).get(0).id();
		sweep.sweep();
		assertThat(jdbc.sql("update survey_invitation set answered = true where survey_id = ? and account_id = ?")
			.params(survey.id(), person.value())
			.update()).isEqualTo(1);
	}

	private static String page(TestGroups.Term term) {
		return "/programmes/" + term.programme().value() + "/surveys/usual";
	}

	private MockHttpServletRequestBuilder add(TestGroups.Term term, String form, String moment, String opens,
			String closes) {
		return post(page(term).replace("/usual", "")).with(csrf())
			.param("form", form)
			.param("moment", moment)
			.param("opens", opens)
			.param("closes", closes);
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
