package app.kindred.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Mails;
import app.kindred.CookieSession;
import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeSettingsChanged;
import app.kindred.programme.ProgrammeWindow;
import app.kindred.recruitment.internal.ApplicationService;
import app.kindred.recruitment.internal.ApplicationStore;
import app.kindred.recruitment.internal.CallStore;
import app.kindred.recruitment.internal.ClosingReminders;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.assertj.core.api.Assertions;

/**
 * Coordinators decide by hand (accept, decline, return to the waiting list) with a reason
 * in the audit trail, approve applications in arrival order when the call asks for
 * approval, extend windows, and people are told by e-mail, including once, and only once,
 * that a window closes soon.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class CoordinatorDecisionsIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	RecruitmentService recruitment;

	@Autowired
	ApplicationService applications;

	@Autowired
	ProgrammeService programmes;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	CallStore callStore;

	@Autowired
	ApplicationStore applicationStore;

	@Autowired
	ApplicationEvents events;

	@Test
	void approvalKeepsArrivalOrderAndEveryDecisionIsToldAndAudited() throws Exception {
		var staff = data.staff();
		var programme = programme(staff, 1);
		call(programme, true, false);
		var people = signUpAll(programme, "first", "second", "third");
		assertThat(states(programme, people)).containsExactly("AWAITING 0", "AWAITING 0", "AWAITING 0");
		mvc.perform(get(statusPath(programme)).with(as(people.get(0))))
			.andExpect(content().string(containsString("awaits the coordinator&#39;s approval")));
		assertThat(Mails.await(mail, people.get(0).email(), 1)[0].getSubject())
			.startsWith("Your application awaits approval");

		// Out of arrival order: refused with the reason, and nothing changes
		decide(staff, programme, people.get(1), "accept", "Keen").andExpect(status().isConflict())
			.andExpect(content().string(containsString("Applications are approved in the order they arrived")));
		assertThat(states(programme, people)).containsExactly("AWAITING 0", "AWAITING 0", "AWAITING 0");
		assertThat(auditCount(programme)).isZero();

		decide(staff, programme, people.get(0), "accept", "Meets the criteria").andExpect(status().is3xxRedirection());
		decide(staff, programme, people.get(1), "accept", "Meets the criteria too")
			.andExpect(status().is3xxRedirection());
		decide(staff, programme, people.get(2), "decline", "Not a student of ours")
			.andExpect(status().is3xxRedirection());
		assertThat(states(programme, people)).containsExactly("SEATED 0", "WAITING 1", "DECLINED 0");
		assertThat(seatedInPool(programme)).isEqualTo(1);

		assertThat(newest(people.get(0), 2).getSubject()).startsWith("You were accepted and have a place");
		var waiting = newest(people.get(1), 2);
		assertThat(waiting.getSubject()).startsWith("You were accepted and are on the waiting list");
		assertThat(Mails.body(waiting)).contains("in place 1").doesNotContain("Meets the criteria");
		assertThat(newest(people.get(2), 2).getSubject()).startsWith("Your application was declined");

		mvc.perform(get(statusPath(programme)).with(as(people.get(2))))
			.andExpect(content().string(containsString("Your application was declined.")))
			.andExpect(content().string(not(containsString("Withdraw"))));
		mvc.perform(post(statusPath(programme) + "/withdraw").with(csrf()).with(as(people.get(2))));
		assertThat(states(programme, people).get(2)).isEqualTo("DECLINED 0");

		var audit = jdbc
			.sql("""
					select t.actor_id, t.action, t.reason from application_audit t join application a on a.id = t.application_id
					 where a.programme_id = ? order by t.at, t.action""")
			.param(programme.value())
			.query((rs, n) -> rs.getObject(1, UUID.class) + " " + rs.getString(2) + " " + rs.getString(3))
			.list();
		var coordinator = staff.coordinator().id().value();
		assertThat(audit).containsExactlyInAnyOrder(coordinator + " ACCEPT Meets the criteria",
				coordinator + " ACCEPT Meets the criteria too", coordinator + " DECLINE Not a student of ours");
		mvc.perform(get("/programmes/" + programme.value() + "/applications").with(as(staff.coordinator())))
			.andExpect(content().string(containsString(
					"accepted the application of first · " + people.get(0).email() + ": Meets the criteria")))
			.andExpect(content().string(containsString(
					"declined the application of third · " + people.get(2).email() + ": Not a student of ours")))
			.andExpect(content().string(containsString("Awaiting approval: 0")))
			.andExpect(content().string(containsString("Declined: 1")));
	}

	@Test
	void acceptingWithoutApprovalModeOrWithoutAFreePlaceIsRefused() throws Exception {
		var staff = data.staff();
		var programme = programme(staff, 1);
		call(programme, true, false);
		var people = signUpAll(programme, "first", "second");
		decide(staff, programme, people.get(0), "accept", "ok").andExpect(status().is3xxRedirection());
		decide(staff, programme, people.get(1), "accept", "ok").andExpect(status().is3xxRedirection());
		assertThat(states(programme, people)).containsExactly("SEATED 0", "WAITING 1");

		// Seating someone from the waiting list needs a free place
		decide(staff, programme, people.get(1), "accept", "Jump the queue").andExpect(status().isConflict())
			.andExpect(content().string(containsString("Add seats first")));
		assertThat(states(programme, people)).containsExactly("SEATED 0", "WAITING 1");

		// A place free beside the waiting list (as in the moment a seat is added):
		// accepting seats the person
		jdbc.sql("update seat_pool set capacity = 2 where programme_id = ?").param(programme.value()).update();
		decide(staff, programme, people.get(1), "accept", "A seat was added").andExpect(status().is3xxRedirection());
		assertThat(states(programme, people)).containsExactly("SEATED 0", "SEATED 0");
		assertThat(seatedInPool(programme)).isEqualTo(2);
		assertThat(newest(people.get(1), 3).getSubject()).startsWith("You were accepted and have a place");

		// Someone already seated cannot be accepted again
		decide(staff, programme, people.get(1), "accept", "Twice").andExpect(status().isConflict())
			.andExpect(content().string(containsString("has changed in the meantime")));
	}

	@Test
	void decliningASeatedPersonPromotesTheFirstInLine() throws Exception {
		var staff = data.staff();
		var programme = programme(staff, 1);
		var people = signUpAll(programme, "first", "second", "third");
		assertThat(states(programme, people)).containsExactly("SEATED 0", "WAITING 1", "WAITING 2");
		decide(staff, programme, people.get(0), "decline", "Did not meet the rule")
			.andExpect(status().is3xxRedirection());
		assertThat(states(programme, people)).containsExactly("DECLINED 0", "SEATED 0", "WAITING 1");
		assertThat(seatedInPool(programme)).isEqualTo(1);
		assertThat(newest(people.get(1), 2).getSubject()).startsWith("A place came free for you");
		assertThat(newest(people.get(0), 2).getSubject()).startsWith("Your application was declined");
		// A waiting person can be declined too, and the others move up
		decide(staff, programme, people.get(2), "decline", "Asked us to").andExpect(status().is3xxRedirection());
		assertThat(states(programme, people)).containsExactly("DECLINED 0", "SEATED 0", "DECLINED 0");
	}

	@Test
	void returningSomeoneToTheWaitingListPutsThemLastAndTheirPlaceGoesToTheFirstInLine() throws Exception {
		var staff = data.staff();
		var programme = programme(staff, 1);
		var people = signUpAll(programme, "first", "second", "third");
		long before = nextArrival(programme);
		decide(staff, programme, people.get(0), "return", "Asked to defer").andExpect(status().is3xxRedirection());
		assertThat(states(programme, people)).containsExactly("WAITING 2", "SEATED 0", "WAITING 1");
		assertThat(nextArrival(programme)).isEqualTo(before + 1);
		assertThat(seatedInPool(programme)).isEqualTo(1);
		var returned = newest(people.get(0), 2);
		assertThat(returned.getSubject()).startsWith("You are back on the waiting list");
		assertThat(Mails.body(returned)).contains("in place 2");
		assertThat(newest(people.get(1), 2).getSubject()).startsWith("A place came free for you");

		// Alone on the list, the place would come straight back: refused
		decide(staff, programme, people.get(2), "decline", "Moved away").andExpect(status().is3xxRedirection());
		decide(staff, programme, people.get(0), "decline", "Moved away too").andExpect(status().is3xxRedirection());
		decide(staff, programme, people.get(1), "return", "Try").andExpect(status().isConflict())
			.andExpect(content().string(containsString("Nobody else is on the waiting list")));
		assertThat(states(programme, people)).containsExactly("DECLINED 0", "SEATED 0", "DECLINED 0");
	}

	@Test
	void returningSomeoneAwaitingApprovalPutsThemBehindTheWaitingListUnlessAPlaceIsFree() throws Exception {
		var staff = data.staff();
		var programme = programme(staff, 1);
		call(programme, true, false);
		var people = signUpAll(programme, "first", "second", "third");
		decide(staff, programme, people.get(1), "return", "Would seat").andExpect(status().isConflict())
			.andExpect(content().string(containsString("A place is free")));
		decide(staff, programme, people.get(0), "accept", "ok").andExpect(status().is3xxRedirection());
		decide(staff, programme, people.get(2), "return", "Later").andExpect(status().is3xxRedirection());
		decide(staff, programme, people.get(1), "accept", "ok").andExpect(status().is3xxRedirection());
		// The one returned got a new arrival number, so the one accepted later still
		// waits ahead of them
		assertThat(states(programme, people)).containsExactly("SEATED 0", "WAITING 1", "WAITING 2");
	}

	@Test
	void forgedStaleAndReasonlessDecisionsChangeNothing() throws Exception {
		var staff = data.staff();
		var programme = programme(staff, 1);
		var people = signUpAll(programme, "first", "second");
		var other = programme(staff, 1);
		var application = id(programme, people.get(0));
		var path = "/programmes/" + programme.value() + "/applications/";
		mvc.perform(post("/programmes/" + other.value() + "/applications/" + application + "/decline").with(csrf())
			.with(as(staff.coordinator()))
			.param("reason", "Wrong programme")).andExpect(status().isNotFound());
		mvc.perform(post(path + UUID.randomUUID() + "/accept").with(csrf())
			.with(as(staff.coordinator()))
			.param("reason", "Nobody")).andExpect(status().isNotFound());
		mvc.perform(
				post(path + "not-an-id/accept").with(csrf()).with(as(staff.coordinator())).param("reason", "Nobody"))
			.andExpect(status().isNotFound());
		mvc.perform(post(path + application + "/decline").with(csrf())
			.with(as(staff.teacher()))
			.param("reason", "Not mine to decide")).andExpect(status().isForbidden());
		mvc.perform(post(path + application + "/decline").with(csrf())
			.with(as(people.get(1)))
			.param("reason", "Take their place")).andExpect(status().isNotFound());
		decide(staff, programme, people.get(0), "decline", " ").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please give a reason")));
		decide(staff, programme, people.get(0), "decline", "x".repeat(501))
			.andExpect(status().isUnprocessableContent());
		assertThat(states(programme, people)).containsExactly("SEATED 0", "WAITING 1");
		assertThat(auditCount(programme)).isZero();

		mvc.perform(post(statusPath(programme) + "/withdraw").with(csrf()).with(as(people.get(0))));
		for (var decision : List.of("accept", "decline", "return")) {
			decide(staff, programme, people.get(0), decision, "Too late").andExpect(status().isConflict())
				.andExpect(content().string(containsString("has changed in the meantime")));
		}
		assertThat(states(programme, people)).containsExactly("WITHDRAWN 0", "SEATED 0");
		assertThat(auditCount(programme)).isZero();
		assertThatThrownBy(
				() -> applications.decide(programme, application, Decision.DECLINE, "", staff.coordinator().id()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void extendingAWindowChangesTheProgrammeAndRefusesEarlierTimes() throws Exception {
		var staff = data.staff();
		// A sign-up that closed an hour ago, in a term that ends in 150 days
		var settings = data.settings(1, data.now().minus(Duration.ofDays(40)).minus(Duration.ofHours(1)),
				EligibilityKind.NONE, null);
		var programme = data.programme(staff, true, settings);
		var person = data.person("late");
		mvc.perform(signUp(programme, person)).andExpect(status().isConflict());
		var current = settings.signupCloses();

		var page = "/programmes/" + programme.value() + "/applications";
		for (var refused : List.of(local(current.minus(Duration.ofDays(1))),
				local(current.plus(Duration.ofMinutes(30))))) {
			extend(staff, programme, refused).andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("The new closing time must be in the future.")));
		}
		mvc.perform(post(page + "/window").with(csrf())
			.with(as(staff.coordinator()))
			.param("role", "participant")
			.param("closes", "next tuesday"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(
					containsString("Please enter a date between 1 January 2000 and 31 December 2099, and a time.")));
		extend(staff, programme, local(settings.termEnd().plusDays(2).atStartOfDay(HELSINKI).toInstant()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The window must close before the term ends.")));
		mvc.perform(post(page + "/window").with(csrf())
			.with(as(staff.teacher()))
			.param("role", "participant")
			.param("closes", local(data.now().plus(Duration.ofDays(3))))).andExpect(status().isForbidden());
		assertThat(closes(programme, ProgrammeWindow.SIGNUP)).isCloseTo(current,
				Assertions.within(1, ChronoUnit.MILLIS));
		assertThat(events.stream(ProgrammeSettingsChanged.class).filter(e -> e.programme().equals(programme)))
			.isEmpty();

		var later = LocalDateTime.now(Clock.system(HELSINKI))
			.plusDays(3)
			.withHour(16)
			.withMinute(0)
			.withSecond(0)
			.withNano(0);
		extend(staff, programme, later.toString()).andExpect(redirectedUrl(page + "?role=participant"));
		assertThat(closes(programme, ProgrammeWindow.SIGNUP)).isEqualTo(later.atZone(HELSINKI).toInstant());
		assertThat(events.stream(ProgrammeSettingsChanged.class).filter(e -> e.programme().equals(programme)))
			.hasSize(1);
		// Only ever later: back to an earlier time than the new close is refused
		extend(staff, programme, later.minusHours(1).toString()).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The new closing time must be later than the current one.")));
		// The sign-up is open again
		mvc.perform(signUp(programme, person)).andExpect(redirectedUrl(statusPath(programme)));

		// The mentor call is its own window
		var mentorCloses = closes(programme, ProgrammeWindow.MENTOR_CALL);
		mvc.perform(post(page + "/window").with(csrf())
			.with(as(staff.coordinator()))
			.param("role", "mentor")
			.param("closes", local(mentorCloses.plus(Duration.ofDays(1)))))
			.andExpect(redirectedUrl(page + "?role=mentor"));
		assertThat(closes(programme, ProgrammeWindow.MENTOR_CALL))
			.isEqualTo(mentorCloses.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES));
	}

	@Test
	void remindsEveryoneStillInTheRunOnceBeforeTheWindowClosesAndAgainAfterAnExtension() throws Exception {
		var staff = data.staff();
		// Closes in 39 days: never due for the application's own sweep, which runs on the
		// real clock
		var programme = programme(staff, 1);
		call(programme, false, true);
		var people = signUpAll(programme, "seated", "waiting", "withdrawing");
		mvc.perform(post(statusPath(programme) + "/withdraw").with(csrf()).with(as(people.get(2))));
		var closes = closes(programme, ProgrammeWindow.SIGNUP);

		assertThat(reminders(closes.minus(Duration.ofHours(25))).remind()).isZero();
		assertThat(remindedFor(programme)).isNull();

		// Two instances sweep at the same moment: one claims the call, the other sends
		// nothing
		var sweeps = race(2, i -> reminders(closes.minus(Duration.ofHours(23))).remind());
		assertThat(sweeps).containsExactlyInAnyOrder(2, 0);
		assertThat(reminders(closes.minus(Duration.ofHours(1))).remind()).isZero();
		assertThat(remindedFor(programme)).isEqualTo(closes);
		var reminder = Mails.await(mail, people.get(0).email(), 2)[1];
		assertThat(reminder.getSubject()).startsWith("Applications close soon");
		assertThat(Mails.body(reminder)).contains("change your answers");
		assertThat(Mails.linkPath(reminder)).isEqualTo(statusPath(programme));
		assertThat(Mails.await(mail, people.get(1).email(), 2)[1].getSubject()).startsWith("Applications close soon");

		// An extended window closes at a new instant, and gets a reminder of its own
		programmes.extendWindow(programme, ProgrammeWindow.SIGNUP, closes.plus(Duration.ofDays(2)),
				staff.coordinator().id());
		var extended = closes(programme, ProgrammeWindow.SIGNUP);
		assertThat(reminders(closes.minus(Duration.ofHours(1))).remind()).isZero();
		assertThat(race(3, i -> reminders(extended.minus(Duration.ofHours(2))).remind())).containsExactlyInAnyOrder(2,
				0, 0);
		Mails.await(mail, people.get(0).email(), 3);
		Mails.await(mail, people.get(1).email(), 3);
		Thread.sleep(500);
		assertThat(subjects(people.get(0))).filteredOn(s -> s.startsWith("Applications close soon")).hasSize(2);
		assertThat(subjects(people.get(1))).filteredOn(s -> s.startsWith("Applications close soon")).hasSize(2);
		assertThat(subjects(people.get(2))).noneMatch(s -> s.startsWith("Applications close soon"));

		// A call without the reminder never sends one
		var quiet = programme(staff, 1);
		call(quiet, false, false);
		var nobody = signUpAll(quiet, "quiet");
		assertThat(reminders(closes(quiet, ProgrammeWindow.SIGNUP).minus(Duration.ofHours(2))).remind()).isZero();
		assertThat(subjects(nobody.get(0))).noneMatch(s -> s.startsWith("Applications close soon"));
	}

	/**
	 * Many coordinators and people at once: accepting, declining, returning and
	 * withdrawing on one programme. The pool's count of seats always equals the seated
	 * applications, never exceeds the capacity, no place stays free while someone waits,
	 * and waiting positions run 1..N without gaps or doubles.
	 */
	@Test
	void racingDecisionsNeverDoubleASeatNorLeaveGapsInTheWaitingList() throws Exception {
		var staff = data.staff();
		int capacity = 4;
		var programme = programme(staff, capacity);
		var names = IntStream.range(0, 24).mapToObj(i -> "racer" + i).toArray(String[]::new);
		var people = new ArrayList<>(signUpAll(programme, Arrays.copyOf(names, 16)));
		call(programme, true, false);
		people.addAll(signUpAll(programme, Arrays.copyOfRange(names, 16, 24)));
		var ids = people.stream().map(p -> id(programme, p)).toList();
		var decisions = Decision.values();

		race(12, thread -> {
			var random = new Random(thread);
			for (int i = 0; i < 15; i++) {
				int pick = random.nextInt(ids.size());
				int what = random.nextInt(decisions.length + 1);
				try {
					if (what == decisions.length) {
						recruitment.withdraw(programme, RecruitmentRole.PARTICIPANT, people.get(pick).id());
					}
					else {
						applications.decide(programme, ids.get(pick), decisions[what], "race " + thread,
								staff.coordinator().id());
					}
				}
				catch (Refused refused) {
					// the application moved on meanwhile: refused, and nothing changed
				}
			}
			return 0;
		});

		var rows = jdbc.sql("select state, arrival from application where programme_id = ? order by arrival")
			.param(programme.value())
			.query((rs, n) -> new Object[] { ApplicationState.valueOf(rs.getString(1)), rs.getLong(2) })
			.list();
		long seated = rows.stream().filter(r -> r[0] == ApplicationState.SEATED).count();
		long waiting = rows.stream().filter(r -> r[0] == ApplicationState.WAITING).count();
		assertThat(seatedInPool(programme)).isEqualTo((int) seated);
		assertThat(seated).isLessThanOrEqualTo(capacity);
		if (seated < capacity) {
			assertThat(waiting).as("no place stays free while someone waits").isZero();
		}
		assertThat(rows.stream().map(r -> (Long) r[1]).distinct().count()).as("arrival numbers are unique")
			.isEqualTo(rows.size());
		var positions = people.stream()
			.map(p -> recruitment.find(programme, RecruitmentRole.PARTICIPANT, p.id()).orElseThrow())
			.filter(a -> a.state() == ApplicationState.WAITING)
			.map(ApplicationStatus::position)
			.sorted()
			.toList();
		assertThat(positions).isEqualTo(IntStream.rangeClosed(1, (int) waiting).boxed().toList());
		assertPlacesAsCounted(programme);
		assertThat(auditCount(programme)).isPositive();
	}

	/**
	 * A place on the waiting list is read from ranks, not counted (issue 17): after exits
	 * from the middle and the front, promotions, a return to the list, someone accepted
	 * after awaiting approval into the middle, and a new arrival, every place is still
	 * what counting those waiting who arrived earlier gives, as the person and their
	 * e-mails see it.
	 */
	@Test
	void waitingPlacesStayExactAsPeopleLeaveFromAnywhereAndEnterInArrivalOrder() throws Exception {
		var staff = data.staff();
		var programme = programme(staff, 1);
		var people = signUpAll(programme, "p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7");
		call(programme, true, false);
		var awaiting = signUpAll(programme, "awaiting").get(0);
		call(programme, false, false);
		var after = signUpAll(programme, "after").get(0);
		assertThat(states(programme, List.of(people.get(0), people.get(7), awaiting, after)))
			.containsExactly("SEATED 0", "WAITING 7", "AWAITING 0", "WAITING 8");
		assertPlacesAsCounted(programme);

		// From the middle, then from the front, then declined from the middle
		withdraw(programme, people.get(4));
		assertPlacesAsCounted(programme);
		withdraw(programme, people.get(1));
		assertPlacesAsCounted(programme);
		decide(staff, programme, people.get(6), "decline", "Moved away").andExpect(status().is3xxRedirection());
		assertPlacesAsCounted(programme);

		// A place freed goes to the first in line; a seated person returned goes last and
		// their place to the next in line
		decide(staff, programme, people.get(0), "decline", "Not a student").andExpect(status().is3xxRedirection());
		decide(staff, programme, people.get(2), "return", "Asked to defer").andExpect(status().is3xxRedirection());
		assertThat(states(programme, people)).containsExactly("DECLINED 0", "WITHDRAWN 0", "WAITING 4", "SEATED 0",
				"WITHDRAWN 0", "WAITING 1", "DECLINED 0", "WAITING 2");
		assertThat(decidedPosition(programme, people.get(2))).isEqualTo(4);
		assertPlacesAsCounted(programme);

		// Accepted after awaiting approval, with no place free: into the list by arrival,
		// ahead of those who came later
		decide(staff, programme, awaiting, "accept", "Meets the criteria").andExpect(status().is3xxRedirection());
		assertThat(states(programme, List.of(people.get(7), awaiting, after, people.get(2))))
			.containsExactly("WAITING 2", "WAITING 3", "WAITING 4", "WAITING 5");
		assertThat(decidedPosition(programme, awaiting)).isEqualTo(3);
		assertPlacesAsCounted(programme);

		// A seat added, and someone from the middle accepted into it; then the first
		// withdraws
		jdbc.sql("update seat_pool set capacity = 2 where programme_id = ?").param(programme.value()).update();
		decide(staff, programme, people.get(7), "accept", "A seat was added").andExpect(status().is3xxRedirection());
		assertPlacesAsCounted(programme);
		withdraw(programme, people.get(5));
		assertThat(states(programme, List.of(awaiting, after, people.get(2)))).containsExactly("WAITING 1", "WAITING 2",
				"WAITING 3");
		assertPlacesAsCounted(programme);
		// Everyone who left from behind someone is now ahead of the first in line:
		// nothing
		// is left to count
		assertThat(jdbc.sql("select count(*) from waiting_departure where programme_id = ?")
			.param(programme.value())
			.query(Integer.class)
			.single()).isZero();

		// A new arrival joins the end, told its place by e-mail and on its page (the mail
		// comes from the decided batch, whichever request or sweep decided it)
		var last = signUpAll(programme, "last").get(0);
		assertThat(states(programme, List.of(last))).containsExactly("WAITING 4");
		assertThat(Mails.body(Mails.await(mail, last.email(), 1)[0])).contains("in place 4.");
		assertPlacesAsCounted(programme);
	}

	// Helpers

	/**
	 * Declining cannot be undone and tells people: it asks first, saying how many will be
	 * told and who, and nothing changes until the coordinator confirms.
	 */
	@Test
	void decliningAsksFirstWithTheNumberOfPeopleTold() throws Exception {
		var staff = data.staff();
		var programme = programme(staff, 1);
		var people = signUpAll(programme, "seated", "waiting");
		Mails.await(mail, people.get(0).email(), 1);
		Mails.await(mail, people.get(1).email(), 1);
		var path = "/programmes/" + programme.value() + "/applications/" + id(programme, people.get(0)) + "/decline";
		var ask = post(path).with(csrf())
			.with(as(staff.coordinator()))
			.param("reason", "Not a student of ours")
			.param("role", "participant");
		mvc.perform(ask)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Decline this application?")))
			.andExpect(content().string(containsString("2 people will be told by e-mail")))
			.andExpect(content().string(containsString("the first person on the waiting list")))
			.andExpect(content().string(containsString("Decline and tell 2 people")))
			.andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")))
			.andExpect(content().string(containsString("value=\"Not a student of ours\"")));
		assertThat(states(programme, people)).containsExactly("SEATED 0", "WAITING 1");
		assertThat(auditCount(programme)).isZero();
		// Someone waiting, with nobody behind them to move up: one person is told
		mvc.perform(
				post("/programmes/" + programme.value() + "/applications/" + id(programme, people.get(1)) + "/decline")
					.with(csrf())
					.with(as(staff.coordinator()))
					.param("reason", "Asked us to")
					.param("role", "participant"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("One person will be told by e-mail")))
			.andExpect(content().string(not(containsString("the first person on the waiting list"))));
		assertThat(mail.getReceivedMessagesForDomain(people.get(0).email())).hasSize(1);

		// The notice says what really happened: the place went on, or nobody moved up
		mvc.perform(ask.param("confirmed", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "applications.decided.DECLINE.passedOn"));
		assertThat(states(programme, people)).containsExactly("DECLINED 0", "SEATED 0");
		assertThat(auditCount(programme)).isEqualTo(1);
		// The notice travels in the session, as in a browser: the session cookie goes
		// along
		var session = new CookieSession();
		session
			.perform(mvc,
					post("/programmes/" + programme.value() + "/applications/" + id(programme, people.get(1))
							+ "/decline")
						.with(csrf())
						.with(as(staff.coordinator()))
						.param("reason", "Asked us to")
						.param("role", "participant")
						.param("confirmed", "true"))
			.andExpect(flash().attribute("notice", "applications.decided.DECLINE.freed"));
		session
			.perform(mvc,
					get("/programmes/" + programme.value() + "/applications?role=participant")
						.with(as(staff.coordinator())))
			.andExpect(content().string(containsString("Nobody moved up from the waiting list into the place.")))
			.andExpect(content().string(not(containsString("went to the first on the waiting list"))));
	}

	private ProgrammeId programme(TestData.Staff staff, int seats) {
		return data.programme(staff, true,
				data.settings(seats, data.now().minus(Duration.ofDays(1)), EligibilityKind.NONE, null));
	}

	/** Configures the participants' call as the coordinator's call page would. */
	private void call(ProgrammeId programme, boolean approval, boolean reminder) {
		jdbc.sql("delete from recruitment_call where programme_id = ? and role = 'PARTICIPANT'")
			.param(programme.value())
			.update();
		jdbc.sql("""
				insert into recruitment_call (programme_id, role, approval_required, closing_reminder, ask_department,
				                              ask_student_number, questions, consents, updated_at)
				values (?, 'PARTICIPANT', ?, ?, true, false, '[]', '[]', ?)""")
			.params(programme.value(), approval, reminder, Timestamp.from(data.now()))
			.update();
	}

	private List<TestData.Person> signUpAll(ProgrammeId programme, String... names) throws Exception {
		var people = new ArrayList<TestData.Person>();
		for (var name : names) {
			var person = data.person(name);
			mvc.perform(signUp(programme, person)).andExpect(redirectedUrl(statusPath(programme)));
			people.add(person);
		}
		return people;
	}

	private MockHttpServletRequestBuilder signUp(ProgrammeId programme, TestData.Person person) {
		return post("/programmes/" + programme.value() + "/sign-up/participant").with(csrf())
			.with(as(person))
			.param("languages", "EN")
			.param("delivery", "REMOTE")
			.param("consent", "true");
	}

	private ResultActions decide(TestData.Staff staff, ProgrammeId programme, TestData.Person person, String decision,
			String reason) throws Exception {
		return mvc.perform(
				post("/programmes/" + programme.value() + "/applications/" + id(programme, person) + "/" + decision)
					.with(csrf())
					.with(as(staff.coordinator()))
					.param("reason", reason)
					.param("role", "participant")
					.param("confirmed", "true"));
	}

	private ResultActions extend(TestData.Staff staff, ProgrammeId programme, String closes) throws Exception {
		return mvc.perform(post("/programmes/" + programme.value() + "/applications/window").with(csrf())
			.with(as(staff.coordinator()))
			.param("role", "participant")
			.param("closes", closes));
	}

	private ClosingReminders reminders(Instant now) {
		return new ClosingReminders(callStore, applicationStore, transactions, programmes, publisher,
				Clock.fixed(now, ZoneOffset.UTC));
	}

	/**
	 * Runs the task on that many threads released at the same moment, and returns their
	 * answers.
	 */
	private static List<Integer> race(int threads, IntFunction<Integer> task) throws Exception {
		var start = new CountDownLatch(1);
		try (var pool = Executors.newFixedThreadPool(threads)) {
			var futures = new ArrayList<Future<Integer>>();
			for (int i = 0; i < threads; i++) {
				int thread = i;
				futures.add(pool.submit((Callable<Integer>) () -> {
					start.await();
					return task.apply(thread);
				}));
			}
			start.countDown();
			var answers = new ArrayList<Integer>();
			for (var future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
	}

	private static String statusPath(ProgrammeId programme) {
		return "/programmes/" + programme.value() + "/applications/participant";
	}

	private String local(Instant instant) {
		return LocalDateTime.ofInstant(instant, HELSINKI).withSecond(0).withNano(0).toString();
	}

	private Instant closes(ProgrammeId programme, ProgrammeWindow window) {
		return programmes.find(programme).orElseThrow().settings().closes(window);
	}

	private Instant remindedFor(ProgrammeId programme) {
		return jdbc
			.sql("select reminded_closes_at from recruitment_call where programme_id = ? and role = 'PARTICIPANT'")
			.param(programme.value())
			.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single()
			.orElse(null);
	}

	private UUID id(ProgrammeId programme, TestData.Person person) {
		return recruitment.find(programme, RecruitmentRole.PARTICIPANT, person.id()).orElseThrow().id();
	}

	private List<String> states(ProgrammeId programme, List<TestData.Person> people) {
		return people.stream()
			.map(p -> recruitment.find(programme, RecruitmentRole.PARTICIPANT, p.id()).orElseThrow())
			.map(a -> a.state() + " " + a.position())
			.toList();
	}

	private MimeMessage newest(TestData.Person person, int count) {
		var messages = Mails.await(mail, person.email(), count);
		return messages[messages.length - 1];
	}

	private List<String> subjects(TestData.Person person) {
		return Arrays.stream(mail.getReceivedMessagesForDomain(person.email())).map(m -> {
			try {
				return m.getSubject();
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	/**
	 * Every waiting person's place as they see it equals 1 + those waiting who arrived
	 * before them, counted from the rows (what the place was computed as before ranks),
	 * so places run 1..N without gaps.
	 */
	private void assertPlacesAsCounted(ProgrammeId programme) {
		var counted = jdbc.sql("""
				select a.account_id, 1 + (select count(*) from application w
				                           where w.programme_id = a.programme_id and w.role = a.role
				                             and w.state = 'WAITING' and w.arrival < a.arrival)
				  from application a where a.programme_id = ? and a.role = 'PARTICIPANT' and a.state = 'WAITING'""")
			.param(programme.value())
			.query((rs, n) -> Map.entry(new AccountId(rs.getObject(1, UUID.class)), rs.getInt(2)))
			.list();
		for (var person : counted) {
			assertThat(
					recruitment.find(programme, RecruitmentRole.PARTICIPANT, person.getKey()).orElseThrow().position())
				.as("the place of %s", person.getKey())
				.isEqualTo(person.getValue());
		}
		assertThat(counted.stream().map(Map.Entry::getValue).sorted().toList())
			.isEqualTo(IntStream.rangeClosed(1, counted.size()).boxed().toList());
	}

	private void withdraw(ProgrammeId programme, TestData.Person person) throws Exception {
		mvc.perform(post(statusPath(programme) + "/withdraw").with(csrf()).with(as(person)))
			.andExpect(status().is3xxRedirection());
	}

	/** The place the coordinator's last decision about this person put them in. */
	private int decidedPosition(ProgrammeId programme, TestData.Person person) {
		var application = id(programme, person);
		return events.stream(CoordinatorDecided.class)
			.filter(e -> e.application().equals(application))
			.reduce((first, second) -> second)
			.orElseThrow()
			.position();
	}

	private int auditCount(ProgrammeId programme) {
		return jdbc.sql(
				"select count(*) from application_audit t join application a on a.id = t.application_id where a.programme_id = ?")
			.param(programme.value())
			.query(Integer.class)
			.single();
	}

	private int seatedInPool(ProgrammeId programme) {
		return jdbc.sql("select seated from seat_pool where programme_id = ? and role = 'PARTICIPANT'")
			.param(programme.value())
			.query(Integer.class)
			.single();
	}

	private long nextArrival(ProgrammeId programme) {
		return jdbc.sql("select next_arrival from seat_pool where programme_id = ? and role = 'PARTICIPANT'")
			.param(programme.value())
			.query(Long.class)
			.single();
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
