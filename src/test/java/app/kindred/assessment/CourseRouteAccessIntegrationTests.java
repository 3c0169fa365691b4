package app.kindred.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestData.Person;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.assessment.internal.Course;
import app.kindred.assessment.internal.CourseSettingsService;
import app.kindred.assessment.internal.Courses;
import app.kindred.assessment.internal.DiaryService;
import app.kindred.assessment.internal.Objective;
import app.kindred.assessment.internal.ObjectiveService;
import app.kindred.assessment.internal.ReadingListService;
import app.kindred.assessment.internal.WorkloadPart;
import app.kindred.assessment.internal.WorkloadService;
import app.kindred.programme.ProgrammeId;

/**
 * Walks every route of the course ({@code /programmes/{id}/course/**} and
 * {@code /programmes/{id}/assessment/**}) as everyone who could try it, on a credit
 * course where the mentor has written real things: a private and a shared diary entry,
 * logged hours and objectives, so that the ids in the URLs are real. A mentor's own pages
 * are hers alone (the others who take the course see their own page where the URL names
 * nobody, and never her data); the teacher pages are the organisation's teachers' (other
 * staff 403, a teacher of another organisation 404 like anyone else); the course settings
 * are the coordinators' and teachers' (the organisation's admin 403). A course route the
 * table does not name fails the test, so nobody adds one without deciding who may open
 * it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CourseRouteAccessIntegrationTests {

	enum Who {

		ANONYMOUS, STRANGER,
		/** The credit-seeking mentor whose data the URLs name. */
		THE_MENTOR,
		/** Her co-mentor, also taking the course for credits. */
		CO_MENTOR, OTHER_GROUP_MENTOR, PARTICIPANT,
		/** A mentor of the course who did not take it for credits. */
		NON_CREDIT_MENTOR, TEACHER,
		/** A teacher of another organisation. */
		OTHER_ORG_TEACHER, COORDINATOR, ORG_ADMIN

	}

	/** What a request answers: allowed (2xx or a redirect within the app), or refused. */
	enum Outcome {

		OK, SIGN_IN, FORBIDDEN, NOT_FOUND,
		/**
		 * Allowed in, but the (deliberately empty) input was refused: 400, 409 or 422.
		 */
		REFUSED_INPUT

	}

	record Route(HttpMethod method, String pattern, Function<Fixture, String> url, Map<Who, Outcome> expected) {
	}

	/**
	 * The course and its people, made once, with what each role's walk may change made
	 * afresh for it: a workload entry to delete and a reading item to remove.
	 */
	record Fixture(ProgrammeId programme, Map<Who, Person> people, UUID privateEntry, UUID sharedEntry,
			UUID workloadEntry, UUID readingItem) {

		String course() {
			return "/programmes/" + programme.value() + "/course";
		}

		String assessment() {
			return "/programmes/" + programme.value() + "/assessment";
		}

		UUID id(Who who) {
			return people.get(who).id().value();
		}

	}

	/** Texts only some may ever see, wherever they look. */
	static final String PRIVATE_TEXT = "Privatemarker diary text only she reads";

	static final String SHARED_TEXT = "Sharedmarker diary text her teachers read";

	static final String WORKLOAD_NOTE = "Workloadmarker note of her hours";

	static final List<Route> ROUTES = List.of(
			// The mentor's own pages, where the URL names nobody: everyone taking the
			// course for credits has their own; a mentor without credits has no course
			// here (no part offers her anything), nobody else either
			get("/programmes/{id}/course", f -> f.course(), own(Outcome.OK)),
			get("/programmes/{id}/course/objectives", f -> f.course() + "/objectives", own(Outcome.OK)),
			post("/programmes/{id}/course/objectives", f -> f.course() + "/objectives", own(Outcome.REFUSED_INPUT)),
			get("/programmes/{id}/course/self-evaluation", f -> f.course() + "/self-evaluation", own(Outcome.OK)),
			// Hers: the empty form is refused at its fields; the others': their
			// objectives are missing (409)
			post("/programmes/{id}/course/self-evaluation", f -> f.course() + "/self-evaluation",
					own(Outcome.REFUSED_INPUT)),
			get("/programmes/{id}/course/diary", f -> f.course() + "/diary", own(Outcome.OK)),
			get("/programmes/{id}/course/diary/new", f -> f.course() + "/diary/new", own(Outcome.OK)),
			post("/programmes/{id}/course/diary/new", f -> f.course() + "/diary/new", own(Outcome.REFUSED_INPUT)),
			// Unconfirmed, handing in only asks first (the confirmation page)
			post("/programmes/{id}/course/diary/submit", f -> f.course() + "/diary/submit", own(Outcome.OK)),
			get("/programmes/{id}/course/diary.pdf", f -> f.course() + "/diary.pdf", own(Outcome.OK)),
			get("/programmes/{id}/course/workload", f -> f.course() + "/workload", own(Outcome.OK)),
			post("/programmes/{id}/course/workload", f -> f.course() + "/workload", own(Outcome.REFUSED_INPUT)),
			get("/programmes/{id}/course/reading", f -> f.course() + "/reading", own(Outcome.OK)),
			// Reading items are the course's: each student marks them read for herself
			post("/programmes/{id}/course/reading", f -> f.course() + "/reading?item=" + f.readingItem(),
					own(Outcome.OK)),
			post("/programmes/{id}/course/reading", f -> f.course() + "/reading", own(Outcome.NOT_FOUND)),
			get("/programmes/{id}/course/peer", f -> f.course() + "/peer", own(Outcome.OK)),
			get("/programmes/{id}/course/result", f -> f.course() + "/result", own(Outcome.OK)),
			// The mentor's data, named in the URL: hers alone
			get("/programmes/{id}/course/diary/{entry}", f -> f.course() + "/diary/" + f.privateEntry(),
					hers(Outcome.OK)),
			get("/programmes/{id}/course/diary/{entry}", f -> f.course() + "/diary/" + f.sharedEntry(),
					hers(Outcome.OK)),
			post("/programmes/{id}/course/diary/{entry}", f -> f.course() + "/diary/" + f.privateEntry(),
					hers(Outcome.REFUSED_INPUT)),
			post("/programmes/{id}/course/diary/{entry}", f -> f.course() + "/diary/" + f.sharedEntry(),
					hers(Outcome.REFUSED_INPUT)),
			// Unconfirmed, sharing only asks first
			post("/programmes/{id}/course/diary/{entry}/share",
					f -> f.course() + "/diary/" + f.privateEntry() + "/share", hers(Outcome.OK)),
			post("/programmes/{id}/course/workload/{entry}/delete",
					f -> f.course() + "/workload/" + f.workloadEntry() + "/delete", hers(Outcome.OK)),
			// Her co-mentor named: only she evaluates her (the co-mentor herself is not
			// her own co-mentor)
			get("/programmes/{id}/course/peer/{coMentor}", f -> f.course() + "/peer/" + f.id(Who.CO_MENTOR),
					hers(Outcome.OK)),
			post("/programmes/{id}/course/peer/{coMentor}", f -> f.course() + "/peer/" + f.id(Who.CO_MENTOR),
					hers(Outcome.REFUSED_INPUT)),
			// The course settings: the programme's coordinators and teachers
			get("/programmes/{id}/course/settings", f -> f.course() + "/settings", settings(Outcome.OK)),
			post("/programmes/{id}/course/settings", f -> f.course() + "/settings", settings(Outcome.REFUSED_INPUT)),
			get("/programmes/{id}/course/settings/prompts", f -> f.course() + "/settings/prompts",
					settings(Outcome.OK)),
			// The empty form keeps Kindred's own prompts
			post("/programmes/{id}/course/settings/prompts", f -> f.course() + "/settings/prompts",
					settings(Outcome.OK)),
			get("/programmes/{id}/course/settings/reading", f -> f.course() + "/settings/reading",
					settings(Outcome.OK)),
			post("/programmes/{id}/course/settings/reading", f -> f.course() + "/settings/reading",
					settings(Outcome.REFUSED_INPUT)),
			post("/programmes/{id}/course/settings/reading/{entry}/remove",
					f -> f.course() + "/settings/reading/" + f.readingItem() + "/remove", settings(Outcome.OK)),
			post("/programmes/{id}/course/settings/reading/{entry}/move",
					f -> f.course() + "/settings/reading/" + f.readingItem() + "/move",
					settings(Outcome.REFUSED_INPUT)),
			// The teachers' pages: the organisation's teachers; a mentor without credits
			// or a participant is nobody to assess, another mentor's id does not reach
			// her
			// entry, and a private entry is nobody's to read
			get("/programmes/{id}/assessment", f -> f.assessment(), teachers(Outcome.OK)),
			get("/programmes/{id}/assessment/{mentor}", f -> f.assessment() + "/" + f.id(Who.THE_MENTOR),
					teachers(Outcome.OK)),
			get("/programmes/{id}/assessment/{mentor}", f -> f.assessment() + "/" + f.id(Who.NON_CREDIT_MENTOR),
					teachers(Outcome.NOT_FOUND)),
			get("/programmes/{id}/assessment/{mentor}", f -> f.assessment() + "/" + f.id(Who.PARTICIPANT),
					teachers(Outcome.NOT_FOUND)),
			post("/programmes/{id}/assessment/{mentor}", f -> f.assessment() + "/" + f.id(Who.THE_MENTOR),
					teachers(Outcome.REFUSED_INPUT)),
			get("/programmes/{id}/assessment/{mentor}/diary/{entry}",
					f -> f.assessment() + "/" + f.id(Who.THE_MENTOR) + "/diary/" + f.sharedEntry(),
					teachers(Outcome.OK)),
			get("/programmes/{id}/assessment/{mentor}/diary/{entry}",
					f -> f.assessment() + "/" + f.id(Who.THE_MENTOR) + "/diary/" + f.privateEntry(),
					teachers(Outcome.NOT_FOUND)),
			get("/programmes/{id}/assessment/{mentor}/diary/{entry}",
					f -> f.assessment() + "/" + f.id(Who.CO_MENTOR) + "/diary/" + f.sharedEntry(),
					teachers(Outcome.NOT_FOUND)),
			get("/programmes/{id}/assessment/export", f -> f.assessment() + "/export", teachers(Outcome.OK)),
			post("/programmes/{id}/assessment/export", f -> f.assessment() + "/export",
					teachers(Outcome.REFUSED_INPUT)));

	/** Who may see each secret text in any answer; nobody else ever does. */
	static final Map<String, Set<Who>> SECRETS = Map.of(PRIVATE_TEXT, Set.of(Who.THE_MENTOR), SHARED_TEXT,
			Set.of(Who.THE_MENTOR, Who.TEACHER), WORKLOAD_NOTE, Set.of(Who.THE_MENTOR, Who.TEACHER));

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TestData data;

	@Autowired
	TestGroups groups;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Courses courses;

	@Autowired
	DiaryService diaries;

	@Autowired
	ObjectiveService objectives;

	@Autowired
	WorkloadService workloads;

	@Autowired
	ReadingListService readingLists;

	@Autowired
	CourseSettingsService courseSettings;

	@Test
	void everyCourseRouteIsInTheTable() {
		var listed = ROUTES.stream().map(r -> r.method() + " " + r.pattern()).toList();
		var missing = new ArrayList<String>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			for (var pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/programmes/{id}/course")
						&& !pattern.startsWith("/programmes/{id}/assessment")) {
					continue;
				}
				var methods = info.getMethodsCondition().getMethods();
				if (methods.isEmpty()) {
					missing.add("ANY " + pattern);
				}
				methods.stream()
					.map(m -> m.name() + " " + pattern)
					.filter(route -> !listed.contains(route))
					.forEach(missing::add);
			}
		});
		assertThat(missing).as("course routes without an expected outcome per role").isEmpty();
	}

	@Test
	void everyRoleGetsTheExpectedAnswerOnEveryCourseRoute() throws Exception {
		var course = course();
		var failures = new ArrayList<String>();
		for (var who : Who.values()) {
			var fixture = freshFor(course);
			for (var route : ROUTES) {
				var url = route.url().apply(fixture);
				MvcResult result;
				try {
					result = perform(route.method(), url, fixture.people().get(who));
				}
				catch (Exception failed) {
					failures.add("%s %s as %s: failed with %s".formatted(route.method(), url, who, failed));
					continue;
				}
				var expected = route.expected().get(who);
				var actual = outcome(result);
				if (actual != expected) {
					failures.add("%s %s as %s: expected %s, got %s (%d)".formatted(route.method(), url, who, expected,
							actual, result.getResponse().getStatus()));
				}
				var body = result.getResponse().getContentAsString();
				SECRETS.forEach((secret, readers) -> {
					if (!readers.contains(who) && body.contains(secret)) {
						failures.add("%s %s as %s: shows \"%s\"".formatted(route.method(), url, who, secret));
					}
				});
			}
		}
		coordinatorsMayRead(course, failures);
		assertThat(failures).isEmpty();
	}

	/**
	 * Where the course lets them, the programme's coordinators read shared entries too
	 * (and only those); the rest of the teachers' pages stay the teachers'.
	 */
	private void coordinatorsMayRead(Fixture course, List<String> failures) throws Exception {
		var coordinator = course.people().get(Who.COORDINATOR);
		var now = courseSettings.forStaff(course.programme(), coordinator.id());
		courseSettings.save(course.programme(), coordinator.id(), new Course.Settings(now.code(), now.ratingScale(),
				null, null, null, null, now.assessmentWeeks(), true, now.diaryForAll()), List.of(), List.of());
		var reading = course.assessment() + "/" + course.id(Who.THE_MENTOR) + "/diary/";
		var expected = Map.of(reading + course.sharedEntry(), Outcome.OK, reading + course.privateEntry(),
				Outcome.NOT_FOUND, course.assessment(), Outcome.FORBIDDEN,
				course.assessment() + "/" + course.id(Who.THE_MENTOR), Outcome.FORBIDDEN);
		for (var check : expected.entrySet()) {
			var result = perform(HttpMethod.GET, check.getKey(), coordinator);
			if (outcome(result) != check.getValue()) {
				failures.add("GET %s as COORDINATOR reading: expected %s, got %d".formatted(check.getKey(),
						check.getValue(), result.getResponse().getStatus()));
			}
			if (result.getResponse().getContentAsString().contains(PRIVATE_TEXT)) {
				failures.add("GET %s as COORDINATOR reading: shows the private entry".formatted(check.getKey()));
			}
		}
	}

	/**
	 * The credit course with its people, the non-credit mentor made by her answers, and
	 * what the mentor wrote: two objectives, a private and a shared entry.
	 */
	private Fixture course() {
		var term = groups.creditCourse();
		var id = term.programme();
		var people = new EnumMap<Who, Person>(Who.class);
		people.put(Who.STRANGER, term.staff().outsider());
		people.put(Who.THE_MENTOR, term.mentor(term.first(), 0));
		people.put(Who.CO_MENTOR, term.mentor(term.first(), 1));
		people.put(Who.OTHER_GROUP_MENTOR, term.mentor(term.second(), 0));
		people.put(Who.PARTICIPANT, term.participants(term.first()).get(0));
		people.put(Who.NON_CREDIT_MENTOR, term.mentor(term.second(), 1));
		people.put(Who.TEACHER, term.staff().teacher());
		people.put(Who.OTHER_ORG_TEACHER, data.staff().teacher());
		people.put(Who.COORDINATOR, term.staff().coordinator());
		people.put(Who.ORG_ADMIN, term.staff().admin());
		var nonCredit = people.get(Who.NON_CREDIT_MENTOR).id();
		jdbc.sql("""
				update application set answers = replace(answers, '"forCredit":true', '"forCredit":false')
				where programme_id = ? and account_id = ? and role = 'MENTOR'""")
			.params(id.value(), nonCredit.value())
			.update();
		assertThat(courses.student(id, nonCredit).forCredit()).isFalse();

		var mentor = people.get(Who.THE_MENTOR).id();
		objectives.save(courses.creditStudent(id, mentor),
				List.of(new Objective.Draft("To listen before I answer", null),
						new Objective.Draft("To keep the group's time well", null)));
		var today = diaries.rules(courses.creditStudent(id, mentor)).today();
		var privateEntry = diaries.create(id, new DiaryService.Draft(today, null, PRIVATE_TEXT), mentor);
		var sharedEntry = diaries.create(id, new DiaryService.Draft(today, null, SHARED_TEXT), mentor);
		diaries.share(id, sharedEntry, mentor);
		return new Fixture(id, people, privateEntry, sharedEntry, null, null);
	}

	/** The course with a workload entry of the mentor's and a reading item, both new. */
	private Fixture freshFor(Fixture course) {
		var id = course.programme();
		var mentor = course.people().get(Who.THE_MENTOR).id();
		var teacher = course.people().get(Who.TEACHER).id();
		var day = workloads.days(courses.creditStudent(id, mentor).course()).first();
		var entry = workloads.log(id, mentor, WorkloadPart.FAMILIARISATION, day, 30, WORKLOAD_NOTE);
		var citation = "Reading item " + UUID.randomUUID();
		readingLists.add(id, citation, teacher);
		var item = readingLists.settings(id, teacher)
			.entries()
			.stream()
			.filter(e -> e.citation().equals(citation))
			.findFirst()
			.orElseThrow();
		return new Fixture(id, course.people(), course.privateEntry(), course.sharedEntry(), entry.id(), item.id());
	}

	private MvcResult perform(HttpMethod method, String url, Person person) throws Exception {
		var request = MockMvcRequestBuilders.request(method, url);
		if (method != HttpMethod.GET) {
			request.with(csrf());
		}
		if (person != null) {
			request.with(user(users.loadUserByUsername(person.email())));
		}
		return mvc.perform(request).andReturn();
	}

	private static Outcome outcome(MvcResult result) {
		var status = result.getResponse().getStatus();
		var location = result.getResponse().getRedirectedUrl();
		if (status == 302 && location != null && location.endsWith("/sign-in")) {
			return Outcome.SIGN_IN;
		}
		if (status >= 300 && status < 400 && (location == null || !location.startsWith("/"))) {
			return null;
		}
		return switch (status) {
			case 403 -> Outcome.FORBIDDEN;
			case 404 -> Outcome.NOT_FOUND;
			case 400, 409, 422 -> Outcome.REFUSED_INPUT;
			default -> status < 400 ? Outcome.OK : null;
		};
	}

	private static Route get(String pattern, Function<Fixture, String> url, Map<Who, Outcome> expected) {
		return new Route(HttpMethod.GET, pattern, url, expected);
	}

	private static Route post(String pattern, Function<Fixture, String> url, Map<Who, Outcome> expected) {
		return new Route(HttpMethod.POST, pattern, url, expected);
	}

	/** Everyone signed in gets a 404 unless named; anonymous is sent to sign in. */
	private static Map<Who, Outcome> nobodyBut(Map<Who, Outcome> allowed) {
		var map = new EnumMap<Who, Outcome>(Who.class);
		for (var who : Who.values()) {
			map.put(who, Outcome.NOT_FOUND);
		}
		map.put(Who.ANONYMOUS, Outcome.SIGN_IN);
		map.putAll(allowed);
		return map;
	}

	/** A page of one's own: each mentor taking the course for credits has hers. */
	private static Map<Who, Outcome> own(Outcome outcome) {
		return nobodyBut(Map.of(Who.THE_MENTOR, outcome, Who.CO_MENTOR, outcome, Who.OTHER_GROUP_MENTOR, outcome));
	}

	/** The mentor's own data: hers alone. */
	private static Map<Who, Outcome> hers(Outcome outcome) {
		return nobodyBut(Map.of(Who.THE_MENTOR, outcome));
	}

	/** The programme's teachers; the organisation's other staff 403. */
	private static Map<Who, Outcome> teachers(Outcome outcome) {
		return nobodyBut(
				Map.of(Who.TEACHER, outcome, Who.COORDINATOR, Outcome.FORBIDDEN, Who.ORG_ADMIN, Outcome.FORBIDDEN));
	}

	/** The programme's coordinators and teachers; the organisation's admin 403. */
	private static Map<Who, Outcome> settings(Outcome outcome) {
		return nobodyBut(Map.of(Who.TEACHER, outcome, Who.COORDINATOR, outcome, Who.ORG_ADMIN, Outcome.FORBIDDEN));
	}

}
