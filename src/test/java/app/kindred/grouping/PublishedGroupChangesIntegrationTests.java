package app.kindred.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kindred.grouping.internal.FormationResult;
import app.kindred.grouping.internal.Mode;
import app.kindred.grouping.internal.ProblemReader;
import app.kindred.grouping.internal.FormationSolver;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Mails;
import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountService;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeSettings;
import app.kindred.programme.ProgrammeService;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.Decision;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.SignUpAnswers;
import app.kindred.training.TrainingService;
import app.kindred.recruitment.internal.ApplicationService;
import tools.jackson.databind.json.JsonMapper;
import jakarta.mail.MessagingException;
import java.util.Arrays;
import java.util.concurrent.Future;

/**
 * The groups after publishing: who sees whose name (the roster rule), people leaving by
 * themselves when they lose their place, and a coordinator removing, adding and moving
 * people one at a time, each person affected told once, every change audited and
 * announced, and two coordinators at once never corrupting the groups.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class PublishedGroupChangesIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AccountService accountService;

	@Autowired
	ProgrammeService programmes;

	@Autowired
	RecruitmentService recruitment;

	@Autowired
	ApplicationService applications;

	@Autowired
	CallService calls;

	@Autowired
	TrainingService training;

	@Autowired
	ProblemReader problems;

	@Autowired
	FormationSolver engine;

	@Autowired
	PublishedGroups published;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ApplicationEvents events;

	@Test
	void participantsSeeEachOthersFirstNamesOnlyWhenTheRosterIsShared() throws Exception {
		var shared = publishedCohort(true);
		// This one meets every other week
		var closed = publishedCohort(fortnightly(data.settings().withShareRoster(false)));
		for (var c : List.of(shared, closed)) {
			expectMails(Map.of(c.get("Eva"), 1, c.get("Aino"), 1, c.get("Xena"), 0, c.get("Pia"), 1));
		}

		// A mentor leads the group: everyone's full name, whatever the setting
		for (var c : List.of(shared, closed)) {
			assertThat(body(only(c.get("Aino"), "Your group in"))).contains("you lead group " + c.number("A"),
					"The others in your group: Bror Berg (mentor), Eva Ek (participant), Fia Falk (participant)");
		}
		// Shared: the mentors in full, the other participants by first name only
		assertThat(body(only(shared.get("Eva"), "Your group in")))
			.contains("The others in your group: Aino Aalto (mentor), Bror Berg (mentor), "
					+ "Fia (participant), Gus (participant), Hugo (participant)")
			.doesNotContain("Falk", "Eva (participant)");
		// Not shared: the mentors only
		assertThat(body(only(closed.get("Eva"), "Your group in"))).contains("Your mentors: Aino Aalto, Bror Berg")
			.doesNotContain("Fia", "(participant)");
		assertThat(only(shared.get("Pia"), "No group this time")).isNotNull();

		mvc.perform(get(shared.myGroup()).with(as(shared.get("Eva"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The others in your group")))
			.andExpect(content().string(containsString("Aino Aalto (mentor)")))
			.andExpect(content().string(containsString("Fia (participant)")))
			.andExpect(content().string(not(containsString("Falk"))));
		mvc.perform(get(closed.myGroup()).with(as(closed.get("Eva"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Aino Aalto (mentor)")))
			.andExpect(content().string(not(containsString("(participant)"))));
		mvc.perform(get(closed.myGroup()).with(as(closed.get("Aino"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fia Falk (participant)")));

		// How often the group meets, as the programme says: every week, or every other
		mvc.perform(get(shared.myGroup()).with(as(shared.get("Eva"))))
			.andExpect(content().string(containsString("Every week: Tuesday 16:15–18:15")));
		mvc.perform(get(closed.myGroup()).with(as(closed.get("Eva"))))
			.andExpect(content().string(containsString("Every other week: Tuesday 16:15–18:15")))
			.andExpect(content().string(not(containsString("Every week"))));
	}

	@Test
	void whoeverLosesTheirPlaceLeavesTheirGroupAndItsMentorsAreToldOnce() throws Exception {
		var c = publishedCohort(false);
		expectMails(Map.of(c.get("Aino"), 1, c.get("Eva"), 1));

		// A participant withdraws: out of the group, the mentors told without the reason
		recruitment.withdraw(c.programme, RecruitmentRole.PARTICIPANT, c.get("Eva").id());
		await().atMost(Duration.ofSeconds(15)).until(() -> !group(c, "A").has(c.get("Eva").id()));
		// Eva is told once, by recruitment, that she withdrew; not by grouping
		expectMails(Map.of(c.get("Aino"), 2, c.get("Bror"), 2, c.get("Eva"), 2, c.get("Fia"), 1, c.get("Cai"), 1));
		assertThat(body(only(c.get("Aino"), "Someone left your group")))
			.contains("Eva Ek (participant) is no longer in group " + c.number("A"))
			.doesNotContain("withdr");

		// A coordinator declines a mentor in recruitment: the same, and recruitment tells
		// the mentor its decision
		var cai = recruitment.find(c.programme, RecruitmentRole.MENTOR, c.get("Cai").id()).orElseThrow();
		applications.decide(c.programme, cai.id(), Decision.DECLINE, "Moved abroad", c.staff.coordinator().id());
		await().atMost(Duration.ofSeconds(15)).until(() -> !group(c, "B").has(c.get("Cai").id()));
		expectMails(Map.of(c.get("Dan"), 2, c.get("Cai"), 2, c.get("Ida"), 1));
		assertThat(body(only(c.get("Dan"), "Someone left your group"))).contains("Cai Carlsson (mentor)")
			.doesNotContain("abroad");
		assertThat(only(c.get("Cai"), "Your application was declined")).isNotNull();

		mvc.perform(get(c.page()).with(as(c.staff.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"Eva Ek · " + c.get("Eva").email() + " (participant) withdrew and left group " + c.number("A"))))
			.andExpect(content().string(containsString("Cai Carlsson · " + c.get("Cai").email()
					+ " (mentor) lost their place in recruitment and left group " + c.number("B"))))
			.andExpect(content().string(containsString("<li>Mentors per group</li>")));
		assertThat(audit(c)).containsExactlyInAnyOrder("null WITHDREW PARTICIPANT", "null LOST_PLACE MENTOR");
	}

	@Test
	void aCoordinatorRemovesAddsAndMovesPeopleEachToldOnceEachChangeAuditedAndAnnounced() throws Exception {
		var c = publishedCohort(false);
		var coordinator = c.staff.coordinator();
		expectMails(Map.of(c.get("Aino"), 1, c.get("Xena"), 0));

		// A mentor drops out: kept even though the group now breaks a hard rule, which
		// the page names
		change(c, "remove", "Aino", null).andExpect(redirectedUrl(c.page()));
		mvc.perform(get(c.page()).with(as(coordinator)))
			.andExpect(content().string(containsString("After the changes, the published groups break these rules")))
			.andExpect(content().string(containsString("<li>Mentors per group</li>")))
			.andExpect(content().string(containsString(
					"took Aino Aalto · " + c.get("Aino").email() + " (mentor) out of group " + c.number("A"))));
		assertThat(group(c, "A").has(c.get("Aino").id())).isFalse();

		// A ready mentor outside the groups replaces her: the warning goes
		change(c, "add", "Xena", "A").andExpect(redirectedUrl(c.page()));
		mvc.perform(get(c.page()).with(as(coordinator)))
			.andExpect(content().string(not(containsString("break these rules"))))
			.andExpect(content().string(containsString(
					"added Xena Xu · " + c.get("Xena").email() + " (mentor) to group " + c.number("A"))));

		// A participant moves to the other group; the spare participant joins it too
		change(c, "move", "Eva", "B").andExpect(redirectedUrl(c.page()));
		change(c, "add", "Pia", "B").andExpect(redirectedUrl(c.page()));
		// A participant taken out keeps their place in the programme
		change(c, "remove", "Ida", null).andExpect(redirectedUrl(c.page()));
		assertThat(recruitment.find(c.programme, RecruitmentRole.PARTICIPANT, c.get("Ida").id()).orElseThrow().state())
			.isEqualTo(ApplicationState.SEATED);
		assertThat(group(c, "A").members()).extracting(PublishedGroups.GroupMember::person)
			.containsExactlyInAnyOrder(ids(c, "Bror", "Xena", "Fia", "Gus", "Hugo"));
		assertThat(group(c, "B").members()).extracting(PublishedGroups.GroupMember::person)
			.containsExactlyInAnyOrder(ids(c, "Cai", "Dan", "Eva", "Jon", "Kim", "Pia"));

		// Everyone affected told once: the people themselves, and the mentors of the
		// groups left and joined
		expectMails(Map.ofEntries(Map.entry(c.get("Aino"), 2), Map.entry(c.get("Bror"), 4), Map.entry(c.get("Xena"), 2),
				Map.entry(c.get("Eva"), 2), Map.entry(c.get("Pia"), 2), Map.entry(c.get("Cai"), 4),
				Map.entry(c.get("Dan"), 4), Map.entry(c.get("Ida"), 2), Map.entry(c.get("Fia"), 1),
				Map.entry(c.get("Jon"), 1)));
		assertThat(body(only(c.get("Aino"), "You are no longer in group " + c.number("A"))))
			.contains("taken you out of group " + c.number("A"), "Coordinator: coordinator@test.example");
		assertThat(body(only(c.get("Xena"), "Your group in"))).contains("you lead group " + c.number("A"),
				"Bror Berg (mentor)", "Fia Falk (participant)");
		assertThat(body(only(c.get("Eva"), "Your group in Test programme has changed")))
			.contains("you are now in group " + c.number("B"), "Your mentors: Cai Carlsson, Dan Dahl");
		assertThat(body(only(c.get("Pia"), "Your group in"))).contains("you are in group " + c.number("B"));
		assertThat(body(only(c.get("Ida"), "You are no longer in group"))).contains("You keep your place");
		var bror = c.mails("Bror");
		assertThat(bror).extracting(MimeMessage::getSubject)
			.containsExactlyInAnyOrder("Your group in Test programme: Tuesday 16:15",
					"Someone left your group: Test programme", "Someone joined your group: Test programme",
					"Someone left your group: Test programme");
		assertThat(bror).map(PublishedGroupChangesIntegrationTests::body)
			.anySatisfy(b -> assertThat(b).contains("Aino Aalto (mentor) is no longer in group"))
			.anySatisfy(b -> assertThat(b).contains("Xena Xu (mentor) has joined group"))
			.anySatisfy(b -> assertThat(b).contains("Eva Ek (participant) is no longer in group"));
		assertThat(c.mails("Dan")).map(PublishedGroupChangesIntegrationTests::body)
			.anySatisfy(b -> assertThat(b).contains("Eva Ek (participant) has joined group"))
			.anySatisfy(b -> assertThat(b).contains("Pia Pihl (participant) has joined group"))
			.anySatisfy(b -> assertThat(b).contains("Ida Ivarsson (participant) is no longer in group"));

		// Announced for modules that follow memberships, after each change; and audited
		assertThat(events.stream(GroupMembershipChanged.class)
			.filter(e -> e.programme().equals(c.programme))
			.map(e -> name(c, e.person()) + " " + e.change() + " " + (e.group().equals(c.groupId("A")) ? "A" : "B")))
			.containsExactly("Aino LEFT A", "Xena JOINED A", "Eva LEFT A", "Eva JOINED B", "Pia JOINED B",
					"Ida LEFT B");
		var actor = coordinator.id().value() + " ";
		assertThat(audit(c)).containsExactlyInAnyOrder(actor + "REMOVED MENTOR", actor + "ADDED MENTOR",
				actor + "MOVED PARTICIPANT", actor + "ADDED PARTICIPANT", actor + "REMOVED PARTICIPANT");
		mvc.perform(get(c.page()).with(as(coordinator)))
			.andExpect(content().string(containsString("moved Eva Ek · " + c.get("Eva").email()
					+ " (participant) from group " + c.number("A") + " to group " + c.number("B"))));
	}

	/**
	 * Each change tells people, so it asks first with their number: the person and the
	 * mentors of the groups left and joined; nothing changes, nothing is announced, until
	 * the coordinator confirms.
	 */
	@Test
	void eachChangeAsksFirstWithTheNumberOfPeopleTold() throws Exception {
		var c = publishedCohort(false);
		var coordinator = as(c.staff.coordinator());
		var base = c.page() + "/published/";
		events.clear();
		mvc.perform(post(base + "remove").param("person", c.id("Aino").toString()).with(csrf()).with(coordinator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Take Aino Aalto · " + c.get("Aino").email())))
			.andExpect(content().string(containsString("2 people will be told by e-mail: the person, and the other")))
			.andExpect(content().string(containsString("Take out and tell 2 people")))
			.andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")));
		var move = post(base + "move").param("person", c.id("Eva").toString())
			.param("group", c.groupId("B").toString())
			.with(csrf())
			.with(coordinator);
		mvc.perform(move)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Eva Ek · " + c.get("Eva").email() + " moves from group "
					+ c.number("A") + " to group " + c.number("B"))))
			.andExpect(content().string(containsString("5 people will be told by e-mail")))
			.andExpect(content().string(containsString("Move and tell 5 people")))
			.andExpect(content().string(containsString("name=\"group\" value=\"" + c.groupId("B") + "\"")));
		mvc.perform(post(base + "add").param("person", c.id("Pia").toString())
			.param("group", c.groupId("B").toString())
			.with(csrf())
			.with(coordinator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("3 people will be told by e-mail")))
			.andExpect(content().string(containsString("Add and tell 3 people")));
		assertThat(group(c, "A").members()).extracting(PublishedGroups.GroupMember::person)
			.containsExactlyInAnyOrder(ids(c, "Aino", "Bror", "Eva", "Fia", "Gus", "Hugo"));
		assertThat(group(c, "B").has(c.get("Pia").id())).isFalse();
		assertThat(audit(c)).isEmpty();
		assertThat(events.stream(PublishedGroupChanged.class)).isEmpty();
		assertThat(events.stream(GroupMembershipChanged.class)).isEmpty();

		// Confirmed: done, and exactly the five counted are told
		mvc.perform(move.param("confirmed", "true")).andExpect(redirectedUrl(c.page()));
		assertThat(events.stream(PublishedGroupChanged.class)).singleElement()
			.satisfies(e -> assertThat(e.told()).isEqualTo(5));
		expectMails(Map.of(c.get("Eva"), 2, c.get("Aino"), 2, c.get("Bror"), 2, c.get("Cai"), 2, c.get("Dan"), 2,
				c.get("Fia"), 1, c.get("Ida"), 1));
	}

	@Test
	void unknownPeopleAndGroupsAreNotFoundAndRefusedChangesChangeNothing() throws Exception {
		var c = publishedCohort(false);
		var other = publishedCohort(false);
		var base = c.page() + "/published/";
		var coordinator = as(c.staff.coordinator());
		var random = UUID.randomUUID().toString();
		var eva = c.id("Eva").toString();
		var groupB = c.groupId("B").toString();
		for (var request : List.of(post(base + "remove").param("person", random),
				post(base + "remove").param("person", "not-an-id"), post(base + "remove"),
				post(base + "remove").param("person", other.id("Eva").toString()),
				post(base + "move").param("person", random).param("group", groupB),
				post(base + "move").param("person", eva).param("group", random),
				post(base + "move").param("person", eva).param("group", other.groupId("B").toString()),
				post(base + "add").param("person", random).param("group", groupB),
				post(base + "add").param("person", c.id("Pia").toString()).param("group", random),
				// Accepted in another programme, or staff: not someone this programme
				// could place
				post(base + "add").param("person", other.id("Pia").toString()).param("group", groupB),
				post(base + "add").param("person", c.staff.teacher().id().value().toString()).param("group", groupB))) {
			mvc.perform(request.with(csrf()).with(coordinator)).andExpect(status().isNotFound());
		}
		// Other staff are refused, outsiders do not learn the programme exists
		change(c, "remove", "Eva", null, c.staff.teacher()).andExpect(status().isForbidden());
		change(c, "remove", "Eva", null, c.staff.outsider()).andExpect(status().isNotFound());
		change(c, "remove", "Eva", null, c.get("Aino")).andExpect(status().isNotFound());

		// Someone in a group already is not added again, nor moved to the group they are
		// in
		change(c, "add", "Eva", "B").andExpect(status().isConflict())
			.andExpect(content().string(containsString("This person is in a group already")));
		change(c, "move", "Eva", "A").andExpect(status().isConflict())
			.andExpect(content().string(containsString("This person is in that group already")));
		assertThat(group(c, "A").has(c.get("Eva").id())).isTrue();
		assertThat(group(c, "B").has(c.get("Eva").id())).isFalse();
		assertThat(audit(c)).isEmpty();
		assertThat(events.stream(GroupMembershipChanged.class).filter(e -> e.programme().equals(c.programme)))
			.isEmpty();

		// Before publishing there is nothing to change here
		var unpublished = data.programme(c.staff, true);
		mvc.perform(post("/programmes/" + unpublished.value() + "/groups/published/add").param("person", eva)
			.param("group", groupB)
			.with(csrf())
			.with(coordinator))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("The groups are not published yet")));
	}

	@Test
	void twoCoordinatorsAtOnceNeverPlaceOnePersonTwice() throws Exception {
		var c = publishedCohort(false);
		// Different people into one group at once: both kept
		var different = atOnce(() -> change(c, "add", "Pia", "A"), () -> change(c, "add", "Xena", "A"));
		assertThat(different).containsExactly(302, 302);
		assertThat(group(c, "A").members()).extracting(PublishedGroups.GroupMember::person)
			.contains(ids(c, "Pia", "Xena"));

		// One person into two groups at once: one wins, the other is refused cleanly and
		// changes nothing
		change(c, "remove", "Pia", null).andExpect(status().is3xxRedirection());
		var same = atOnce(() -> change(c, "add", "Pia", "A"), () -> change(c, "add", "Pia", "B"));
		assertThat(same).containsExactlyInAnyOrder(302, 409);
		var groups = published.groups(c.programme);
		assertThat(groups.stream().filter(g -> g.has(c.get("Pia").id()))).hasSize(1);
		assertThat(audit(c)).hasSize(4);
		// Pia: the first add, the removal, and the winning add
		expectMails(Map.of(c.get("Pia"), 4));
	}

	// ----------------------------------------------------------------------------------------------------------

	/**
	 * A published programme: groups A and B of two mentors each, and a ready mentor and a
	 * participant in none.
	 */
	private Cohort publishedCohort(boolean shareRoster) {
		return publishedCohort(data.settings().withShareRoster(shareRoster));
	}

	/** The settings with meetings every other week. */
	private static ProgrammeSettings fortnightly(ProgrammeSettings settings) {
		try {
			var components = ProgrammeSettings.class.getRecordComponents();
			var types = new Class<?>[components.length];
			var values = new Object[components.length];
			for (int i = 0; i < components.length; i++) {
				types[i] = components[i].getType();
				values[i] = components[i].getName().equals("meetingIntervalWeeks") ? 2
						: components[i].getAccessor().invoke(settings);
			}
			return ProgrammeSettings.class.getDeclaredConstructor(types).newInstance(values);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	private Cohort publishedCohort(ProgrammeSettings settings) {
		var staff = data.staff();
		var programme = data.programme(staff, true, settings);
		var coordinator = staff.coordinator().id();
		calls.addSlot(programme, new Call.Slot(DayOfWeek.TUESDAY, LocalTime.of(16, 15)), coordinator);
		training.changeRequiredTrainings(programme, 0, coordinator);
		var c = new Cohort(staff, programme);
		for (var name : List.of("Aino Aalto", "Bror Berg", "Cai Carlsson", "Dan Dahl", "Xena Xu")) {
			signUp(c, RecruitmentRole.MENTOR, name);
		}
		for (var name : List.of("Eva Ek", "Fia Falk", "Gus Grahn", "Hugo Holm", "Ida Ivarsson", "Jon Jansson",
				"Kim Kask", "Pia Pihl")) {
			signUp(c, RecruitmentRole.PARTICIPANT, name);
		}
		var problem = problems.problem(programmes.find(programme).orElseThrow());
		var result = engine.evaluate(problem,
				List.of(new FormationResult.Group(UUID.randomUUID(), "TUE1615", Language.EN, Mode.REMOTE,
						List.of(c.id("Aino"), c.id("Bror")),
						List.of(c.id("Eva"), c.id("Fia"), c.id("Gus"), c.id("Hugo"))),
						new FormationResult.Group(UUID.randomUUID(), "TUE1615", Language.EN, Mode.REMOTE,
								List.of(c.id("Cai"), c.id("Dan")), List.of(c.id("Ida"), c.id("Jon"), c.id("Kim")))));
		assertThat(result.feasible()).as(result.score()).isTrue();
		jdbc.sql("insert into group_proposal (programme_id, result, formed_at) values (?, ?, ?)")
			.params(programme.value(), json.writeValueAsString(result), Timestamp.from(data.now()))
			.update();
		published.publish(programme, coordinator);
		return c;
	}

	private void signUp(Cohort c, RecruitmentRole role, String name) {
		var email = TestData.uniqueEmail(name.substring(0, name.indexOf(' ')).toLowerCase(Locale.ROOT));
		var person = new TestData.Person(accountService.registerVerified(email, name, TestData.PASSWORD, Language.EN),
				email);
		c.people.put(name.substring(0, name.indexOf(' ')), person);
		var details = new SignUpAnswers.Details(List.of(), Map.of("TUE1615", Call.Availability.POSSIBLE), false, null,
				null, Map.of(), List.of());
		recruitment.signUp(recruitment.programme(c.programme), role, person.id(),
				new SignUpAnswers(EnumSet.of(Language.EN), SignUpAnswers.Delivery.REMOTE, null,
						role == RecruitmentRole.MENTOR ? "To help." : null, null, false, details));
	}

	private final class Cohort {

		final TestData.Staff staff;

		final ProgrammeId programme;

		final Map<String, TestData.Person> people = new LinkedHashMap<>();

		Cohort(TestData.Staff staff, ProgrammeId programme) {
			this.staff = staff;
			this.programme = programme;
		}

		TestData.Person get(String first) {
			return people.get(first);
		}

		UUID id(String first) {
			return get(first).id().value();
		}

		/** Group A is the one Bror leads (he never leaves it), B the one Dan leads. */
		UUID groupId(String which) {
			var mentor = get(which.equals("A") ? "Bror" : "Dan").id();
			return published.groups(programme).stream().filter(g -> g.has(mentor)).findFirst().orElseThrow().id();
		}

		int number(String which) {
			return published.group(groupId(which)).orElseThrow().number();
		}

		String page() {
			return "/programmes/" + programme.value() + "/groups";
		}

		String myGroup() {
			return "/programmes/" + programme.value() + "/my-group";
		}

		List<MimeMessage> mails(String first) {
			return PublishedGroupChangesIntegrationTests.mails(get(first));
		}

	}

	private PublishedGroups.Group group(Cohort c, String which) {
		return published.group(c.groupId(which)).orElseThrow();
	}

	private static AccountId[] ids(Cohort c, String... firsts) {
		return Arrays.stream(firsts).map(f -> c.get(f).id()).toArray(AccountId[]::new);
	}

	private static String name(Cohort c, AccountId id) {
		return c.people.entrySet()
			.stream()
			.filter(e -> e.getValue().id().equals(id))
			.findFirst()
			.orElseThrow()
			.getKey();
	}

	private ResultActions change(Cohort c, String action, String who, String group) throws Exception {
		return change(c, action, who, group, c.staff.coordinator());
	}

	private ResultActions change(Cohort c, String action, String who, String group, TestData.Person as)
			throws Exception {
		var request = post(c.page() + "/published/" + action).param("person", c.id(who).toString())
			.param("confirmed", "true");
		if (group != null) {
			request.param("group", c.groupId(group).toString());
		}
		return mvc.perform(request.with(csrf()).with(as(as)));
	}

	/**
	 * Who made each change of the programme (null for none), what it was, and whose role
	 * it concerned.
	 */
	private List<String> audit(Cohort c) {
		return jdbc.sql("select actor_id, action, role from group_change where programme_id = ?")
			.param(c.programme.value())
			.query((rs, n) -> rs.getObject(1, UUID.class) + " " + rs.getString(2) + " " + rs.getString(3))
			.list();
	}

	interface Request {

		ResultActions perform() throws Exception;

	}

	/**
	 * Two requests released at the same moment from two threads; their status codes in
	 * the order given.
	 */
	private static List<Integer> atOnce(Request first, Request second) throws Exception {
		var barrier = new CyclicBarrier(2);
		try (var pool = Executors.newFixedThreadPool(2)) {
			var futures = new ArrayList<Future<Integer>>();
			for (var request : List.of(first, second)) {
				futures.add(pool.submit(() -> {
					barrier.await();
					return request.perform().andReturn().getResponse().getStatus();
				}));
			}
			var statuses = new ArrayList<Integer>();
			for (var future : futures) {
				statuses.add(future.get());
			}
			return statuses;
		}
	}

	/**
	 * Waits until each person has exactly this many messages since they got their place,
	 * and keeps it for a second: none comes twice.
	 */
	private static void expectMails(Map<TestData.Person, Integer> expected) {
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(20))
			.until(() -> expected.entrySet().stream().allMatch(e -> mails(e.getKey()).size() == e.getValue()));
	}

	private static List<MimeMessage> mails(TestData.Person person) {
		var after = new ArrayList<MimeMessage>();
		for (var m : mail.getReceivedMessagesForDomain(person.email())) {
			try {
				if (!m.getSubject().startsWith("You have a place")) {
					after.add(m);
				}
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}
		return after;
	}

	/** The one message to this person whose subject starts so. */
	private static MimeMessage only(TestData.Person person, String subject) throws Exception {
		var matching = new ArrayList<MimeMessage>();
		for (var m : mail.getReceivedMessagesForDomain(person.email())) {
			if (m.getSubject().startsWith(subject)) {
				matching.add(m);
			}
		}
		assertThat(matching).as("messages to %s starting %s", person.email(), subject).hasSize(1);
		return matching.getFirst();
	}

	private static String body(MimeMessage message) {
		return Mails.body(message).replace("\r\n", "\n");
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
