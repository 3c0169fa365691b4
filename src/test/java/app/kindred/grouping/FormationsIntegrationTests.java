package app.kindred.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kindred.grouping.internal.FormationService;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.kindred.TestData;
import app.kindred.core.Language;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.grouping.PublishedGroups;
import app.kindred.recruitment.SignUpAnswers;
import app.kindred.training.TrainingService;
import app.kindred.notification.internal.DevMailbox;
import java.util.HashMap;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;

/**
 * Forming groups from the people recruitment accepted and training made ready: in the
 * background, one run at a time, with the proposal and the reasons for anyone left out on
 * the coordinator's page.
 */
@ActiveProfiles("dev") // the development mailbox
@SpringBootTest(properties = "spring.mail.host=")
@AutoConfigureMockMvc
class FormationsIntegrationTests {

	@Autowired
	PublishedGroups publishedGroups;

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
	UserDetailsService users;

	@Autowired
	FormationService formations;

	@Autowired
	DevMailbox mailbox;

	@Test
	void formsGroupsInTheBackgroundAndSaysWhySomeoneIsLeftOut() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var coordinator = staff.coordinator().id();
		calls.addSlot(programme, new Call.Slot(DayOfWeek.TUESDAY, LocalTime.of(16, 15)), coordinator);
		training.changeRequiredTrainings(programme, 0, coordinator);
		for (int i = 0; i < 2; i++) {
			signUp(programme, RecruitmentRole.MENTOR, "mentor" + i, Map.of("TUE1615", Call.Availability.PREFERRED));
		}
		for (int i = 0; i < 6; i++) {
			signUp(programme, RecruitmentRole.PARTICIPANT, "participant" + i,
					Map.of("TUE1615", Call.Availability.POSSIBLE));
		}
		var timeless = signUp(programme, RecruitmentRole.PARTICIPANT, "timeless", Map.of());

		var base = "/programmes/" + programme.value() + "/groups";
		mvc.perform(get(base).with(as(staff.coordinator())))
			.andExpect(status().isOk())
			.andExpect(
					content().string(containsString("7 participants with a place, 2 mentors ready to lead a group")));
		mvc.perform(post(base + "/run").with(csrf()).with(as(staff.coordinator())).param("seconds", "1"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please give a time limit from 5 to 300 seconds.")));
		mvc.perform(post(base + "/run").with(csrf()).with(as(staff.teacher())).param("seconds", "5"))
			.andExpect(status().isForbidden());

		mvc.perform(post(base + "/run").with(csrf()).with(as(staff.coordinator())).param("seconds", "5"))
			.andExpect(redirectedUrl(base));
		// One run per programme: a second start while the first runs is refused
		mvc.perform(post(base + "/run").with(csrf()).with(as(staff.coordinator())).param("seconds", "5"))
			.andExpect(status().isConflict());
		mvc.perform(post(base + "/stop").with(csrf()).with(as(staff.coordinator()))).andExpect(redirectedUrl(base));

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> mvc.perform(get(base).with(as(staff.coordinator())))
				.andReturn()
				.getResponse()
				.getContentAsString()
				.contains("Not placed"));
		mvc.perform(get(base).with(as(staff.coordinator())))
			.andExpect(content().string(containsString("1 group, 6 of 7 participants placed")))
			.andExpect(content().string(containsString("No grouping can place more than 6 of the 7 participants.")))
			.andExpect(content().string(containsString("1 participant can attend none of the weekly times.")))
			.andExpect(content().string(containsString("Tuesday 16:15–18:15")))
			.andExpect(content().string(containsString("timeless · " + people.get(timeless).email()
					+ " (participant): can attend none of the weekly times.")))
			.andExpect(content().string(containsString("Place as many participants as possible")))
			.andExpect(content().string(Matchers.not(containsString("breaks these rules"))));

		// By hand: a mentor out of the group breaks a hard rule, shown as a warning; back
		// in, the warning goes
		var proposal = formations.overview(programme, coordinator).proposal().orElseThrow().result();
		var group = proposal.groups().getFirst();
		var mentor = group.mentors().getFirst();
		var participant = group.participants().getFirst();
		mvc.perform(post(base + "/move").with(csrf())
			.with(as(staff.coordinator()))
			.param("person", mentor.toString())
			.param("group", "none")).andExpect(redirectedUrl(base));
		mvc.perform(get(base).with(as(staff.coordinator())))
			.andExpect(content().string(containsString("This proposal breaks these rules after the changes by hand:")))
			.andExpect(content().string(containsString("<span>Group 1: Mentors per group</span>")));
		mvc.perform(post(base + "/move").with(csrf())
			.with(as(staff.coordinator()))
			.param("person", mentor.toString())
			.param("group", group.id().toString())).andExpect(redirectedUrl(base));
		mvc.perform(get(base).with(as(staff.coordinator())))
			.andExpect(content().string(Matchers.not(containsString("breaks these rules"))));
		mvc.perform(post(base + "/move").with(csrf())
			.with(as(staff.coordinator()))
			.param("person", UUID.randomUUID().toString())
			.param("group", group.id().toString())).andExpect(status().isNotFound());
		mvc.perform(post(base + "/move").with(csrf())
			.with(as(staff.coordinator()))
			.param("person", mentor.toString())
			.param("group", "not-a-group")).andExpect(status().isNotFound());

		// A pinned participant stays in their group through a new run
		mvc.perform(post(base + "/pin").with(csrf())
			.with(as(staff.coordinator()))
			.param("person", participant.toString())
			.param("pinned", "true")).andExpect(redirectedUrl(base));
		var before = formations.overview(programme, coordinator).proposal().orElseThrow().formedAt();
		mvc.perform(post(base + "/run").with(csrf()).with(as(staff.coordinator())).param("seconds", "5"))
			.andExpect(redirectedUrl(base));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> formations.overview(programme, coordinator).proposal().orElseThrow().formedAt().isAfter(before)
					&& formations.overview(programme, coordinator).running().isEmpty());
		var rerun = formations.overview(programme, coordinator).proposal().orElseThrow();
		assertThat(rerun.result().groups()).anySatisfy(g -> {
			assertThat(g.id()).isEqualTo(group.id());
			assertThat(g.participants()).contains(participant);
		});
		assertThat(rerun.isPinned(participant)).isTrue();

		// Publishing: refused while a hard rule is broken, then once; everyone is told,
		// each once
		var groupsBefore = formations.overview(programme, coordinator).proposal().orElseThrow().result().groups();
		int mentorsGroup = 1 + groupsBefore
			.indexOf(groupsBefore.stream().filter(g -> g.mentors().contains(mentor)).findFirst().orElseThrow());
		mvc.perform(post(base + "/move").with(csrf())
			.with(as(staff.coordinator()))
			.param("person", mentor.toString())
			.param("group", "none")).andExpect(redirectedUrl(base));
		// The refusal names the group that breaks the rule, not only the rule
		mvc.perform(post(base + "/publish").with(csrf()).with(as(staff.coordinator())))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("breaks a rule every group must keep")))
			.andExpect(content().string(containsString("Group " + mentorsGroup + ": ")));
		mvc.perform(post(base + "/publish").with(csrf()).with(as(staff.coordinator())).param("confirmed", "true"))
			.andExpect(status().isConflict());
		var current = formations.overview(programme, coordinator).proposal().orElseThrow().result();
		mvc.perform(post(base + "/move").with(csrf())
			.with(as(staff.coordinator()))
			.param("person", mentor.toString())
			.param("group", current.groups().getFirst().id().toString())).andExpect(redirectedUrl(base));
		// Publishing e-mails everyone: asked first, with how many will be told
		var toPublish = formations.overview(programme, coordinator).proposal().orElseThrow().result();
		long told = toPublish.groups().stream().mapToInt(g -> g.size()).sum()
				+ toPublish.unplaced().stream().filter(u -> u.role() == RecruitmentRole.PARTICIPANT).count();
		mvc.perform(post(base + "/publish").with(csrf()).with(as(staff.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(told + " people will be told by e-mail")))
			.andExpect(content().string(containsString("Publish and tell " + told + " people")));
		assertThat(publishedGroups.published(programme)).isFalse();
		mvc.perform(post(base + "/publish").with(csrf()).with(as(staff.coordinator())).param("confirmed", "true"))
			.andExpect(redirectedUrl(base));
		mvc.perform(post(base + "/publish").with(csrf()).with(as(staff.coordinator())).param("confirmed", "true"))
			.andExpect(status().isConflict());

		var members = formations.overview(programme, coordinator).proposal().orElseThrow().result().groups().getFirst();
		var mentorPerson = people.get(members.mentors().getFirst());
		var participantPerson = people.get(members.participants().getFirst());
		mvc.perform(get("/programmes/" + programme.value() + "/my-group").with(as(mentorPerson)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Every week: Tuesday 16:15–18:15")))
			.andExpect(content().string(containsString(name(participantPerson) + " (participant)")));
		mvc.perform(get("/programmes/" + programme.value() + "/my-group").with(as(participantPerson)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name(mentorPerson) + " (mentor)")))
			.andExpect(content().string(Matchers.not(containsString("(participant)"))));
		mvc.perform(get("/programmes/" + programme.value() + "/my-group").with(as(people.get(timeless))))
			.andExpect(status().isNotFound());
		Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.until(() -> mailbox.messages()
				.stream()
				.filter(m -> m.subject().startsWith("Your group in") || m.subject().startsWith("No group this time"))
				.filter(m -> people.values().stream().anyMatch(p -> p.email().equals(m.to())))
				.count() == 9);
		assertThat(mailbox.messages()).filteredOn(m -> m.to().equals(people.get(timeless).email()))
			.anySatisfy(m -> assertThat(m.subject()).startsWith("No group this time"));
		assertThat(mailbox.messages()).filteredOn(m -> m.to().equals(mentorPerson.email()))
			.anySatisfy(m -> assertThat(m.text()).contains("you lead group 1", "Tuesday 16:15", "in English"));
	}

	private static String name(TestData.Person person) {
		return person.email().substring(0, person.email().indexOf('-'));
	}

	/** Everyone signed up in this test, by account id. */
	private final Map<UUID, TestData.Person> people = new HashMap<>();

	private UUID signUp(ProgrammeId programme, RecruitmentRole role, String who,
			Map<String, Call.Availability> availability) {
		var person = data.person(who);
		people.put(person.id().value(), person);
		var details = new SignUpAnswers.Details(List.of(), availability, false, null, null, Map.of(), List.of());
		recruitment.signUp(recruitment.programme(programme), role, person.id(),
				new SignUpAnswers(EnumSet.of(Language.EN), SignUpAnswers.Delivery.REMOTE, null,
						role == RecruitmentRole.MENTOR ? "To help." : null, null, false, details));
		return person.id().value();
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
