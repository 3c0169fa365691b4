package app.kindred.announcement;

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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.support.RequestContext;
import org.springframework.web.servlet.view.AbstractTemplateView;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.context.webmvc.SpringWebMvcThymeleafRequestContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.naming.SpringContextVariableNames;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Mails;
import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.announcement.internal.AnnouncementService;
import app.kindred.announcement.internal.Audience;
import app.kindred.core.HomeContributor;
import app.kindred.core.Language;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountService;
import app.kindred.organisation.OrganisationService;
import app.kindred.organisation.Role;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeSettings;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.SignUpAnswers;

/**
 * Announcements on a programme with two published groups (four mentors, eight
 * participants with a place) and three people waiting (one mentor, two participants):
 * each audience reaches exactly its people, each in their language, one mail each even
 * when the mail's event is delivered again, the coordinator confirms the number first and
 * never sees an address, bad input stores nothing, and each recipient's Home shows the
 * announcement until they dismiss it. Event retries are quick here, for the redelivery.
 */
@SpringBootTest(properties = { "kindred.events.every=PT0.5S", "kindred.events.retry-first=PT0.5S",
		"kindred.events.retry-max=PT1S" })
@AutoConfigureMockMvc
class AnnouncementsIntegrationTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestGroups testGroups;

	@Autowired
	RecruitmentService recruitment;

	@Autowired
	AnnouncementService announcements;

	@Autowired
	List<HomeContributor> contributors;

	@Autowired
	AccountService accountService;

	@Autowired
	OrganisationService organisations;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventSerializer serializer;

	@Autowired
	SpringTemplateEngine templates;

	@Autowired
	WebApplicationContext context;

	record Fixture(TestData.Staff staff, ProgrammeId programme, TestGroups.Cohort cohort, PublishedGroups.Group first,
			List<TestData.Person> mentors, List<TestData.Person> participants, List<TestData.Person> waiting,
			TestData.Person finnish, TestData.Person swedish) {

		String page() {
			return "/programmes/" + programme.value() + "/announcements";
		}

		Set<String> emails(List<TestData.Person> people) {
			return people.stream().map(TestData.Person::email).collect(Collectors.toSet());
		}

		Set<String> group() {
			return first.members().stream().map(m -> cohort.person(m.person()).email()).collect(Collectors.toSet());
		}
	}

	private static Fixture fixture;

	private synchronized Fixture fixture() {
		if (fixture == null) {
			fixture = makeFixture();
		}
		return fixture;
	}

	private Fixture makeFixture() {
		var staff = data.staff();
		var now = data.now();
		var termStart = LocalDate.now().plusDays(60);
		// Four mentor places and eight participant places: the two slots' people fill
		// them
		var settings = new ProgrammeSettings(EligibilityKind.NONE, null, true, TestGroups.VIDEO_LINK, true,
				List.of(TestGroups.CAMPUS, "Kampus Borealis"), termStart, termStart.plusDays(120),
				now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(20)), 4, now.minus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(39)), 8, 3, 210, 6, 120, 1, 10, 4, 2, false, false, false, null, null, null,
				null, null, null, true, "Coordinator", "coordinator@test.example");
		var programme = data.programme(staff, true, settings);
		var cohort = testGroups.signUp(staff, programme,
				List.of(new TestGroups.Slot("MON1015", null), new TestGroups.Slot("TUE1615", TestGroups.CAMPUS)));
		var waiting = new ArrayList<TestData.Person>();
		for (var role : List.of(RecruitmentRole.MENTOR, RecruitmentRole.PARTICIPANT, RecruitmentRole.PARTICIPANT)) {
			var person = data.person("waiting-" + role.name().toLowerCase(Locale.ROOT));
			var details = new SignUpAnswers.Details(List.of(), Map.of("MON1015", Call.Availability.PREFERRED), false,
					null, null, Map.of(), List.of());
			var status = recruitment.signUp(recruitment.programme(programme), role, person.id(),
					new SignUpAnswers(EnumSet.of(Language.EN), SignUpAnswers.Delivery.REMOTE, null,
							role == RecruitmentRole.MENTOR ? "To help." : null, null, false, details));
			assertThat(status.state()).isEqualTo(ApplicationState.WAITING);
			waiting.add(person);
		}
		var groups = testGroups.publish(staff, programme);
		var mentors = recruitment.accepted(programme, RecruitmentRole.MENTOR).stream().map(cohort::person).toList();
		var participants = recruitment.accepted(programme, RecruitmentRole.PARTICIPANT)
			.stream()
			.map(cohort::person)
			.toList();
		assertThat(mentors).hasSize(4);
		assertThat(participants).hasSize(8);
		// One participant reads Finnish, one Swedish
		var finnish = participants.get(0);
		var swedish = participants.get(1);
		accountService.updateProfile(finnish.id(), "Fanni Finnish", Language.FI, ZoneId.of("Europe/Helsinki"));
		accountService.updateProfile(swedish.id(), "Sven Swedish", Language.SV, ZoneId.of("Europe/Helsinki"));
		return new Fixture(staff, programme, cohort, groups.getFirst(), mentors, participants, List.copyOf(waiting),
				finnish, swedish);
	}

	@Test
	void eachAudienceReachesExactlyItsPeopleOneMailEachAlone() throws Exception {
		var f = fixture();
		var everyone = new HashSet<String>();
		everyone.addAll(f.emails(f.mentors()));
		everyone.addAll(f.emails(f.participants()));
		everyone.addAll(f.emails(f.waiting()));
		var expected = new LinkedHashMap<Audience, Set<String>>();
		expected.put(Audience.MENTORS, f.emails(f.mentors()));
		expected.put(Audience.PARTICIPANTS, f.emails(f.participants()));
		expected.put(Audience.WAITING, f.emails(f.waiting()));
		expected.put(Audience.GROUP, f.group());
		expected.put(Audience.EVERYONE, everyone);
		assertThat(f.group()).hasSize(6);
		assertThat(everyone).hasSize(15);
		for (var audience : expected.keySet()) {
			var token = token();
			int reached = announcements.send(f.programme(), draft(audience, f.first().id(), token, false),
					f.staff().coordinator().id());
			assertThat(reached).as(audience.name()).isEqualTo(expected.get(audience).size());
			assertThat(receivedWith(token, expected.get(audience).size())).as(audience.name())
				.isEqualTo(expected.get(audience));
		}
	}

	@Test
	void eachPersonGetsTheirLanguageElseTheFirstWritten() throws Exception {
		var f = fixture();
		var token = token();
		announcements.send(f.programme(), draft(Audience.PARTICIPANTS, null, token, true),
				f.staff().coordinator().id());
		receivedWith(token, 8);
		var finnish = messageWith(token, f.finnish().email());
		assertThat(finnish.getSubject()).isEqualTo("Test programme: Huone vaihtui " + token);
		assertThat(body(finnish)).contains("Hei Fanni Finnish", "Tapaamme huoneessa B 202.")
			.doesNotContain("We meet in room");
		// Swedish was not written: the first written, English
		var swedish = messageWith(token, f.swedish().email());
		assertThat(swedish.getSubject()).isEqualTo("Test programme: Room moved " + token);
		assertThat(body(swedish)).contains("Hej Sven Swedish", "We meet in room B 202.\nBring tea.");
		var english = messageWith(token, f.participants().get(2).email());
		assertThat(english.getSubject()).isEqualTo("Test programme: Room moved " + token);
	}

	@Test
	void aRedeliveredEventSendsNothingTwice() throws Exception {
		var f = fixture();
		var token = token();
		announcements.send(f.programme(), draft(Audience.WAITING, null, token, false), f.staff().coordinator().id());
		receivedWith(token, 3);
		var person = f.waiting().get(0);
		var publication = jdbc
			.sql("select publication_id from outgoing_mail where recipient = ? and kind = 'announcement' "
					+ "order by created_at desc")
			.param(person.email())
			.query(UUID.class)
			.list()
			.getFirst();
		var mails = mailsRecorded(person.email());
		var announcement = new AnnouncementId(jdbc
			.sql("select id from announcement where programme_id = ? and audience = 'WAITING' order by sent_at desc")
			.param(f.programme().value())
			.query(UUID.class)
			.list()
			.getFirst());
		// As after an instance died between the listener's commit and the publication's
		// completion: the same publication, due again
		var longAgo = Instant.now().minusSeconds(60).atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				  completion_attempts, last_resubmission_date)
				VALUES (?, ?, ?, ?, ?, 'FAILED', 1, ?)""")
			.params(publication,
					"app.kindred.notification.internal.AnnouncementMails.on(app.kindred.announcement.AnnouncementMade)",
					AnnouncementMade.class.getName(),
					serializer.serialize(new AnnouncementMade(announcement, f.programme(), person.id())).toString(),
					longAgo, longAgo)
			.update();
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("select count(*) from event_publication where id = ?")
				.param(publication)
				.query(Integer.class)
				.single() == 0);
		assertThat(mailsRecorded(person.email())).isEqualTo(mails);
		Awaitility.await()
			.during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> addressesWith(token).stream().filter(person.email()::equals).count() == 1);
	}

	@Test
	void theCoordinatorConfirmsTheNumberFirstAndSeesNoAddress() throws Exception {
		var f = fixture();
		var coordinator = as(f.staff().coordinator());
		var token = token();
		var before = announcementsOf(f.programme());
		// The form comes back as a confirmation with the number, and nothing is sent
		var confirmation = mvc.perform(form(f, Audience.GROUP, token).with(coordinator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("6 people will be told")))
			.andExpect(content().string(containsString("Send to 6 people")))
			.andExpect(content().string(containsString("To: the members of group " + f.first().number())))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(announcementsOf(f.programme())).isEqualTo(before);
		assertNoAddress(f, confirmation);
		// "Change it" brings the form back as typed
		mvc.perform(form(f, Audience.GROUP, token).param("confirmed", "false").with(coordinator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"Room moved " + token + "\"")));
		assertThat(announcementsOf(f.programme())).isEqualTo(before);
		// A number that is no longer right is confirmed again
		mvc.perform(form(f, Audience.GROUP, token).param("confirmed", "true").param("reach", "5").with(coordinator))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("The number of people changed")))
			.andExpect(content().string(containsString("6 people will be told")));
		assertThat(announcementsOf(f.programme())).isEqualTo(before);
		mvc.perform(form(f, Audience.GROUP, token).param("confirmed", "true").param("reach", "6").with(coordinator))
			.andExpect(redirectedUrl(f.page()));
		assertThat(announcementsOf(f.programme())).isEqualTo(before + 1);
		assertThat(receivedWith(token, 6)).isEqualTo(f.group());
		var page = mvc.perform(get(f.page()).with(coordinator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Room moved " + token)))
			.andExpect(content().string(containsString("6 people")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertNoAddress(f, page);
	}

	@Test
	void emptyOrOverLongTextsAreRefusedAtTheirFieldsAndNothingIsStored() throws Exception {
		var f = fixture();
		var coordinator = as(f.staff().coordinator());
		var before = announcementsOf(f.programme());
		var mails = jdbc.sql("select count(*) from outgoing_mail").query(Integer.class).single();
		mvc.perform(post(f.page()).with(csrf())
			.with(coordinator)
			.param("audience", "MENTORS")
			.param("confirmed", "true")
			.param("reach", "4")
			.param("subjectEn", " ")
			.param("bodyEn", ""))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("id=\"subjectEn-error\"")))
			.andExpect(content().string(containsString("Write a subject and a message in at least one language.")));
		mvc.perform(post(f.page()).with(csrf())
			.with(coordinator)
			.param("audience", "MENTORS")
			.param("confirmed", "true")
			.param("reach", "4")
			.param("subjectEn", "Fine")
			.param("bodyEn", "x".repeat(AnnouncementService.BODY_MAX + 1)))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("id=\"bodyEn-error\"")));
		mvc.perform(post(f.page()).with(csrf())
			.with(coordinator)
			.param("audience", "MENTORS")
			.param("confirmed", "true")
			.param("reach", "4")
			.param("subjectFi", "Aihe ilman viestiä"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("id=\"bodyFi-error\"")));
		// A coordinator who reads Finnish is told in Finnish, at the fields of Finnish,
		// written first
		var email = TestData.uniqueEmail("koordinaattori");
		var finnishCoordinator = accountService.registerVerified(email, "Koordinaattori", TestData.PASSWORD,
				Language.FI);
		organisations.grant(f.staff().organisation(), finnishCoordinator, Role.COORDINATOR);
		mvc.perform(post(f.page()).with(csrf())
			.with(as(new TestData.Person(finnishCoordinator, email)))
			.param("audience", "MENTORS"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("id=\"subjectFi-error\"")))
			.andExpect(content().string(containsString("Kirjoita aihe ja viesti vähintään yhdellä kielellä.")));
		assertThat(announcementsOf(f.programme())).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from outgoing_mail").query(Integer.class).single()).isEqualTo(mails);
	}

	@Test
	void onlyTheProgrammesCoordinatorsWriteOthersAre403Or404() throws Exception {
		var f = fixture();
		var token = token();
		var before = announcementsOf(f.programme());
		mvc.perform(get(f.page()).with(as(f.staff().teacher()))).andExpect(status().isForbidden());
		mvc.perform(form(f, Audience.MENTORS, token).param("confirmed", "true")
			.param("reach", "4")
			.with(as(f.staff().teacher()))).andExpect(status().isForbidden());
		for (var who : List.of(f.staff().outsider(), f.participants().get(3), f.mentors().get(0))) {
			mvc.perform(get(f.page()).with(as(who))).andExpect(status().isNotFound());
			mvc.perform(form(f, Audience.MENTORS, token).param("confirmed", "true").param("reach", "4").with(as(who)))
				.andExpect(status().isNotFound());
		}
		assertThat(announcementsOf(f.programme())).isEqualTo(before);
		// The programme's page for staff links to it
		mvc.perform(get("/programmes/" + f.programme().value() + "/manage").with(as(f.staff().coordinator())))
			.andExpect(content().string(containsString("href=\"" + f.page() + "\"")));
	}

	@Test
	void anAnnouncementStaysOnEachRecipientsHomeUntilTheyDismissIt() throws Exception {
		var f = fixture();
		var token = token();
		announcements.send(f.programme(), draft(Audience.PARTICIPANTS, null, token, true),
				f.staff().coordinator().id());
		var reader = f.finnish();
		var other = f.participants().get(2);
		var part = homePartWith(reader, token, Language.FI);
		assertThat(part.programme()).isEqualTo(f.programme().value());
		assertThat(part.role()).isEqualTo(HomeContributor.Role.PARTICIPANT);
		assertThat(part.order()).isZero();
		assertThat(part.template()).isEqualTo("announcement/home");
		assertThat(part.fragment()).isEqualTo("announcement");
		assertThat(part.data().toString()).contains("Huone vaihtui " + token, "Tapaamme huoneessa B 202.");
		assertThat(homePartWith(other, token, Language.EN).data().toString()).contains("Room moved " + token);
		// Nobody else's Home: a mentor was not written to
		assertThat(partsWith(f.mentors().get(0), token, Language.EN)).isEmpty();

		// Drawn safely: what was typed is text, line breaks kept by CSS, the button posts
		// with its token
		var html = render(part);
		assertThat(html)
			.contains("<article", "Huone vaihtui " + token, "class=\"prose-lines\"",
					"Tapaamme huoneessa B 202.\n&lt;b&gt;Tuokaa teetä&lt;/b&gt;", "name=\"_csrf\"",
					"value=\"test-token\"", "Poista näkyvistä")
			.doesNotContain("<b>Tuokaa");

		var dismiss = dismissUrl(part);
		// Someone it was not sent to cannot dismiss it: as if it did not exist
		mvc.perform(post(dismiss).with(csrf()).with(as(f.mentors().get(0)))).andExpect(status().isNotFound());
		mvc.perform(post(dismiss).with(csrf()).with(as(reader))).andExpect(redirectedUrl("/"));
		assertThat(partsWith(reader, token, Language.FI)).isEmpty();
		assertThat(partsWith(other, token, Language.EN)).hasSize(1);
		// Dismissing again changes nothing
		mvc.perform(post(dismiss).with(csrf()).with(as(reader))).andExpect(redirectedUrl("/"));
		mvc.perform(post("/announcements/" + UUID.randomUUID() + "/dismiss").with(csrf()).with(as(reader)))
			.andExpect(status().isNotFound());
	}

	// ---- helpers

	private static String token() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * English first; with {@code finnish}, a Finnish version too (with markup in it,
	 * which must stay text).
	 */
	private static AnnouncementService.Draft draft(Audience audience, UUID group, String token, boolean finnish) {
		var texts = new LinkedHashMap<Language, AnnouncementService.Text>();
		texts.put(Language.EN,
				new AnnouncementService.Text("Room moved " + token, "We meet in room B 202.\nBring tea."));
		if (finnish) {
			texts.put(Language.FI, new AnnouncementService.Text("Huone vaihtui " + token,
					"Tapaamme huoneessa B 202.\n<b>Tuokaa teetä</b>"));
		}
		return new AnnouncementService.Draft(audience, audience == Audience.GROUP ? group : null, texts);
	}

	private MockHttpServletRequestBuilder form(Fixture f, Audience audience, String token) {
		var request = post(f.page()).with(csrf())
			.param("audience", audience.name())
			.param("subjectEn", "Room moved " + token)
			.param("bodyEn", "We meet in room B 202.");
		if (audience == Audience.GROUP) {
			request.param("group", f.first().id().toString());
		}
		return request;
	}

	private void assertNoAddress(Fixture f, String html) {
		var people = new ArrayList<TestData.Person>();
		people.addAll(f.participants());
		people.addAll(f.mentors());
		people.addAll(f.waiting());
		for (var person : people) {
			assertThat(html).doesNotContain(person.email());
		}
	}

	private int announcementsOf(ProgrammeId programme) {
		return jdbc.sql("select count(*) from announcement where programme_id = ?")
			.param(programme.value())
			.query(Integer.class)
			.single();
	}

	private int mailsRecorded(String email) {
		return jdbc.sql("select count(*) from outgoing_mail where recipient = ? and kind = 'announcement'")
			.param(email)
			.query(Integer.class)
			.single();
	}

	/**
	 * The addresses that received the announcement with this token, once there are this
	 * many and no more come; each message addressed to its one recipient alone.
	 */
	private Set<String> receivedWith(String token, int count) throws MessagingException {
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> addressesWith(token).size() >= count);
		Awaitility.await()
			.during(Duration.ofMillis(700))
			.atMost(Duration.ofSeconds(5))
			.until(() -> addressesWith(token).size() == count);
		for (var message : smtp.getReceivedMessages()) {
			if (message.getSubject().contains(token)) {
				assertThat(message.getRecipients(Message.RecipientType.TO)).hasSize(1);
				assertThat(message.getRecipients(Message.RecipientType.CC)).isNull();
			}
		}
		var addresses = addressesWith(token);
		assertThat(addresses).doesNotHaveDuplicates();
		return Set.copyOf(addresses);
	}

	/** Every delivery of a message with the token, by the address it was delivered to. */
	private List<String> addressesWith(String token) throws MessagingException {
		var addresses = new ArrayList<String>();
		for (var message : smtp.getReceivedMessages()) {
			if (message.getSubject().contains(token)) {
				Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.map(a -> a.toString())
					.forEach(addresses::add);
			}
		}
		return addresses;
	}

	private MimeMessage messageWith(String token, String email) throws MessagingException {
		for (var message : smtp.getReceivedMessagesForDomain(email)) {
			if (message.getSubject().contains(token)) {
				return message;
			}
		}
		throw new AssertionError("no message with " + token + " to " + email);
	}

	private static String body(MimeMessage message) {
		return Mails.body(message).replace("\r\n", "\n");
	}

	private List<HomeContributor.Part> partsWith(TestData.Person person, String token, Language language) {
		var viewer = new HomeContributor.Viewer(person.id().value(), language, ZoneId.of("Europe/Helsinki"),
				Instant.now());
		return contributors.stream()
			.flatMap(c -> c.parts(viewer).stream())
			.filter(p -> "announcement".equals(p.fragment()) && p.data().toString().contains(token))
			.toList();
	}

	private HomeContributor.Part homePartWith(TestData.Person person, String token, Language language) {
		var parts = partsWith(person, token, language);
		assertThat(parts).hasSize(1);
		return parts.getFirst();
	}

	private static String dismissUrl(HomeContributor.Part part) {
		var text = part.data().toString();
		var at = text.indexOf("dismissUrl=");
		return text.substring(at + "dismissUrl=".length(), text.indexOf(']', at));
	}

	/**
	 * The part's fragment as the Home page draws it: a web context with the request's
	 * CSRF token, as Spring's view gives every template.
	 */
	private String render(HomeContributor.Part part) {
		var servletContext = context.getServletContext();
		var request = new MockHttpServletRequest(servletContext);
		request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
		var token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "test-token");
		request.setAttribute(CsrfToken.class.getName(), token);
		request.setAttribute("_csrf", token);
		var response = new MockHttpServletResponse();
		var variables = new HashMap<String, Object>();
		variables.put("data", part.data());
		var requestContext = new RequestContext(request, response, servletContext, variables);
		variables.put(AbstractTemplateView.SPRING_MACRO_REQUEST_CONTEXT_ATTRIBUTE, requestContext);
		variables.put(SpringContextVariableNames.SPRING_REQUEST_CONTEXT, requestContext);
		variables.put(SpringContextVariableNames.THYMELEAF_REQUEST_CONTEXT,
				new SpringWebMvcThymeleafRequestContext(requestContext, request));
		variables.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, null));
		var exchange = JakartaServletWebApplication.buildApplication(servletContext).buildExchange(request, response);
		return templates.process("announcement/home", Set.of("announcement"),
				new WebContext(exchange, Language.FI.locale(), variables));
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
