package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.core.Language;
import app.kindred.identity.Accounts;
import app.kindred.meeting.internal.MeetingService;
import app.kindred.meeting.internal.StaffAttentionService;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.SignUpAnswers;

/**
 * A journey per role from the sign-in form to Home and from Home to every page it links
 * to, by clicking as a person would (never typing an address): every page is checked with
 * axe at a desktop's width and at a phone's, where it must fit without sideways
 * scrolling. Home's "what comes next" is checked at three points of a term: the call
 * open, the groups published, and after the third meeting.
 */
class HomeBrowserTests extends BrowserTestBase {

	/** The titles of the error pages: a link from Home must never lead to one. */
	private static final List<String> ERROR_TITLES = List.of("Page not found", "Not allowed", "Something went wrong",
			"That did not work");

	@Autowired
	TestGroups groups;

	@Autowired
	RecruitmentService recruitment;

	@Autowired
	CallService calls;

	@Autowired
	StaffAttentionService attention;

	@Autowired
	Accounts accounts;

	@Autowired
	MeetingService meetings;

	// The call open

	@Test
	void anApplicantOnTheWaitingListSeesTheirPlaceAndReachesTheirApplication() {
		var call = callOpen();
		signInToHome(call.waiting());
		assertThat(main())
			.contains("Test programme", "You are a participant", "Waiting list: place 1", "Your sign-up",
					"Change your answers")
			.doesNotContain("What needs you");
		everyPageFromHome();
	}

	@Test
	void aCoordinatorWhileTheCallIsOpenSeesTheApprovalsWaiting() {
		var call = callOpen();
		signInToHome(call.staff().coordinator());
		assertThat(main())
			.contains("What needs you", "Approve or decline one mentor application", "You coordinate",
					"Now: the call is open")
			.doesNotContain("Now: forming groups");
		// What needs them comes first, before the programme's card
		assertThat(browser.texts("main h2").getFirst()).isEqualTo("What needs you");
		everyPageFromHome();
	}

	@Test
	void aTeacherSeesTheirProgrammesAndReachesThem() {
		var call = callOpen();
		signInToHome(call.staff().teacher());
		assertThat(main()).contains("Test programme", "You teach", "Status");
		everyPageFromHome();
	}

	@Test
	void anOrganisationAdminSeesTheirOrganisationAndItsInvitations() {
		var call = callOpen();
		signInToHome(call.staff().admin());
		assertThat(main()).contains("Your organisations", "You administer",
				"No staff invitations are waiting for an answer");
		everyPageFromHome();
	}

	// The groups published

	@Test
	void aParticipantOnceGroupsArePublishedFindsTheirGroupAndFirstMeetingInEveryLanguage() {
		var staff = data.staff();
		var programme = data.programme(staff, true,
				groups.settings(LocalDate.now(TestGroups.HELSINKI).plusWeeks(2), 6, 1));
		groups.signUp(staff, programme, List.of(new TestGroups.Slot("TUE1615", TestGroups.CAMPUS)));
		var group = groups.publish(staff, programme).getFirst();
		var member = group.members()
			.stream()
			.filter(m -> m.role() == RecruitmentRole.PARTICIPANT)
			.findFirst()
			.orElseThrow();
		var participant = new TestData.Person(member.person(), accounts.find(member.person()).orElseThrow().email());
		// The meetings are planned once the groups' publication reaches them
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> meetings.overview(programme, staff.coordinator().id())
				.groups()
				.getFirst()
				.meetings()
				.size() == 6);

		signInToHome(participant);
		assertThat(main())
			.contains("You are a participant", "Has a place", "Group " + group.number(), "Next: meeting 1",
					"Where: " + TestGroups.CAMPUS, "0 of 6 meetings held", "Your group's meetings")
			.doesNotContain("workspace", "Waiting list");
		everyPageFromHome();
		keyboardFollowsTheReadingOrder();

		// On a phone, in Finnish and then in Swedish, chosen in the header
		browser.viewport(Browser.PHONE_WIDTH, Browser.PHONE_HEIGHT);
		try {
			switchLanguage("Suomi", "fi");
			assertThat(browser.heading()).isEqualTo("Etusivu");
			assertThat(main()).contains("Olet osallistuja", "Ryhmä " + group.number(), "Seuraavaksi: tapaaminen 1");
			browser.checkNoSidewaysScroll();
			switchLanguage("Svenska", "sv");
			assertThat(browser.heading()).isEqualTo("Hem");
			assertThat(main()).contains("Du är deltagare", "Grupp " + group.number(), "Nästa: träff 1");
			browser.checkNoSidewaysScroll();
		}
		finally {
			browser.viewport(Browser.DESKTOP_WIDTH, Browser.DESKTOP_HEIGHT);
		}
	}

	// After the third meeting

	@Test
	void afterTheThirdMeetingTheMentorSeesMeetingFourAndTheCoordinatorTheMissingAttendance() {
		var term = groups.threeMeetingsHeld(false);
		var mentor = term.mentor(term.first(), 0);
		attention.raise(term.programme(), term.first().id(), "We would like to talk.", mentor.id());

		signInToHome(mentor);
		assertThat(main()).contains("You are a mentor", "Next: meeting 4", "3 of 6 meetings held",
				"You have asked the coordinators", "You are ready to lead a group.", "Your trainings and supervision",
				"Your group's workspace");
		// The remote group's video link leads out of Kindred, so it is checked, not
		// followed
		assertThat(browser.byText("Join by video").getDomAttribute("href")).isEqualTo(TestGroups.VIDEO_LINK);
		var pages = everyPageFromHome();
		assertThat(pages).contains(BASE_URL + term.workspace(term.first()));
		keyboardFollowsTheReadingOrder();
		browser.click("Sign out");

		signInToHome(term.staff().coordinator());
		assertThat(main())
			.contains("What needs you", "Now: group meetings", "6 of 12 meetings held in 2 groups",
					"Group " + term.first().number() + " asks for your attention",
					"Group " + term.first().number() + ": attendance of meeting 1 is missing a week after",
					"Group " + term.second().number() + ": attendance of meeting 2 is missing a week after")
			.doesNotContain("attendance of meeting 3", "Publish the groups");
		everyPageFromHome();
		keyboardFollowsTheReadingOrder();
	}

	// Steps

	private record CallOpen(TestData.Staff staff, ProgrammeId programme, TestData.Person seated,
			TestData.Person waiting, TestData.Person mentor) {
	}

	/**
	 * A programme whose call is open, with one participant's seat taken, one participant
	 * waiting for it, and one mentor whose application waits for approval.
	 */
	private CallOpen callOpen() {
		var staff = data.staff();
		var programme = data.programme(staff, true,
				data.settings(1, data.now().minusSeconds(3600), EligibilityKind.NONE, null));
		calls.changeRules(programme, RecruitmentRole.MENTOR, new CallService.Rules(true, false, false, false),
				staff.coordinator().id());
		var call = new CallOpen(staff, programme, data.person("seated"), data.person("waiting"), data.person("mentor"));
		signUp(programme, RecruitmentRole.PARTICIPANT, call.seated());
		signUp(programme, RecruitmentRole.PARTICIPANT, call.waiting());
		signUp(programme, RecruitmentRole.MENTOR, call.mentor());
		return call;
	}

	private void signUp(ProgrammeId programme, RecruitmentRole role, TestData.Person person) {
		recruitment.signUp(recruitment.programme(programme), role, person.id(),
				new SignUpAnswers(EnumSet.of(Language.EN), SignUpAnswers.Delivery.REMOTE, null,
						role == RecruitmentRole.MENTOR ? "To help." : null, null, false,
						new SignUpAnswers.Details(List.of(), Map.of(), false, null, null, Map.of(), List.of())));
	}

	/**
	 * Signs in through the form and checks that it lands on Home, which passes axe at a
	 * desktop's and a phone's width.
	 */
	private void signInToHome(TestData.Person person) {
		signIn(person.email(), TestData.PASSWORD);
		assertThat(browser.url()).isEqualTo(BASE_URL + "/");
		assertThat(browser.heading()).isEqualTo("Home");
		browser.checkAtDesktopAndPhone();
	}

	private String main() {
		return browser.text("main");
	}

	/**
	 * Follows every link in Home's main content in turn, checks the page it opens (not an
	 * error, not the sign-in form, axe at both widths) and goes back. Links out of
	 * Kindred (a video room) are not followed. Returns the addresses reached.
	 */
	private Set<String> everyPageFromHome() {
		var home = browser.url();
		var count = links().size();
		assertThat(count).as("links on Home").isPositive();
		var reached = new LinkedHashSet<String>();
		for (int i = 0; i < count; i++) {
			var link = links().get(i);
			var href = link.getDomProperty("href");
			if (!href.startsWith(BASE_URL + "/")) {
				continue;
			}
			var text = link.getText().strip();
			browser.andWaitForNewPage(link::click);
			assertThat(browser.url()).as("'%s' on Home", text).isEqualTo(href);
			assertThat(browser.driver().getTitle()).as("the page '%s' on Home opens", text)
				.isNotIn(ERROR_TITLES)
				.isNotEqualTo("Sign in");
			browser.checkAtDesktopAndPhone();
			reached.add(href);
			browser.andWaitForNewPage(() -> browser.driver().navigate().back());
			assertThat(browser.url()).isEqualTo(home);
		}
		return reached;
	}

	/**
	 * What Tab stops at in the main content: its links, buttons, fields and scrolling
	 * regions.
	 */
	/** What Tab stops at; a form's hidden field (its CSRF token) is no stop. */
	private static final String FOCUSABLE = String.join(", ", "main a[href]", "main button",
			"main input:not([type='hidden'])", "main select", "main textarea", "main [tabindex='0']");

	private List<WebElement> links() {
		return browser.driver().findElements(By.cssSelector("main a[href]"));
	}

	/**
	 * At a phone's width, Tab from the top of Home reaches the links (and other stops) of
	 * its main content in the order they are read, top to bottom, each visible and
	 * outlined when it has the focus.
	 */
	private void keyboardFollowsTheReadingOrder() {
		browser.viewport(Browser.PHONE_WIDTH, Browser.PHONE_HEIGHT);
		try {
			// From the top of a fresh page
			browser.andWaitForNewPage(() -> browser.driver().navigate().refresh());
			var expected = new ArrayList<WebElement>(browser.driver().findElements(By.cssSelector(FOCUSABLE)));
			// Past the skip link and the header to the first stop in the main content
			int presses = 0;
			while (!expected.getFirst().equals(browser.focused()) && presses++ < 40) {
				browser.press(Keys.TAB);
			}
			assertThat(browser.focused()).as("the first stop in Home's main content, by keyboard")
				.isEqualTo(expected.getFirst());
			double previousTop = Double.NEGATIVE_INFINITY;
			for (var link : expected) {
				var focused = browser.focused();
				assertThat(focused).as("Tab reaches '%s' in the reading order", link.getText()).isEqualTo(link);
				var box = (Map<?, ?>) browser.js(
						"var r = arguments[0].getBoundingClientRect();"
								+ " return {top: r.top + window.scrollY, bottom: r.bottom, height: window.innerHeight,"
								+ " scrollY: window.scrollY, outline: getComputedStyle(arguments[0]).outlineStyle}",
						focused);
				var top = ((Number) box.get("top")).doubleValue();
				assertThat(top).as("'%s' is not above the link before it", link.getText())
					.isGreaterThanOrEqualTo(previousTop - 1);
				previousTop = top;
				// In view, at least in part (a region taller than what is left of the
				// screen is not scrolled further)
				var bottom = ((Number) box.get("bottom")).doubleValue();
				var viewTop = ((Number) box.get("top")).doubleValue() - ((Number) box.get("scrollY")).doubleValue();
				assertThat(bottom).as("'%s' scrolled into view with the focus", link.getText()).isPositive();
				assertThat(viewTop).as("'%s' scrolled into view with the focus", link.getText())
					.isLessThan(((Number) box.get("height")).doubleValue());
				assertThat(box.get("outline")).as("'%s' shows the focus", link.getText()).isNotEqualTo("none");
				browser.press(Keys.TAB);
			}
		}
		finally {
			browser.viewport(Browser.DESKTOP_WIDTH, Browser.DESKTOP_HEIGHT);
		}
	}

}
