package app.kindred.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.kindred.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Mails;
import app.kindred.TestData;
import app.kindred.organisation.internal.StaffService;

@SpringBootTest
@AutoConfigureMockMvc
class StaffInvitationIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	Organisations organisations;

	@Autowired
	StaffService staffService;

	@Autowired
	UserDetailsService users;

	@Test
	void anAdminInvitesByEmailAndOnlyTheInvitedAddressCanAccept() throws Exception {
		var staff = data.staff();
		var invited = data.person("new-teacher");
		mvc.perform(post("/organisations/" + staff.organisation().value() + "/staff/invitations").with(csrf())
			.with(as(staff.admin()))
			.param("email", invited.email())
			.param("role", "TEACHER"))
			.andExpect(redirectedUrl("/organisations/" + staff.organisation().value() + "/staff"));

		var message = Mails.await(mail, invited.email(), 1)[0];
		assertThat(Mails.body(message)).contains("admin invites you").contains("as Teacher");
		var link = Mails.linkPath(message);

		mvc.perform(get(link)).andExpect(content().string(Matchers.containsString(invited.email())));
		mvc.perform(post(link).with(csrf()).with(as(staff.outsider())))
			.andExpect(flash().attribute("notice", "invitation.wrongAccount"));
		assertThat(organisations.rolesOf(staff.organisation(), staff.outsider().id())).isEmpty();

		mvc.perform(post(link).with(csrf()).with(as(invited)))
			.andExpect(redirectedUrl("/organisations/" + staff.organisation().value()));
		assertThat(organisations.rolesOf(staff.organisation(), invited.id())).containsExactly(Role.TEACHER);

		mvc.perform(post(link).with(csrf()).with(as(invited)))
			.andExpect(flash().attribute("notice", "invitation.closed"));
	}

	@Test
	void refusesABadInvitationAtTheField() throws Exception {
		var staff = data.staff();
		mvc.perform(post("/organisations/" + staff.organisation().value() + "/staff/invitations").with(csrf())
			.with(as(staff.admin()))
			.param("email", "not an address")
			.param("role", "TEACHER")).andExpect(model().attributeHasFieldErrorCode("form", "email", "Email"));
		mvc.perform(post("/organisations/" + staff.organisation().value() + "/staff/invitations").with(csrf())
			.with(as(staff.admin()))
			.param("email", "fine@test.example")
			.param("role", "SUPERUSER")).andExpect(model().attributeHasFieldErrorCode("form", "role", "typeMismatch"));
		assertThat(staffService.pending(staff.organisation(), staff.admin().id())).isEmpty();
	}

	@Test
	void neverRemovesTheLastAdmin() throws Exception {
		var staff = data.staff();
		var adminMemberships = staffService.staff(staff.organisation(), staff.admin().id())
			.stream()
			.filter(m -> m.role() == Role.ORG_ADMIN)
			.toList();
		assertThat(adminMemberships).hasSize(2);
		var base = "/organisations/" + staff.organisation().value() + "/staff/";
		mvc.perform(
				post(base + adminMemberships.get(0).membershipId() + "/remove").with(csrf()).with(as(staff.admin())))
			.andExpect(flash().attribute("notice", "staff.removed"));
		var remaining = adminMemberships.get(1);
		var remover = remaining.email().equals(staff.admin().email()) ? staff.admin() : staff.founder();
		mvc.perform(post(base + remaining.membershipId() + "/remove").with(csrf()).with(as(remover)))
			.andExpect(flash().attribute("notice", "staff.lastAdmin"));
		assertThat(organisations.rolesOf(staff.organisation(), remover.id())).contains(Role.ORG_ADMIN);
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
