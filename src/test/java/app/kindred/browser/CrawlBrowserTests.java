package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.meeting.internal.MeetingService;
import app.kindred.programme.ProgrammeId;
import app.kindred.training.SessionKind;
import app.kindred.training.TrainingService;

/**
 * Every page each kind of person can reach by following links from {@code /}, checked as
 * served by the W3C HTML checker (no errors), with axe at desktop width and at a phone's
 * 390 px, and for sideways scrolling at 390 px. The crawl follows every same-origin link
 * it finds, so pages added later (Home, new modules) are checked without changing this
 * test.
 *
 * <p>
 * The people are those of the demo, built with the tests' own helpers: an organisation
 * with an admin, a coordinator and a teacher, a programme whose groups are published with
 * a mentor and a participant in them, a draft programme, and a stranger.
 */
class CrawlBrowserTests extends BrowserTestBase {

	/**
	 * Pages checked per kind of address (path with its ids replaced, and the names of its
	 * query parameters): one of each, not every one of 60 applications. The pages a
	 * person is sent to come first, so the one checked is of the programme with groups.
	 */
	static final int PER_KIND = 1;

	/**
	 * A bound, so that a link that makes new addresses without end cannot hang the test.
	 */
	static final int MAX_PAGES = 120;

	/** Numbers and UUIDs in a path, which name one thing of a kind. */
	private static final Pattern ID = Pattern.compile(
			"^(\\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z0-9_-]{20,})$");

	/**
	 * Where a link leads to something that is not a page, or away from the person's
	 * pages.
	 */
	private static final List<String> SKIPPED = List.of("/sign-out", "/logout", "/dev/", "/api/", "/api-docs",
			"/swagger", "/v3/", "/actuator", "/calendar/feed/", "/webjars/", "/h2-console");

	private static final List<String> DOWNLOADS = List.of(".ics", ".csv", ".pdf", ".json", ".xml", ".png", ".svg",
			".ico", ".css", ".js", ".txt");

	/**
	 * Where the mails lead a group's members, in the programme of the test's groups,
	 * crawled from too: pages that only a mail links to are checked as well.
	 */
	static final String[] PARTICIPANT_PAGES = { "/my-group", "/my-meetings" };

	static final String[] MENTOR_PAGES = { "/my-group", "/my-meetings", "/my-training" };

	static People people;

	@Autowired
	TestGroups testGroups;

	@Autowired
	MeetingService meetings;

	@Autowired
	TrainingService training;

	record People(ProgrammeId programme, TestData.Person admin, TestData.Person coordinator, TestData.Person teacher,
			TestData.Person mentor, TestData.Person participant) {
	}

	@BeforeEach
	void people() {
		if (people != null) {
			return;
		}
		var staff = data.staff();
		// Run as a credit course that its mentors take for credits, so that the course's
		// pages and the teachers' assessment are crawled too
		var programme = data.programme(staff, true, testGroups.creditSettings(LocalDate.now().plusDays(7), 6, 1));
		var cohort = testGroups.signUp(staff, programme,
				List.of(new TestGroups.Slot("TUE1615", TestGroups.CAMPUS), new TestGroups.Slot("THU1015", null)), true);
		var group = testGroups.publish(staff, programme).getFirst();
		// Meetings are planned after publishing, by a listener: wait for them, so their
		// pages are there to reach
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> meetings.overview(programme, staff.coordinator().id())
				.groups()
				.stream()
				.allMatch(g -> g.meetings().size() == 6));
		var mentor = cohort.person(group.mentors().getFirst());
		var participant = cohort.person(group.members()
			.stream()
			.filter(m -> !group.mentors().contains(m.person()))
			.findFirst()
			.orElseThrow()
			.person());
		// A draft, and a programme whose call is open with nobody in it yet
		data.programme(staff, false);
		data.programme(staff, true);
		// A training session ahead, so that its pages are there too
		training.schedule(programme, SessionKind.TRAINING, data.now().plus(Duration.ofDays(3)), 120, "Room 1", null,
				staff.coordinator().id());
		people = new People(programme, staff.admin(), staff.coordinator(), staff.teacher(), mentor, participant);
	}

	@Test
	void aStrangersPages() {
		crawl("a stranger", null, null, true);
	}

	@Test
	void anOrganisationAdminsPages() {
		crawl("an organisation admin", people.admin(), null, true, "/manage");
	}

	@Test
	void aCoordinatorsPages() {
		crawl("a coordinator", people.coordinator(), null, true, "/manage");
	}

	@Test
	void aTeachersPages() {
		crawl("a teacher", people.teacher(), null, true, "/manage");
	}

	@Test
	void aMentorsPages() {
		crawl("a mentor", people.mentor(), null, true, MENTOR_PAGES);
	}

	@Test
	void aParticipantsPages() {
		crawl("a participant", people.participant(), null, true, PARTICIPANT_PAGES);
	}

	/**
	 * In Finnish and Swedish, whose words are longer, at a phone's width, where long
	 * words overflow first.
	 */
	@Test
	void inFinnishAndSwedishOnAPhone() {
		for (var language : List.of("fi", "sv")) {
			crawl("a stranger", null, language, false);
			crawl("a coordinator", people.coordinator(), language, false, "/manage");
			crawl("a mentor", people.mentor(), language, false, MENTOR_PAGES);
			crawl("a participant", people.participant(), language, false, PARTICIPANT_PAGES);
		}
	}

	/**
	 * Signs in (unless a stranger), follows every link from {@code /} and these pages of
	 * the test's programme breadth first, and checks each page reached: the HTML, axe at
	 * a phone's width and, if asked, at the desktop's, and sideways scrolling on the
	 * phone. Fails once at the end with every problem on every page, so one run shows all
	 * there is to fix.
	 */
	private void crawl(String who, TestData.Person person, String language, boolean desktop, String... programmePages) {
		browser.reset();
		if (person != null) {
			signIn(person.email(), TestData.PASSWORD);
		}
		if (language != null) {
			browser.open("/?lang=" + language);
			assertThat(browser.lang()).isEqualTo(language);
		}
		// The pages of the test's programme first, so that each kind of page checked is
		// of
		// the programme that has everything
		var queue = new ArrayDeque<String>();
		var perKind = new HashMap<String, Integer>();
		for (var page : programmePages) {
			queue.add(BASE_URL + "/programmes/" + people.programme().value() + page);
			perKind.merge(kind(queue.getLast()), 1, Integer::sum);
		}
		queue.add(BASE_URL + "/");
		var queued = new LinkedHashSet<String>(queue);
		var visited = new LinkedHashSet<String>();
		var problems = new ArrayList<String>();
		var kinds = new TreeSet<String>();
		while (!queue.isEmpty() && visited.size() < MAX_PAGES) {
			var address = queue.poll();
			browser.open(address);
			var at = withoutFragment(browser.url());
			if (!at.startsWith(BASE_URL) || !visited.add(at)) {
				continue;
			}
			kinds.add(kind(at));
			check(at, desktop, problems);
			for (var link : links()) {
				if (queued.contains(link) || !followed(link)) {
					continue;
				}
				queued.add(link);
				if (perKind.merge(kind(link), 1, Integer::sum) <= PER_KIND) {
					queue.add(link);
				}
			}
		}
		if (language != null) {
			// The language stays with the account: back to English for the next test
			browser.open("/?lang=en");
		}
		System.out.printf("Crawl as %s%s: %d pages of %d kinds%n  %s%n", who,
				language == null ? "" : " (" + language + ")", visited.size(), kinds.size(),
				String.join("\n  ", kinds));
		assertThat(visited).as("pages reached as %s", who).hasSizeGreaterThan(1);
		assertThat(problems)
			.as("problems found as %s%s on %d pages", who, language == null ? "" : " in " + language, visited.size())
			.isEmpty();
	}

	private void check(String at, boolean desktop, List<String> problems) {
		var served = browser.served();
		if (!String.valueOf(served.get("type")).startsWith("text/html")) {
			return;
		}
		if (!Long.valueOf(200).equals(served.get("status"))) {
			problems.add("status " + served.get("status") + " at " + at);
			return;
		}
		attempt(problems, browser::checkHtml);
		if (desktop) {
			attempt(problems, browser::checkAccessibility);
		}
		attempt(problems, browser::checkPhone);
	}

	private static void attempt(List<String> problems, Runnable check) {
		try {
			check.run();
		}
		catch (AssertionError e) {
			problems.add(e.getMessage());
		}
	}

	/** Every link on the page, as absolute addresses without their fragments. */
	@SuppressWarnings("unchecked")
	private List<String> links() {
		var hrefs = (List<String>) browser
			.js("return [...document.querySelectorAll('a[href]:not([download])')].map(a => a.href)");
		return hrefs.stream().map(CrawlBrowserTests::withoutFragment).distinct().toList();
	}

	private static boolean followed(String link) {
		if (!link.startsWith(BASE_URL + "/")) {
			return false;
		}
		var uri = URI.create(link);
		var path = uri.getPath();
		var query = uri.getQuery() == null ? "" : uri.getQuery();
		return SKIPPED.stream().noneMatch(path::contains) && DOWNLOADS.stream().noneMatch(path::endsWith)
				&& !query.contains("lang=");
	}

	/**
	 * The kind of page an address is: its path with every id replaced, and its query's
	 * parameter names.
	 */
	static String kind(String address) {
		var uri = URI.create(address);
		var kind = new StringBuilder();
		for (var segment : uri.getPath().split("/")) {
			if (!segment.isEmpty()) {
				kind.append('/').append(ID.matcher(segment).matches() ? "{id}" : segment);
			}
		}
		if (kind.isEmpty()) {
			kind.append('/');
		}
		if (uri.getQuery() != null) {
			var names = new TreeSet<String>();
			for (var parameter : uri.getQuery().split("&")) {
				names.add(parameter.split("=", 2)[0]);
			}
			kind.append('?').append(String.join("&", names));
		}
		return kind.toString();
	}

	private static String withoutFragment(String address) {
		int hash = address.indexOf('#');
		return hash < 0 ? address : address.substring(0, hash);
	}

}
