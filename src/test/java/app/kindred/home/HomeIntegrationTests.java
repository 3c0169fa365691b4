package app.kindred.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.core.Language;
import app.kindred.identity.Accounts;
import app.kindred.meeting.internal.StaffAttentionService;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.SignUpAnswers;

/**
 * Every person's Home at three points of a term (the call open, the groups published,
 * after the third meeting): what each role is told, what comes next, what needs them, and
 * that every link on it opens for them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HomeIntegrationTests {

	private static final Pattern LINK = Pattern.compile("href=\"(/[^\"]*)\"");

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestGroups groups;

	@Autowired
	RecruitmentService recruitment;

	@Autowired
	CallService calls;

	@Autowired
	StaffAttentionService attention;

	@Autowired
	UserDetailsService users;

	@Autowired
	Accounts accounts;

	@Test
	void whileTheCallIsOpenApplicantsSeeWhereTheyStandAndCoordinatorsWhatWaitsForThem() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true,
				data.settings(1, data.now().minusSeconds(3600), EligibilityKind.NONE, null));
		calls.changeRules(programme, RecruitmentRole.MENTOR, new CallService.Rules(true, false, false, false),
				staff.coordinator().id());
		var seated = data.person("seated");
		var waiting = data.person("waiting");
		var mentor = data.person("mentor");
		signUp(programme, RecruitmentRole.PARTICIPANT, seated);
		signUp(programme, RecruitmentRole.PARTICIPANT, waiting);
		signUp(programme, RecruitmentRole.MENTOR, mentor);

		var seatedHome = home(seated);
		assertThat(seatedHome).contains("Test programme", "You are a participant", "Has a place", "Your sign-up")
			.doesNotContain("Waiting list", "What needs you");
		assertThat(home(waiting)).contains("Waiting list: place 1", "Change your answers",
				"/applications/participant/withdraw");
		assertThat(home(mentor)).contains("You are a mentor", "Awaiting approval", "Your mentor application");
		// The programme's page no longer invites them to sign up, in either role: it
		// leads to their application
		var page = mvc.perform(get("/programmes/" + programme.value()).with(as(waiting)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("You take part in this programme as a participant.", "See your sign-up")
			.doesNotContain("/sign-up/mentor", "/sign-up/participant");
		assertThat(mvc.perform(get("/programmes/" + programme.value()).with(as(data.person("newcomer"))))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("/sign-up/mentor", "/sign-up/participant");

		var coordinatorHome = home(staff.coordinator());
		assertThat(coordinatorHome).contains("You coordinate", "Now: the call is open", "What needs you",
				"Approve or decline one mentor application", "1 of 1", "The programme&#39;s pages");
		assertThat(coordinatorHome).doesNotContain("Now: forming groups");
		// The waiting list moves by itself, and Home shows it at once
		recruitment.withdraw(programme, RecruitmentRole.PARTICIPANT, seated.id());
		assertThat(home(waiting)).contains("Has a place").doesNotContain("Waiting list");
		assertThat(home(seated)).doesNotContain("Test programme");

		for (var person : List.of(waiting, mentor, staff.coordinator(), staff.teacher(), staff.admin())) {
			everyLinkOpens(person);
		}
	}

	@Test
	void onceGroupsArePublishedMembersFindTheirGroupAndFirstMeeting() throws Exception {
		var staff = data.staff();
		var termStart = LocalDate.now(TestGroups.HELSINKI).plusWeeks(2);
		var programme = data.programme(staff, true, groups.settings(termStart, 6, 1));
		groups.signUp(staff, programme, List.of(new TestGroups.Slot("TUE1615", TestGroups.CAMPUS)));
		var coordinatorBefore = home(staff.coordinator());
		assertThat(coordinatorBefore).contains("The groups have not been formed yet.")
			.doesNotContain("Now: group meetings");
		var group = groups.publish(staff, programme).getFirst();
		var participant = group.members()
			.stream()
			.filter(m -> m.role() == RecruitmentRole.PARTICIPANT)
			.findFirst()
			.orElseThrow();
		var person = new TestData.Person(participant.person(),
				accounts.find(participant.person()).orElseThrow().email());
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> home(person).contains("Next: meeting 1"));
		assertThat(home(person)).contains("Group " + group.number(), "Where: " + TestGroups.CAMPUS,
				"0 of 6 meetings held", "Has a place");
		assertThat(home(staff.coordinator())).contains("Now: group meetings", "One group is published",
				"0 of 6 meetings held in one group");
		everyLinkOpens(person);
	}

	@Test
	void afterTheThirdMeetingMembersSeeTheirNextMeetingAndCoordinatorsWhatIsMissing() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var mentor = term.mentor(term.first(), 0);
		var participant = term.participants(term.second()).getFirst();
		attention.raise(term.programme(), term.first().id(), "We would like to talk.", mentor.id());

		assertThat(home(participant))
			.contains("You are a participant", "Group " + term.second().number(), "Next: meeting 4",
					"Where: " + TestGroups.CAMPUS, "3 of 6 meetings held", "Your group&#39;s meetings")
			.doesNotContain("workspace", "Join by video");
		assertThat(home(mentor)).contains("You are a mentor", "Next: meeting 4", "Join by video",
				"3 of 6 meetings held", "Your group&#39;s workspace", "The plan of meeting 4",
				"You have asked the coordinators", "Your trainings and supervision", "You are ready to lead a group.");
		assertThat(home(term.mentor(term.second(), 0))).doesNotContain("You have asked the coordinators");

		var coordinatorHome = home(term.staff().coordinator());
		assertThat(coordinatorHome)
			.contains("Now: group meetings", "6 of 12 meetings held in 2 groups",
					"Group " + term.first().number() + " asks for your attention",
					// Meetings 1 and 2 are over a week old and nobody took attendance;
					// meeting 3 was
					// yesterday
					"Group " + term.first().number() + ": attendance of meeting 1 is missing a week after",
					"Group " + term.second().number() + ": attendance of meeting 2 is missing a week after")
			.doesNotContain("attendance of meeting 3", "Publish the groups");

		for (var person : List.of(participant, mentor, term.staff().coordinator())) {
			everyLinkOpens(person);
		}
	}

	@Test
	void homeSpeaksThePersonsLanguage() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var participant = term.participants(term.first()).getFirst();
		var finnish = mvc.perform(get("/").param("lang", "fi").with(as(participant)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(finnish).contains("Etusivu", "Olet osallistuja", "Seuraavaksi: tapaaminen 4");
		var swedish = mvc.perform(get("/").param("lang", "sv").with(as(participant)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(swedish).contains("Hem", "Du är deltagare", "Nästa: träff 4");
	}

	@Test
	void someoneInNoProgrammeIsShownWhereToFindOneAndTheMenuHoldsWhatTheyNeed() throws Exception {
		var student = data.person("student");
		var page = home(student);
		assertThat(page).contains("You are not part of any programme yet.", "Find a programme to take part in",
				"href=\"/calendar\"", "href=\"/programmes\"", "href=\"/account\"");
		var staff = data.staff();
		data.programme(staff, true);
		assertThat(home(staff.teacher())).contains("href=\"/organisations\"", "You teach", "Status");
		assertThat(home(staff.admin())).contains("Your organisations", "You administer",
				"No staff invitations are waiting for an answer");
		everyLinkOpens(student);
	}

	@Test
	void theFrontPageIsTheListOfOpenProgrammesForAnyoneSignedOut() throws Exception {
		mvc.perform(get("/")).andExpect(status().isOk()).andExpect(forwardedUrl("/programmes"));
		mvc.perform(get("/programmes")).andExpect(status().isOk());
	}

	private String home(TestData.Person person) throws Exception {
		var page = mvc.perform(get("/").with(as(person)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return page;
	}

	/**
	 * Every page Home links to opens for its person: no dead end, nothing they may not
	 * see.
	 */
	private void everyLinkOpens(TestData.Person person) throws Exception {
		var links = new ArrayList<String>();
		var matcher = LINK.matcher(home(person));
		while (matcher.find()) {
			links.add(HtmlUtils.htmlUnescape(matcher.group(1)));
		}
		assertThat(links).isNotEmpty();
		for (var link : links) {
			if (link.startsWith("/css/") || link.startsWith("/js/") || link.startsWith("/img/")
					|| link.startsWith("/webjars/") || link.contains("lang=")) {
				continue;
			}
			var status = mvc.perform(get(link).with(as(person))).andReturn().getResponse().getStatus();
			assertThat(status).as(person.email() + " opens " + link).isEqualTo(200);
		}
	}

	private void signUp(ProgrammeId programme, RecruitmentRole role, TestData.Person person) {
		recruitment.signUp(recruitment.programme(programme), role, person.id(),
				new SignUpAnswers(EnumSet.of(Language.EN), SignUpAnswers.Delivery.REMOTE, null,
						role == RecruitmentRole.MENTOR ? "To help." : null, null, false,
						new SignUpAnswers.Details(List.of(), Map.of(), false, null, null, Map.of(), List.of())));
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
