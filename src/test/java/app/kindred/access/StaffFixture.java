package app.kindred.access;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import app.kindred.TestData;
import app.kindred.TestData.Staff;
import app.kindred.core.Language;
import app.kindred.organisation.Role;
import app.kindred.organisation.StaffInvited;
import app.kindred.organisation.internal.StaffService;
import app.kindred.programme.internal.SessionPlan;
import app.kindred.programme.internal.PlanLibraryService;

/**
 * What both walks over every route ({@link RouteAccessIntegrationTests},
 * {@link HostileInputIntegrationTests}) need beyond the organisation's staff: a pending
 * invitation and its link's token, the teacher's membership, the shipped session plan
 * version and the coordinator's own copy of it.
 */
record StaffFixture(Staff staff, UUID invitation, String invitationToken, UUID teacherMembership, UUID plan,
		UUID shippedVersion) {

	static StaffFixture make(TestData data, StaffService staffService, PlanLibraryService sessionPlans,
			ApplicationEvents events) {
		var staff = data.staff();
		staffService.invite(staff.organisation(), TestData.uniqueEmail("invited"), Role.TEACHER, Language.EN,
				staff.founder().id());
		var invitation = staffService.pending(staff.organisation(), staff.founder().id()).getFirst();
		var link = events.stream(StaffInvited.class).reduce((first, second) -> second).orElseThrow().acceptLink();
		var teacherMembership = staffService.staff(staff.organisation(), staff.founder().id())
			.stream()
			.filter(m -> m.email().equals(staff.teacher().email()))
			.findFirst()
			.orElseThrow()
			.membershipId();
		var shippedVersion = sessionPlans.library(staff.organisation(), staff.coordinator().id())
			.stream()
			.filter(SessionPlan::shipped)
			.findFirst()
			.orElseThrow()
			.current()
			.orElseThrow()
			.id();
		var plan = sessionPlans.copy(staff.organisation(), shippedVersion, staff.coordinator().id());
		return new StaffFixture(staff, invitation.id(), link.substring(link.lastIndexOf('/') + 1), teacherMembership,
				plan.value(), shippedVersion.value());
	}

	/**
	 * The routes the application maps ("POST /pattern", or "ANY /pattern" for a mapping
	 * without a method) that are not among {@code listed}; Spring Boot's own error
	 * controller, reached only through error dispatches, is left out.
	 */
	static SortedSet<String> unlistedRoutes(RequestMappingHandlerMapping mappings, Collection<String> listed) {
		var missing = new TreeSet<String>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (method.getBeanType().getPackageName().startsWith("org.springframework.boot")) {
				return;
			}
			var methods = info.getMethodsCondition().getMethods();
			for (var pattern : info.getPatternValues()) {
				if (methods.isEmpty()) {
					missing.add("ANY " + pattern);
				}
				methods.stream()
					.map(m -> m.name() + " " + pattern)
					.filter(route -> !listed.contains(route))
					.forEach(missing::add);
			}
		});
		return missing;
	}
}
