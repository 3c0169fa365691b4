package app.kindred.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.core.Language;
import app.kindred.grouping.internal.FormationService;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountService;
import app.kindred.training.SessionKind;
import app.kindred.training.TrainingService;
import org.awaitility.Awaitility;

/**
 * Two mentors and two participants of one programme share a name, as people in real
 * cohorts do. Every page where staff pick or read a person tells them apart by e-mail
 * address; mentors and participants get nobody else's address.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NamesakesIntegrationTests {

	static final String MENTOR_NAME = "Mika Mäkelä";
	static final String PARTICIPANT_NAME = "Aada Aalto";

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestGroups testGroups;

	@Autowired
	AccountService accounts;

	@Autowired
	FormationService formations;

	@Autowired
	PublishedGroups publishedGroups;

	@Autowired
	TrainingService training;

	@Autowired
	UserDetailsService users;

	@Test
	void staffTellNamesakesApartOnEveryPageAndMembersGetNoOneElsesAddress() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true, testGroups.settings(LocalDate.now().plusDays(30), 6, 1));
		var cohort = testGroups.signUp(staff, programme, List.of(new TestGroups.Slot("TUE1615", null)));
		var people = List.copyOf(cohort.people().values()); // two mentors, then four
															// participants
		var mentors = people.subList(0, 2);
		var participants = people.subList(2, 4);
		for (var p : mentors) {
			accounts.updateProfile(p.id(), MENTOR_NAME, Language.EN, ZoneId.of("Europe/Helsinki"));
		}
		for (var p : participants) {
			accounts.updateProfile(p.id(), PARTICIPANT_NAME, Language.EN, ZoneId.of("Europe/Helsinki"));
		}
		var base = "/programmes/" + programme.value();
		var coordinator = staff.coordinator();

		// Applications: each row's answers and decision are labelled with the address
		var applications = page(base + "/applications?role=participant", coordinator);
		for (var p : participants) {
			var id = applications.select("input[name=reason]")
				.stream()
				.map(input -> input.id())
				.filter(inputId -> applications.selectFirst("label[for='" + inputId + "']").text().contains(p.email()))
				.toList();
			assertThat(id).as("the decision for %s names their address", p.email()).hasSize(1);
			assertThat(applications.select("summary").eachText())
				.contains("Answers of " + PARTICIPANT_NAME + " · " + p.email());
		}

		// Training: readiness and attendance list the mentors with their addresses
		var session = training.schedule(programme, SessionKind.TRAINING, data.now().plus(Duration.ofDays(3)), 210,
				"Room 1", null, coordinator.id());
		var readiness = page(base + "/training", coordinator);
		var roll = page(base + "/training/sessions/" + session.id(), coordinator);
		for (var m : mentors) {
			assertThat(readiness.select("tbody td:first-child").eachText()).contains(MENTOR_NAME + " " + m.email());
			assertThat(readiness.select("label").eachText())
				.contains("Decision for " + MENTOR_NAME + " · " + m.email());
			assertThat(roll.selectFirst("label[for='came-" + m.id().value() + "']").text())
				.isEqualTo(MENTOR_NAME + " · " + m.email());
		}

		// The proposal: every picker and the group's list tell them apart
		formations.start(programme, Duration.ofSeconds(2), coordinator.id());
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
			var overview = formations.overview(programme, coordinator.id());
			return overview.running().isEmpty() && overview.proposal().isPresent();
		});
		var proposal = page(base + "/groups", coordinator);
		for (var picker : List.of("move-person", "swap-person", "swap-other", "pin-person")) {
			assertDistinct(proposal, picker, mentors, MENTOR_NAME, "mentor");
			assertDistinct(proposal, picker, participants, PARTICIPANT_NAME, "participant");
		}
		assertThat(proposal.select("table .person").eachText()).contains(
				PARTICIPANT_NAME + " " + participants.get(0).email(),
				PARTICIPANT_NAME + " " + participants.get(1).email());

		// The published groups: taking out and moving
		publishedGroups.publish(programme, coordinator.id());
		var group = publishedGroups.groups(programme).getFirst();
		var published = page(base + "/groups", coordinator);
		for (var picker : List.of("remove-person", "move-published-person")) {
			assertDistinct(published, picker, mentors, MENTOR_NAME, "mentor");
			assertDistinct(published, picker, participants, PARTICIPANT_NAME, "participant");
		}
		assertThat(published.select("table .person").eachText()).contains(MENTOR_NAME + " " + mentors.get(0).email(),
				MENTOR_NAME + " " + mentors.get(1).email());

		// The workspace: staff read the addresses, the group's mentors do not
		var workspace = base + "/groups/" + group.id() + "/workspace";
		var staffView = page(workspace, coordinator).select("main").text();
		var mentorView = page(workspace, mentors.getFirst()).select("main").text();
		for (var p : participants) {
			assertThat(staffView).contains(p.email());
			assertThat(mentorView).doesNotContain(p.email());
		}
		assertThat(mentorView).doesNotContain(mentors.get(1).email());

		// The progress view, for coordinators only, lists everyone with their address
		assertThat(page(base + "/progress", coordinator).select("tbody th[scope=row]").eachText()).contains(
				PARTICIPANT_NAME + " " + participants.get(0).email(),
				PARTICIPANT_NAME + " " + participants.get(1).email());

		// Members' own pages: nobody else's address, for mentors or participants
		for (var who : List.of(mentors.getFirst(), participants.getFirst())) {
			for (var path : List.of("/my-group", "/my-meetings")) {
				var html = mvc.perform(get(base + path).with(as(who)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				for (var other : people) {
					if (!other.equals(who)) {
						assertThat(html).as("%s on %s", who.email(), path).doesNotContain(other.email());
					}
				}
			}
		}
	}

	/**
	 * The picker offers each namesake once, the labels differ, and each names the
	 * person's address and role.
	 */
	private static void assertDistinct(Document page, String picker, List<TestData.Person> namesakes, String name,
			String role) {
		var labels = namesakes.stream()
			.map(p -> page.selectFirst("#" + picker + " option[value='" + p.id().value() + "']").text())
			.toList();
		assertThat(labels).doesNotHaveDuplicates();
		for (int i = 0; i < namesakes.size(); i++) {
			assertThat(labels.get(i)).as(picker).startsWith(name + " · " + namesakes.get(i).email() + " (" + role);
		}
	}

	private Document page(String url, TestData.Person viewer) throws Exception {
		var html = mvc.perform(get(url).with(as(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
