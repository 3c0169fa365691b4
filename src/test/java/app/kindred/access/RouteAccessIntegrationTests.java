package app.kindred.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import app.kindred.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import app.kindred.TestData;
import app.kindred.TestData.Person;
import app.kindred.TestData.Staff;
import app.kindred.organisation.internal.StaffService;
import app.kindred.programme.internal.PlanLibraryService;
import app.kindred.programme.ProgrammeId;

/**
 * Walks every route of the application as anonymous and as every role, and checks each
 * answer against the table below. A route the application has but the table does not name
 * fails the test, so nobody adds a page without deciding who may open it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class RouteAccessIntegrationTests {

	enum Who {

		ANONYMOUS, USER, ORG_ADMIN, COORDINATOR, TEACHER

	}

	/**
	 * What a request answers: allowed (2xx or a redirect within the app), or refused in
	 * one of these ways.
	 */
	enum Outcome {

		OK, SIGN_IN, UNAUTHORIZED, FORBIDDEN, NOT_FOUND,
		/**
		 * Allowed in, but the (deliberately empty) input was refused with a 400, 409 or
		 * 422.
		 */
		REFUSED_INPUT

	}

	record Route(HttpMethod method, String pattern, Function<Fixture, String> url, Map<Who, Outcome> expected) {
	}

	/**
	 * Everything the routes need, made afresh for each role so that one role's changes
	 * never affect another's.
	 */
	record Fixture(Staff staff, UUID draft, UUID published, UUID toPublish, UUID toUnpublish, UUID toArchive,
			UUID invitation, String invitationToken, UUID teacherMembership, UUID plan, UUID shippedVersion) {
	}

	private static final Map<Who, Outcome> PUBLIC = all(Outcome.OK);

	private static final Map<Who, Outcome> SIGNED_IN = except(Outcome.OK, Who.ANONYMOUS, Outcome.SIGN_IN);

	private static final Map<Who, Outcome> ADMIN_ONLY = staff(Outcome.OK, Outcome.FORBIDDEN, Outcome.FORBIDDEN);

	private static final Map<Who, Outcome> ANY_STAFF = staff(Outcome.OK, Outcome.OK, Outcome.OK);

	private static final Map<Who, Outcome> COORDINATOR_ONLY = staff(Outcome.FORBIDDEN, Outcome.OK, Outcome.FORBIDDEN);

	private static final Map<Who, Outcome> NOWHERE = all(Outcome.NOT_FOUND);

	private static final Map<Who, Outcome> ADMIN_OR_COORDINATOR = staff(Outcome.OK, Outcome.OK, Outcome.FORBIDDEN);

	private static final Map<Who, Outcome> ADMIN_OR_COORDINATOR_REFUSED = staff(Outcome.REFUSED_INPUT,
			Outcome.REFUSED_INPUT, Outcome.FORBIDDEN);

	/**
	 * Allowed in, and the empty form sent comes back refused (422) with its errors at the
	 * fields.
	 */
	private static final Map<Who, Outcome> SIGNED_IN_REFUSED = except(Outcome.REFUSED_INPUT, Who.ANONYMOUS,
			Outcome.SIGN_IN);

	private static final Map<Who, Outcome> ADMIN_REFUSED = staff(Outcome.REFUSED_INPUT, Outcome.FORBIDDEN,
			Outcome.FORBIDDEN);

	private static final Map<Who, Outcome> COORDINATOR_REFUSED = staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT,
			Outcome.FORBIDDEN);

	private static final Map<Who, Outcome> API_SIGNED_IN = except(Outcome.OK, Who.ANONYMOUS, Outcome.UNAUTHORIZED);

	static final List<Route> ROUTES = List.of(
			// Public pages
			get("/", f -> "/", PUBLIC), get("/programmes", f -> "/programmes", PUBLIC),
			get("/programmes/{id}", f -> "/programmes/" + f.published(), PUBLIC),
			get("/sign-in", f -> "/sign-in", PUBLIC), get("/register", f -> "/register", PUBLIC),
			post("/register", f -> "/register", all(Outcome.REFUSED_INPUT)),
			get("/register/check-mail", f -> "/register/check-mail", PUBLIC),
			get("/verify", f -> "/verify?token=nonsense", PUBLIC), get("/verify/resend", f -> "/verify/resend", PUBLIC),
			post("/verify/resend", f -> "/verify/resend", all(Outcome.REFUSED_INPUT)),
			get("/password/forgot", f -> "/password/forgot", PUBLIC),
			post("/password/forgot", f -> "/password/forgot", all(Outcome.REFUSED_INPUT)),
			get("/password/reset", f -> "/password/reset?token=nonsense", PUBLIC),
			post("/password/reset", f -> "/password/reset", all(Outcome.REFUSED_INPUT)),
			get("/invitations/{token}", f -> "/invitations/" + f.invitationToken(), PUBLIC),
			// Single sign-on: the way to an organisation's provider (none configured
			// here:
			// back to the sign-in page with the reason); proving an account is one's own
			// needs a provider's sign-in in the session first, and a mailed link
			get("/sign-in/with/{id}", f -> "/sign-in/with/" + org(f), PUBLIC),
			get("/sign-in/link", f -> "/sign-in/link", all(Outcome.SIGN_IN)),
			post("/sign-in/link", f -> "/sign-in/link", all(Outcome.SIGN_IN)),
			post("/sign-in/link/mail", f -> "/sign-in/link/mail", all(Outcome.SIGN_IN)),
			get("/sign-in/link/confirm", f -> "/sign-in/link/confirm?token=nonsense", all(Outcome.NOT_FOUND)),
			post("/sign-in/link/confirm", f -> "/sign-in/link/confirm", all(Outcome.NOT_FOUND)),
			// Certificates: the public verification page (for a code nobody has) and the
			// issuers' profile and keys
			// (none until the organisation signs its first credential); a holder's
			// credential (nobody here holds one)
			get("/verify/{code}", f -> "/verify/0000-0000-0000-0000-0000", all(Outcome.NOT_FOUND)),
			get("/credentials/issuers/{organisation}", f -> "/credentials/issuers/" + org(f), all(Outcome.NOT_FOUND)),
			get("/credentials/issuers/{organisation}/jwks.json", f -> "/credentials/issuers/" + org(f) + "/jwks.json",
					all(Outcome.NOT_FOUND)),
			get("/account/certificates/{certificate}/credential.jwt",
					f -> "/account/certificates/" + UUID.randomUUID() + "/credential.jwt",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			// The development mailbox exists only without SMTP; tests run with SMTP
			get("/dev/mailbox", f -> "/dev/mailbox", NOWHERE), get("/dev/mailbox/{id}", f -> "/dev/mailbox/1", NOWHERE),
			// Operations: health (and its probes) and info for anyone; metrics and every
			// other actuator endpoint only for
			// the operator (HTTP Basic, identity.OperatorSecurity), whom no role here is.
			// That chain never reads a
			// session, so signed-in roles send none here (OperatorAccessIntegrationTests
			// signs in for real)
			get("/actuator/health", f -> "/actuator/health", PUBLIC),
			get("/actuator/health/{probe}", f -> "/actuator/health/readiness", PUBLIC),
			get("/actuator/info", f -> "/actuator/info", PUBLIC),
			get("/actuator/prometheus", f -> "/actuator/prometheus", all(Outcome.UNAUTHORIZED)),
			get("/actuator/publications", f -> "/actuator/publications", all(Outcome.UNAUTHORIZED)),
			get("/actuator", f -> "/actuator", all(Outcome.UNAUTHORIZED)),
			// API documentation
			get("/v3/api-docs", f -> "/v3/api-docs", PUBLIC),
			get("/v3/api-docs.yaml", f -> "/v3/api-docs.yaml", PUBLIC),
			get("/v3/api-docs/swagger-config", f -> "/v3/api-docs/swagger-config", PUBLIC),
			get("/api-docs", f -> "/api-docs", PUBLIC),
			// Anyone signed in
			get("/account", f -> "/account", SIGNED_IN), post("/account", f -> "/account", SIGNED_IN_REFUSED),
			post("/account/password", f -> "/account/password", SIGNED_IN_REFUSED),
			// My data: always the signed-in person's own, so everyone signed in gets
			// theirs
			get("/account/data", f -> "/account/data", SIGNED_IN),
			get("/account/data.json", f -> "/account/data.json", SIGNED_IN),
			get("/account/data.pdf", f -> "/account/data.pdf", SIGNED_IN),
			get("/organisations", f -> "/organisations", SIGNED_IN),
			get("/organisations/new", f -> "/organisations/new", SIGNED_IN),
			post("/organisations", f -> "/organisations", SIGNED_IN_REFUSED),
			// Recruitment: anyone may fill in the form (sending it asks for an account);
			// signed-in people act on their
			// own application only (no application id is ever in the path)
			get("/programmes/{id}/sign-up/{role}", f -> "/programmes/" + f.published() + "/sign-up/participant",
					PUBLIC),
			post("/programmes/{id}/sign-up/{role}", f -> "/programmes/" + f.published() + "/sign-up/mentor",
					all(Outcome.REFUSED_INPUT)),
			get("/programmes/{id}/applications/{role}/answers",
					f -> "/programmes/" + f.published() + "/applications/mentor/answers",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/applications/{role}/answers",
					f -> "/programmes/" + f.published() + "/applications/mentor/answers",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			// Training and supervision: coordinators run it; accepted mentors see their
			// own (nobody here is one)
			get("/programmes/{id}/training", f -> "/programmes/" + f.draft() + "/training", COORDINATOR_ONLY),
			post("/programmes/{id}/training/sessions", f -> "/programmes/" + f.draft() + "/training/sessions",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.FORBIDDEN)),
			get("/programmes/{id}/training/sessions/{session}",
					f -> "/programmes/" + f.draft() + "/training/sessions/" + UUID.randomUUID(),
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			post("/programmes/{id}/training/sessions/{session}/cancel",
					f -> "/programmes/" + f.draft() + "/training/sessions/" + UUID.randomUUID() + "/cancel",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			post("/programmes/{id}/training/sessions/{session}/attendance",
					f -> "/programmes/" + f.draft() + "/training/sessions/" + UUID.randomUUID() + "/attendance",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			post("/programmes/{id}/training/rule", f -> "/programmes/" + f.draft() + "/training/rule",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.FORBIDDEN)),
			post("/programmes/{id}/training/readiness/{mentor}",
					f -> "/programmes/" + f.draft() + "/training/readiness/" + UUID.randomUUID(),
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			get("/programmes/{id}/my-training", f -> "/programmes/" + f.published() + "/my-training",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/my-training/{session}/response",
					f -> "/programmes/" + f.published() + "/my-training/" + UUID.randomUUID() + "/response",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			get("/programmes/{id}/my-training/{session}/calendar.ics",
					f -> "/programmes/" + f.published() + "/my-training/" + UUID.randomUUID() + "/calendar.ics",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			// Forming groups: the programme's coordinators
			get("/programmes/{id}/groups", f -> "/programmes/" + f.draft() + "/groups", COORDINATOR_ONLY),
			get("/programmes/{id}/groups/progress", f -> "/programmes/" + f.draft() + "/groups/progress",
					COORDINATOR_ONLY),
			post("/programmes/{id}/groups/run", f -> "/programmes/" + f.draft() + "/groups/run",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.FORBIDDEN)),
			post("/programmes/{id}/groups/stop", f -> "/programmes/" + f.draft() + "/groups/stop", COORDINATOR_ONLY),
			post("/programmes/{id}/groups/move", f -> "/programmes/" + f.draft() + "/groups/move",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			post("/programmes/{id}/groups/pin", f -> "/programmes/" + f.draft() + "/groups/pin",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			post("/programmes/{id}/groups/swap", f -> "/programmes/" + f.draft() + "/groups/swap",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			post("/programmes/{id}/groups/add", f -> "/programmes/" + f.draft() + "/groups/add",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			post("/programmes/{id}/groups/remove", f -> "/programmes/" + f.draft() + "/groups/remove",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			post("/programmes/{id}/groups/preferences", f -> "/programmes/" + f.draft() + "/groups/preferences",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.FORBIDDEN)),
			post("/programmes/{id}/groups/publish", f -> "/programmes/" + f.draft() + "/groups/publish",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.FORBIDDEN)),
			// Changing published groups: the programme's coordinators; nobody named is
			// nobody found
			post("/programmes/{id}/groups/published/add", f -> "/programmes/" + f.draft() + "/groups/published/add",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			post("/programmes/{id}/groups/published/remove",
					f -> "/programmes/" + f.draft() + "/groups/published/remove",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			post("/programmes/{id}/groups/published/move", f -> "/programmes/" + f.draft() + "/groups/published/move",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			get("/programmes/{id}/my-group", f -> "/programmes/" + f.published() + "/my-group",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			// Meetings: the coordinator's page and breaks; a meeting or a group's place
			// is changed by the group's mentors
			// and the coordinators (nobody here leads a group, and the ids are nobody's);
			// members see their own
			get("/programmes/{id}/meetings", f -> "/programmes/" + f.draft() + "/meetings", COORDINATOR_ONLY),
			post("/programmes/{id}/meetings/breaks", f -> "/programmes/" + f.draft() + "/meetings/breaks",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.FORBIDDEN)),
			post("/programmes/{id}/meetings/breaks/{breakId}/remove",
					f -> "/programmes/" + f.draft() + "/meetings/breaks/" + UUID.randomUUID() + "/remove",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			get("/programmes/{id}/meetings/{meeting}",
					f -> "/programmes/" + f.published() + "/meetings/" + UUID.randomUUID(),
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/meetings/{meeting}/reschedule",
					f -> "/programmes/" + f.published() + "/meetings/" + UUID.randomUUID() + "/reschedule",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/meetings/{meeting}/place",
					f -> "/programmes/" + f.published() + "/meetings/" + UUID.randomUUID() + "/place",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/meetings/{meeting}/cancel",
					f -> "/programmes/" + f.published() + "/meetings/" + UUID.randomUUID() + "/cancel",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			get("/programmes/{id}/meetings/groups/{group}",
					f -> "/programmes/" + f.published() + "/meetings/groups/" + UUID.randomUUID(),
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/meetings/groups/{group}/place",
					f -> "/programmes/" + f.published() + "/meetings/groups/" + UUID.randomUUID() + "/place",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			get("/programmes/{id}/my-meetings", f -> "/programmes/" + f.published() + "/my-meetings",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			get("/programmes/{id}/my-meetings/{meeting}/calendar.ics",
					f -> "/programmes/" + f.published() + "/my-meetings/" + UUID.randomUUID() + "/calendar.ics",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			// The mentor pair's workspace: the group's mentors and the programme's
			// coordinators (nobody here leads a
			// group, and the ids are nobody's, so even coordinators get 404); the
			// coordinators' view of the groups' progress
			get("/programmes/{id}/groups/{group}/workspace",
					f -> "/programmes/" + f.published() + "/groups/" + UUID.randomUUID() + "/workspace",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/groups/{group}/workspace/attention",
					f -> "/programmes/" + f.published() + "/groups/" + UUID.randomUUID() + "/workspace/attention",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/groups/{group}/workspace/attention/resolve",
					f -> "/programmes/" + f.published() + "/groups/" + UUID.randomUUID()
							+ "/workspace/attention/resolve",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			get("/programmes/{id}/groups/{group}/workspace/meetings/{meeting}",
					f -> "/programmes/" + f.published() + "/groups/" + UUID.randomUUID() + "/workspace/meetings/"
							+ UUID.randomUUID(),
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/groups/{group}/workspace/meetings/{meeting}/notes",
					f -> "/programmes/" + f.published() + "/groups/" + UUID.randomUUID() + "/workspace/meetings/"
							+ UUID.randomUUID() + "/notes",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/groups/{group}/workspace/meetings/{meeting}/attendance",
					f -> "/programmes/" + f.published() + "/groups/" + UUID.randomUUID() + "/workspace/meetings/"
							+ UUID.randomUUID() + "/attendance",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/groups/{group}/workspace/meetings/{meeting}/debrief",
					f -> "/programmes/" + f.published() + "/groups/" + UUID.randomUUID() + "/workspace/meetings/"
							+ UUID.randomUUID() + "/debrief",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			get("/programmes/{id}/progress", f -> "/programmes/" + f.published() + "/progress", COORDINATOR_ONLY),
			// Course, own objectives and self-evaluation: the credit-seeking mentor
			// herself only
			// (nobody here is one, so every role gets 404)
			get("/programmes/{id}/course/objectives", f -> "/programmes/" + f.published() + "/course/objectives",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/course/objectives", f -> "/programmes/" + f.published() + "/course/objectives",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			get("/programmes/{id}/course/self-evaluation",
					f -> "/programmes/" + f.published() + "/course/self-evaluation",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/course/self-evaluation",
					f -> "/programmes/" + f.published() + "/course/self-evaluation",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			// The course, teachers' assessment and result (issue 13): the organisation's
			// teachers assess (other staff 403); the mentor ids are nobody's (404) and
			// the
			// empty export is refused; only a credit-seeking mentor reads her result, and
			// nobody here is one
			get("/programmes/{id}/assessment", f -> "/programmes/" + f.published() + "/assessment",
					staff(Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.OK)),
			get("/programmes/{id}/assessment/{mentor}",
					f -> "/programmes/" + f.published() + "/assessment/" + UUID.randomUUID(),
					staff(Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.NOT_FOUND)),
			post("/programmes/{id}/assessment/{mentor}",
					f -> "/programmes/" + f.published() + "/assessment/" + UUID.randomUUID(),
					staff(Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.NOT_FOUND)),
			get("/programmes/{id}/assessment/export", f -> "/programmes/" + f.published() + "/assessment/export",
					staff(Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.OK)),
			post("/programmes/{id}/assessment/export", f -> "/programmes/" + f.published() + "/assessment/export",
					staff(Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.REFUSED_INPUT)),
			get("/programmes/{id}/course/result", f -> "/programmes/" + f.published() + "/course/result",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			// The course, peer evaluation: a credit-seeking mentor's own pages only
			// (nobody
			// here is one, and the co-mentor id is nobody's)
			get("/programmes/{id}/course/peer", f -> "/programmes/" + f.published() + "/course/peer",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			get("/programmes/{id}/course/peer/{coMentor}",
					f -> "/programmes/" + f.published() + "/course/peer/" + UUID.randomUUID(),
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/course/peer/{coMentor}",
					f -> "/programmes/" + f.published() + "/course/peer/" + UUID.randomUUID(),
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			// The course (hub): its settings are the coordinators' and teachers' (the
			// fixture's
			// programme is not run for credits, so saving is refused with a 409); the
			// course
			// page is a credit-seeking mentor's own, and nobody here is one
			get("/programmes/{id}/course/settings", f -> "/programmes/" + f.published() + "/course/settings",
					staff(Outcome.FORBIDDEN, Outcome.OK, Outcome.OK)),
			post("/programmes/{id}/course/settings", f -> "/programmes/" + f.published() + "/course/settings",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.REFUSED_INPUT)),
			get("/programmes/{id}/course", f -> "/programmes/" + f.published() + "/course",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			// Announcements: the programme's coordinators write them (the empty form is
			// refused at its fields); only
			// a recipient dismisses one from their Home, and nobody here received this
			// one
			get("/programmes/{id}/announcements", f -> "/programmes/" + f.published() + "/announcements",
					COORDINATOR_ONLY),
			post("/programmes/{id}/announcements", f -> "/programmes/" + f.published() + "/announcements",
					COORDINATOR_REFUSED),
			post("/announcements/{id}/dismiss", f -> "/announcements/" + UUID.randomUUID() + "/dismiss",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			// Certificates (issue 14): the programme's coordinators issue, revoke and set
			// the rule (nobody qualifies here, so issuing to all issues nothing; the
			// person and certificate ids are nobody's; empty forms are refused); only a
			// participant of a programme that offers it asks for a participation
			// certificate, and this one does not
			get("/programmes/{id}/certificates", f -> "/programmes/" + f.published() + "/certificates",
					COORDINATOR_ONLY),
			post("/programmes/{id}/certificates/issue", f -> "/programmes/" + f.published() + "/certificates/issue",
					COORDINATOR_ONLY),
			post("/programmes/{id}/certificates/issue/{account}",
					f -> "/programmes/" + f.published() + "/certificates/issue/" + UUID.randomUUID(),
					COORDINATOR_REFUSED),
			post("/programmes/{id}/certificates/{certificate}/revoke",
					f -> "/programmes/" + f.published() + "/certificates/" + UUID.randomUUID() + "/revoke",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			get("/programmes/{id}/certificates/settings",
					f -> "/programmes/" + f.published() + "/certificates/settings", COORDINATOR_ONLY),
			post("/programmes/{id}/certificates/settings",
					f -> "/programmes/" + f.published() + "/certificates/settings", COORDINATOR_REFUSED),
			post("/programmes/{id}/certificates/request", f -> "/programmes/" + f.published() + "/certificates/request",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			// Surveys (issue 15): the programme's coordinators schedule them (the usual
			// set
			// from the term's dates; an empty form is refused; the survey ids are
			// nobody's); answering by link needs no sign-in (a token nobody was sent is
			// not found), signed in only for whoever the survey invited (nobody here)
			get("/programmes/{id}/surveys", f -> "/programmes/" + f.published() + "/surveys", COORDINATOR_ONLY),
			post("/programmes/{id}/surveys/usual", f -> "/programmes/" + f.published() + "/surveys/usual",
					COORDINATOR_ONLY),
			post("/programmes/{id}/surveys", f -> "/programmes/" + f.published() + "/surveys", COORDINATOR_REFUSED),
			post("/programmes/{id}/surveys/{survey}/window",
					f -> "/programmes/" + f.published() + "/surveys/" + UUID.randomUUID() + "/window",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			post("/programmes/{id}/surveys/{survey}/remove",
					f -> "/programmes/" + f.published() + "/surveys/" + UUID.randomUUID() + "/remove",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			get("/surveys/answer/{token}", f -> "/surveys/answer/nonsense", all(Outcome.NOT_FOUND)),
			post("/surveys/answer/{token}", f -> "/surveys/answer/nonsense", all(Outcome.NOT_FOUND)),
			get("/surveys/thanks", f -> "/surveys/thanks", PUBLIC),
			get("/surveys/{survey}", f -> "/surveys/" + UUID.randomUUID(),
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/surveys/{survey}", f -> "/surveys/" + UUID.randomUUID(),
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			// Feedback report (issue 15): the programme's coordinators and the
			// organisation's teachers read it and its PDF; only coordinators choose
			// quotes
			// (nothing ticked: none chosen) and download the raw answers (the survey id
			// is
			// nobody's)
			get("/programmes/{id}/feedback", f -> "/programmes/" + f.published() + "/feedback",
					staff(Outcome.FORBIDDEN, Outcome.OK, Outcome.OK)),
			get("/programmes/{id}/feedback.pdf", f -> "/programmes/" + f.published() + "/feedback.pdf?language=fi",
					staff(Outcome.FORBIDDEN, Outcome.OK, Outcome.OK)),
			post("/programmes/{id}/feedback/quotes", f -> "/programmes/" + f.published() + "/feedback/quotes",
					COORDINATOR_ONLY),
			get("/programmes/{id}/surveys/{survey}/answers.csv",
					f -> "/programmes/" + f.published() + "/surveys/" + UUID.randomUUID() + "/answers.csv",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			// Learning diary (course): only the mentor herself writes and reads her diary
			// (nobody here is one); coordinators and teachers set the prompts (the empty
			// form keeps Kindred's own); a shared entry is the teachers' to read (the ids
			// are nobody's), coordinators' only where the course allows
			get("/programmes/{id}/course/diary", f -> "/programmes/" + f.published() + "/course/diary",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			get("/programmes/{id}/course/diary/new", f -> "/programmes/" + f.published() + "/course/diary/new",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/course/diary/new", f -> "/programmes/" + f.published() + "/course/diary/new",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			get("/programmes/{id}/course/diary/{entry}",
					f -> "/programmes/" + f.published() + "/course/diary/" + UUID.randomUUID(),
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/course/diary/{entry}",
					f -> "/programmes/" + f.published() + "/course/diary/" + UUID.randomUUID(),
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/course/diary/{entry}/share",
					f -> "/programmes/" + f.published() + "/course/diary/" + UUID.randomUUID() + "/share",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/course/diary/submit", f -> "/programmes/" + f.published() + "/course/diary/submit",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			get("/programmes/{id}/course/diary.pdf", f -> "/programmes/" + f.published() + "/course/diary.pdf",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			get("/programmes/{id}/course/settings/prompts",
					f -> "/programmes/" + f.published() + "/course/settings/prompts",
					staff(Outcome.FORBIDDEN, Outcome.OK, Outcome.OK)),
			post("/programmes/{id}/course/settings/prompts",
					f -> "/programmes/" + f.published() + "/course/settings/prompts",
					staff(Outcome.FORBIDDEN, Outcome.OK, Outcome.OK)),
			get("/programmes/{id}/assessment/{mentor}/diary/{entry}",
					f -> "/programmes/" + f.published() + "/assessment/" + UUID.randomUUID() + "/diary/"
							+ UUID.randomUUID(),
					staff(Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.NOT_FOUND)),
			// Calendar feeds: everyone signed in has their own; the feed itself opens
			// with its secret, not a sign-in
			get("/calendar", f -> "/calendar", SIGNED_IN), post("/calendar/reset", f -> "/calendar/reset", SIGNED_IN),
			get("/calendar/feed/{token}.ics", f -> "/calendar/feed/" + UUID.randomUUID() + ".ics", NOWHERE),
			// Session plans: staff of the organisation read; its coordinators copy, edit,
			// publish and pick (the fixture's
			// plan is the organisation's own copy, with a draft to publish)
			get("/organisations/{orgId}/plans", f -> "/organisations/" + org(f) + "/plans", ANY_STAFF),
			post("/organisations/{orgId}/plans/copy",
					f -> "/organisations/" + org(f) + "/plans/copy?version=" + f.shippedVersion(), COORDINATOR_ONLY),
			get("/organisations/{orgId}/plans/{planId}", f -> "/organisations/" + org(f) + "/plans/" + f.plan(),
					ANY_STAFF),
			get("/organisations/{orgId}/plans/{planId}/meetings/{number}",
					f -> "/organisations/" + org(f) + "/plans/" + f.plan() + "/meetings/1", COORDINATOR_ONLY),
			post("/organisations/{orgId}/plans/{planId}/meetings/{number}",
					f -> "/organisations/" + org(f) + "/plans/" + f.plan() + "/meetings/1",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.FORBIDDEN)),
			post("/organisations/{orgId}/plans/{planId}/publish",
					f -> "/organisations/" + org(f) + "/plans/" + f.plan() + "/publish", COORDINATOR_ONLY),
			get("/programmes/{id}/plan", f -> "/programmes/" + f.draft() + "/plan", ANY_STAFF),
			post("/programmes/{id}/plan", f -> "/programmes/" + f.draft() + "/plan",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.FORBIDDEN)),
			// Setting up calls: the programme's coordinators
			get("/programmes/{id}/calls/{role}", f -> "/programmes/" + f.draft() + "/calls/mentor", COORDINATOR_ONLY),
			get("/programmes/{id}/calls/{role}/preview", f -> "/programmes/" + f.draft() + "/calls/mentor/preview",
					COORDINATOR_ONLY),
			post("/programmes/{id}/calls/{role}", f -> "/programmes/" + f.draft() + "/calls/mentor", COORDINATOR_ONLY),
			post("/programmes/{id}/calls/{role}/questions", f -> "/programmes/" + f.draft() + "/calls/mentor/questions",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.FORBIDDEN)),
			post("/programmes/{id}/calls/{role}/questions/{question}/remove",
					f -> "/programmes/" + f.draft() + "/calls/mentor/questions/qnothere/remove",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			post("/programmes/{id}/calls/{role}/consents", f -> "/programmes/" + f.draft() + "/calls/mentor/consents",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.FORBIDDEN)),
			post("/programmes/{id}/calls/{role}/consents/{consent}/remove",
					f -> "/programmes/" + f.draft() + "/calls/mentor/consents/cnothere/remove",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			post("/programmes/{id}/calls/{role}/slots", f -> "/programmes/" + f.draft() + "/calls/mentor/slots",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.FORBIDDEN)),
			post("/programmes/{id}/calls/{role}/slots/{slot}/remove",
					f -> "/programmes/" + f.draft() + "/calls/mentor/slots/MON1600/remove",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			get("/programmes/{id}/applications/{role}", f -> "/programmes/" + f.published() + "/applications/mentor",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			get("/programmes/{id}/applications/{role}/withdraw",
					f -> "/programmes/" + f.published() + "/applications/mentor/withdraw",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/applications/{role}/withdraw",
					f -> "/programmes/" + f.published() + "/applications/mentor/withdraw",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			get("/programmes/{id}/applications", f -> "/programmes/" + f.published() + "/applications",
					COORDINATOR_ONLY),
			// Coordinators' decisions: without a reason (and with an id that is nobody's)
			// they are refused as input
			post("/programmes/{id}/applications/{applicationId}/accept",
					f -> "/programmes/" + f.published() + "/applications/" + UUID.randomUUID() + "/accept",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.FORBIDDEN)),
			post("/programmes/{id}/applications/{applicationId}/decline",
					f -> "/programmes/" + f.published() + "/applications/" + UUID.randomUUID() + "/decline",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.FORBIDDEN)),
			post("/programmes/{id}/applications/{applicationId}/return",
					f -> "/programmes/" + f.published() + "/applications/" + UUID.randomUUID() + "/return",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.FORBIDDEN)),
			// Extending a window: without a new closing time it is refused as input
			post("/programmes/{id}/applications/window", f -> "/programmes/" + f.published() + "/applications/window",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.FORBIDDEN)),
			get("/programmes/{id}/applications.csv", f -> "/programmes/" + f.published() + "/applications.csv",
					COORDINATOR_ONLY),
			get("/invitations/{token}/sign-in", f -> "/invitations/" + f.invitationToken() + "/sign-in", SIGNED_IN),
			post("/invitations/{token}", f -> "/invitations/" + f.invitationToken(), SIGNED_IN),
			// Organisation staff
			get("/organisations/{id}", f -> "/organisations/" + org(f), ANY_STAFF),
			get("/organisations/{id}/settings", f -> "/organisations/" + org(f) + "/settings", ADMIN_ONLY),
			post("/organisations/{id}/settings", f -> "/organisations/" + org(f) + "/settings", ADMIN_REFUSED),
			get("/organisations/{id}/staff", f -> "/organisations/" + org(f) + "/staff", ADMIN_ONLY),
			post("/organisations/{id}/staff/invitations", f -> "/organisations/" + org(f) + "/staff/invitations",
					ADMIN_REFUSED),
			post("/organisations/{id}/staff/invitations/{invitationId}/revoke",
					f -> "/organisations/" + org(f) + "/staff/invitations/" + f.invitation() + "/revoke", ADMIN_ONLY),
			post("/organisations/{id}/staff/{membershipId}/remove",
					f -> "/organisations/" + org(f) + "/staff/" + f.teacherMembership() + "/remove", ADMIN_ONLY),
			// Networks: the fixture's organisation is a university; its admins see the
			// invitations waiting, and an empty invitation is refused; the networks and
			// members in the paths are nobody's
			get("/organisations/{id}/network", f -> "/organisations/" + org(f) + "/network", ADMIN_ONLY),
			post("/organisations/{id}/network/members", f -> "/organisations/" + org(f) + "/network/members",
					ADMIN_REFUSED),
			post("/organisations/{id}/network/members/{member}/remove",
					f -> "/organisations/" + org(f) + "/network/members/" + UUID.randomUUID() + "/remove",
					staff(Outcome.NOT_FOUND, Outcome.FORBIDDEN, Outcome.FORBIDDEN)),
			post("/organisations/{id}/network/memberships/{network}/accept",
					f -> "/organisations/" + org(f) + "/network/memberships/" + UUID.randomUUID() + "/accept",
					staff(Outcome.NOT_FOUND, Outcome.FORBIDDEN, Outcome.FORBIDDEN)),
			post("/organisations/{id}/network/memberships/{network}/decline",
					f -> "/organisations/" + org(f) + "/network/memberships/" + UUID.randomUUID() + "/decline",
					staff(Outcome.NOT_FOUND, Outcome.FORBIDDEN, Outcome.FORBIDDEN)),
			post("/organisations/{id}/network/memberships/{network}/leave",
					f -> "/organisations/" + org(f) + "/network/memberships/" + UUID.randomUUID() + "/leave",
					staff(Outcome.NOT_FOUND, Outcome.FORBIDDEN, Outcome.FORBIDDEN)),
			// The network's report: a university has none, for anyone
			get("/organisations/{id}/report", f -> "/organisations/" + org(f) + "/report",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			// The organisation's logo for its certificates: its admins (an upload without
			// a
			// file is refused at its field)
			get("/organisations/{id}/logo", f -> "/organisations/" + org(f) + "/logo", ADMIN_ONLY),
			post("/organisations/{id}/logo", f -> "/organisations/" + org(f) + "/logo", ADMIN_REFUSED),
			post("/organisations/{id}/logo/remove", f -> "/organisations/" + org(f) + "/logo/remove", ADMIN_ONLY),
			// Sign-in through the organisation's provider: its settings, for its admins
			get("/organisations/{id}/sign-in", f -> "/organisations/" + org(f) + "/sign-in", ADMIN_ONLY),
			post("/organisations/{id}/sign-in", f -> "/organisations/" + org(f) + "/sign-in", ADMIN_REFUSED),
			// Erasure (issue 16): anyone signed in asks about their own account (asking
			// records a request, which the next route withdraws); the organisation's
			// coordinators see and decide requests (the request ids are nobody's); its
			// admins set retention and the checks (an empty form is refused)
			get("/account/erasure", f -> "/account/erasure", SIGNED_IN),
			post("/account/erasure", f -> "/account/erasure", SIGNED_IN),
			post("/account/erasure/withdraw", f -> "/account/erasure/withdraw", SIGNED_IN),
			get("/organisations/{id}/erasures", f -> "/organisations/" + org(f) + "/erasures", COORDINATOR_ONLY),
			get("/organisations/{id}/erasures/{request}",
					f -> "/organisations/" + org(f) + "/erasures/" + UUID.randomUUID(),
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			post("/organisations/{id}/erasures/{request}/erase",
					f -> "/organisations/" + org(f) + "/erasures/" + UUID.randomUUID() + "/erase",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			post("/organisations/{id}/erasures/{request}/refuse",
					f -> "/organisations/" + org(f) + "/erasures/" + UUID.randomUUID() + "/refuse",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.FORBIDDEN)),
			get("/organisations/{id}/retention", f -> "/organisations/" + org(f) + "/retention", ADMIN_ONLY),
			post("/organisations/{id}/retention", f -> "/organisations/" + org(f) + "/retention", ADMIN_REFUSED),
			// Audit and privacy notices: the organisation's record and its notice's
			// editing for
			// its admins, the public notices for anyone, each person's own record
			get("/organisations/{id}/audit", f -> "/organisations/" + org(f) + "/audit", ADMIN_ONLY),
			get("/organisations/{id}/privacy-notice/edit", f -> "/organisations/" + org(f) + "/privacy-notice/edit",
					ADMIN_ONLY),
			post("/organisations/{id}/privacy-notice/edit", f -> "/organisations/" + org(f) + "/privacy-notice/edit",
					ADMIN_ONLY),
			get("/organisations/{id}/privacy", f -> "/organisations/" + org(f) + "/privacy", PUBLIC),
			get("/privacy", f -> "/privacy", PUBLIC), get("/account/audit", f -> "/account/audit", SIGNED_IN),
			post("/account/privacy-notice/seen", f -> "/account/privacy-notice/seen", SIGNED_IN),
			// Survey forms: the library, previews and copies for admins and coordinators,
			// imports for admins (without a file refused at its field). The copy made
			// here
			// is edited by the routes after it (empty forms refused), then deleted.
			get("/organisations/{id}/surveys", f -> surveys(f), ADMIN_OR_COORDINATOR),
			post("/organisations/{id}/surveys/import", f -> surveys(f) + "/import", ADMIN_REFUSED),
			get("/organisations/{id}/surveys/{key}", f -> surveys(f) + "/kindred-self-compassion",
					ADMIN_OR_COORDINATOR),
			post("/organisations/{id}/surveys/{key}/copy", f -> surveys(f) + "/kindred-participant-feedback/copy",
					ADMIN_OR_COORDINATOR),
			get("/organisations/{id}/surveys/{key}/edit", f -> copy(f) + "/edit", ADMIN_OR_COORDINATOR),
			post("/organisations/{id}/surveys/{key}/edit", f -> copy(f) + "/edit", ADMIN_OR_COORDINATOR_REFUSED),
			get("/organisations/{id}/surveys/{key}/questions/new", f -> copy(f) + "/questions/new",
					ADMIN_OR_COORDINATOR),
			post("/organisations/{id}/surveys/{key}/questions", f -> copy(f) + "/questions",
					ADMIN_OR_COORDINATOR_REFUSED),
			get("/organisations/{id}/surveys/{key}/questions/{question}", f -> copy(f) + "/questions/wellbeing",
					ADMIN_OR_COORDINATOR),
			post("/organisations/{id}/surveys/{key}/questions/{question}", f -> copy(f) + "/questions/wellbeing",
					ADMIN_OR_COORDINATOR_REFUSED),
			post("/organisations/{id}/surveys/{key}/questions/{question}/remove",
					f -> copy(f) + "/questions/improve/remove", ADMIN_OR_COORDINATOR),
			post("/organisations/{id}/surveys/{key}/delete", f -> copy(f) + "/delete", ADMIN_OR_COORDINATOR),
			// A certificate's PDF: its holder's and its programme's coordinators' (the id
			// is
			// nobody's, so everyone signed in finds nothing)
			get("/account/certificates/{certificate}.pdf",
					f -> "/account/certificates/" + UUID.randomUUID() + ".pdf?language=fi",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			get("/organisations/{orgId}/programmes", f -> "/organisations/" + org(f) + "/programmes", ANY_STAFF),
			get("/organisations/{orgId}/programmes/new", f -> "/organisations/" + org(f) + "/programmes/new",
					COORDINATOR_ONLY),
			post("/organisations/{orgId}/programmes", f -> "/organisations/" + org(f) + "/programmes",
					COORDINATOR_REFUSED),
			get("/programmes/{id}/manage", f -> "/programmes/" + f.draft() + "/manage", ANY_STAFF),
			get("/programmes/{id}/edit", f -> "/programmes/" + f.draft() + "/edit", COORDINATOR_ONLY),
			post("/programmes/{id}/edit", f -> "/programmes/" + f.draft() + "/edit", COORDINATOR_REFUSED),
			post("/programmes/{id}/publish", f -> "/programmes/" + f.toPublish() + "/publish", COORDINATOR_ONLY),
			post("/programmes/{id}/unpublish", f -> "/programmes/" + f.toUnpublish() + "/unpublish", COORDINATOR_ONLY),
			post("/programmes/{id}/archive", f -> "/programmes/" + f.toArchive() + "/archive", COORDINATOR_ONLY),
			post("/programmes/{id}/copy", f -> "/programmes/" + f.published() + "/copy", COORDINATOR_ONLY),
			// The course: workload and reading list (a mentor's own pages, nobody here
			// is one; the reading list's settings for the programme's coordinators and
			// teachers)
			get("/programmes/{id}/course/workload", f -> "/programmes/" + f.published() + "/course/workload",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/course/workload", f -> "/programmes/" + f.published() + "/course/workload",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/course/workload/{entry}/delete",
					f -> "/programmes/" + f.published() + "/course/workload/" + UUID.randomUUID() + "/delete",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			get("/programmes/{id}/course/reading", f -> "/programmes/" + f.published() + "/course/reading",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			post("/programmes/{id}/course/reading", f -> "/programmes/" + f.published() + "/course/reading",
					except(Outcome.NOT_FOUND, Who.ANONYMOUS, Outcome.SIGN_IN)),
			get("/programmes/{id}/course/settings/reading",
					f -> "/programmes/" + f.published() + "/course/settings/reading",
					staff(Outcome.FORBIDDEN, Outcome.OK, Outcome.OK)),
			post("/programmes/{id}/course/settings/reading",
					f -> "/programmes/" + f.published() + "/course/settings/reading",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.REFUSED_INPUT)),
			post("/programmes/{id}/course/settings/reading/{entry}/remove",
					f -> "/programmes/" + f.published() + "/course/settings/reading/" + UUID.randomUUID() + "/remove",
					staff(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.NOT_FOUND)),
			post("/programmes/{id}/course/settings/reading/{entry}/move",
					f -> "/programmes/" + f.published() + "/course/settings/reading/" + UUID.randomUUID() + "/move",
					staff(Outcome.FORBIDDEN, Outcome.REFUSED_INPUT, Outcome.REFUSED_INPUT)),
			// JSON API
			get("/api/v1/organisations", f -> "/api/v1/organisations", API_SIGNED_IN),
			post("/api/v1/organisations", f -> "/api/v1/organisations", API_SIGNED_IN),
			get("/api/v1/organisations/{id}", f -> "/api/v1/organisations/" + org(f), api(ANY_STAFF)),
			new Route(HttpMethod.PUT, "/api/v1/organisations/{id}", f -> "/api/v1/organisations/" + org(f),
					api(ADMIN_ONLY)),
			get("/api/v1/organisations/{orgId}/programmes", f -> "/api/v1/organisations/" + org(f) + "/programmes",
					api(ANY_STAFF)),
			post("/api/v1/organisations/{orgId}/programmes", f -> "/api/v1/organisations/" + org(f) + "/programmes",
					api(COORDINATOR_ONLY)),
			get("/api/v1/programmes/{id}", f -> "/api/v1/programmes/" + f.draft(), api(ANY_STAFF)),
			new Route(HttpMethod.PUT, "/api/v1/programmes/{id}", f -> "/api/v1/programmes/" + f.draft(),
					api(COORDINATOR_ONLY)));

	/**
	 * A valid body, so that API answers show the access decision and not a validation
	 * error.
	 */
	static final String VALID_PROGRAMME = """
			{"nameEn": "API programme", "descriptionEn": "Made through the API.", "groupLanguages": ["EN"],
			 "eligibilityKind": "NONE", "remote": true, "termStart": "2027-09-01", "termEnd": "2027-12-18",
			 "mentorCallOpens": "2027-08-15T09:00", "mentorCallCloses": "2027-09-13T23:59", "mentorSeats": 16,
			 "signupOpens": "2027-09-20T09:00", "signupCloses": "2027-10-15T23:59", "participantSeats": 64,
			 "trainingCount": 3, "trainingHours": 3.5, "meetingCount": 6, "meetingHours": 2, "meetingIntervalWeeks": 1,
			 "groupMax": 10, "groupMin": 4, "mentorsPerGroup": 2, "certificate": true,
			 "contactName": "Coordinator", "contactEmail": "coordinator@test.example"}""";

	static final String VALID_ORGANISATION = """
			{"name": "API University", "kind": "UNIVERSITY", "defaultLanguage": "FI", "timeZone": "Europe/Helsinki"}""";

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TestData data;

	@Autowired
	StaffService staffService;

	@Autowired
	UserDetailsService users;

	@Autowired
	PlanLibraryService sessionPlans;

	@Test
	void everyRouteIsInTheTable() {
		var listed = ROUTES.stream().map(r -> r.method() + " " + r.pattern()).toList();
		assertThat(StaffFixture.unlistedRoutes(mappings, listed)).as("routes without an expected outcome per role")
			.isEmpty();
	}

	@Test
	void everyRoleGetsTheExpectedAnswerOnEveryRoute() throws Exception {
		var failures = new ArrayList<String>();
		for (var who : Who.values()) {
			var fixture = fixture();
			for (var route : ROUTES) {
				var expected = route.expected().get(who);
				var actual = outcome(perform(route, fixture, who));
				if (actual != expected) {
					failures.add("%s %s as %s: expected %s, got %s".formatted(route.method(),
							route.url().apply(fixture), who, expected, actual));
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	private MvcResult perform(Route route, Fixture fixture, Who who) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(route.method(),
				route.url().apply(fixture));
		var api = route.pattern().startsWith("/api/");
		if (api) {
			var body = route.pattern().contains("programmes") ? VALID_PROGRAMME : VALID_ORGANISATION;
			request.contentType(MediaType.APPLICATION_JSON).content(body).accept(MediaType.APPLICATION_JSON);
		}
		else if (route.method() != HttpMethod.GET) {
			request.with(csrf());
		}
		var person = person(fixture, who);
		if (person != null && !route.pattern().startsWith("/actuator")) {
			request.with(api ? httpBasic(person.email(), TestData.PASSWORD)
					: user(users.loadUserByUsername(person.email())));
		}
		return mvc.perform(request).andReturn();
	}

	private static Outcome outcome(MvcResult result) {
		var status = result.getResponse().getStatus();
		var location = result.getResponse().getRedirectedUrl();
		if (status == 302 && location != null && location.endsWith("/sign-in")) {
			return Outcome.SIGN_IN;
		}
		return switch (status) {
			case 401 -> Outcome.UNAUTHORIZED;
			case 403 -> Outcome.FORBIDDEN;
			case 404 -> Outcome.NOT_FOUND;
			case 400, 409, 422 -> Outcome.REFUSED_INPUT;
			default -> status < 400 ? Outcome.OK : null;
		};
	}

	private Fixture fixture() {
		var made = StaffFixture.make(data, staffService, sessionPlans, events);
		var staff = made.staff();
		return new Fixture(staff, id(data.programme(staff, false)), id(data.programme(staff, true)),
				id(data.programme(staff, false)), id(data.programme(staff, true)), id(data.programme(staff, false)),
				made.invitation(), made.invitationToken(), made.teacherMembership(), made.plan(),
				made.shippedVersion());
	}

	private static UUID id(ProgrammeId id) {
		return id.value();
	}

	private static UUID org(Fixture f) {
		return f.staff().organisation().value();
	}

	private static String surveys(Fixture f) {
		return "/organisations/" + org(f) + "/surveys";
	}

	/**
	 * The organisation's first copy of Kindred's participant feedback (made by the copy
	 * route).
	 */
	private static String copy(Fixture f) {
		return surveys(f) + "/kindred-participant-feedback-2";
	}

	private static Person person(Fixture f, Who who) {
		return switch (who) {
			case ANONYMOUS -> null;
			case USER -> f.staff().outsider();
			case ORG_ADMIN -> f.staff().admin();
			case COORDINATOR -> f.staff().coordinator();
			case TEACHER -> f.staff().teacher();
		};
	}

	private static Route get(String pattern, Function<Fixture, String> url, Map<Who, Outcome> expected) {
		return new Route(HttpMethod.GET, pattern, url, expected);
	}

	private static Route post(String pattern, Function<Fixture, String> url, Map<Who, Outcome> expected) {
		return new Route(HttpMethod.POST, pattern, url, expected);
	}

	private static Map<Who, Outcome> all(Outcome outcome) {
		var map = new EnumMap<Who, Outcome>(Who.class);
		for (var who : Who.values()) {
			map.put(who, outcome);
		}
		return map;
	}

	private static Map<Who, Outcome> except(Outcome usual, Who who, Outcome outcome) {
		var map = all(usual);
		map.put(who, outcome);
		return map;
	}

	/**
	 * Outsiders get 404 for an organisation's pages, so they cannot even learn what
	 * exists.
	 */
	private static Map<Who, Outcome> staff(Outcome admin, Outcome coordinator, Outcome teacher) {
		var map = new EnumMap<Who, Outcome>(Who.class);
		map.put(Who.ANONYMOUS, Outcome.SIGN_IN);
		map.put(Who.USER, Outcome.NOT_FOUND);
		map.put(Who.ORG_ADMIN, admin);
		map.put(Who.COORDINATOR, coordinator);
		map.put(Who.TEACHER, teacher);
		return map;
	}

	private static Map<Who, Outcome> api(Map<Who, Outcome> pages) {
		var map = new EnumMap<>(pages);
		map.put(Who.ANONYMOUS, Outcome.UNAUTHORIZED);
		return map;
	}

}
