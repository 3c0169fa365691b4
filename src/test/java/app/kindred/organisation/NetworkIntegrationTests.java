package app.kindred.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.kindred.TestData;
import app.kindred.TestData.Person;
import app.kindred.TestData.Staff;
import app.kindred.core.Language;

/**
 * A network invites universities, their admins accept or decline, the network removes a
 * member and a member leaves; only accepted members count. Only the admins on each side
 * act (other staff 403, anyone else 404), and what cannot be done is refused with a
 * message.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NetworkIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	OrganisationService organisations;

	@Autowired
	Networks networks;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNetworkInvitesAUniversityWhoseAdminAcceptsAndItCountsAsAMemberOnlyThen() throws Exception {
		var network = network();
		var university = data.staff();
		var uni = university.organisation();

		mvc.perform(get("/organisations/" + network.organisation() + "/network").with(as(network.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Member organisations")))
			.andExpect(content().string(containsString("value=\"" + uni + "\"")));
		invite(network, uni).andExpect(status().is3xxRedirection());
		assertThat(networks.members(network.organisation())).isEmpty();

		// The university's admin is asked on Home and on the organisation's network page
		mvc.perform(get("/").with(as(university.admin())))
			.andExpect(content().string(containsString("invites Test University")))
			.andExpect(content().string(containsString("/organisations/" + uni + "/network")));
		mvc.perform(get("/organisations/" + uni + "/network").with(as(university.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Network " + network.founder().email())))
			.andExpect(content()
				.string(containsString("action=\"" + membership(uni, network.organisation(), "accept") + "\"")))
			.andExpect(content()
				.string(containsString("action=\"" + membership(uni, network.organisation(), "decline") + "\"")));
		// The invitation cannot be sent twice, and is no longer offered
		invite(network, uni).andExpect(status().isConflict())
			.andExpect(content().string(containsString("is a member already or has been invited")));

		mvc.perform(post(membership(uni, network.organisation(), "accept")).with(csrf()).with(as(university.admin())))
			.andExpect(status().is3xxRedirection());
		assertThat(networks.members(network.organisation())).containsExactly(uni);
		assertThat(networks.isNetwork(network.organisation())).isTrue();
		assertThat(networks.isNetwork(uni)).isFalse();
		mvc.perform(get("/").with(as(university.admin())))
			.andExpect(content().string(not(containsString("invites Test University"))));
		mvc.perform(post(membership(uni, network.organisation(), "accept")).with(csrf()).with(as(university.admin())))
			.andExpect(status().isConflict());
		mvc.perform(post(membership(uni, network.organisation(), "decline")).with(csrf()).with(as(university.admin())))
			.andExpect(status().isConflict());
	}

	@Test
	void aDeclinedInvitationLeavesNoMemberAndCanBeSentAgain() throws Exception {
		var network = network();
		var uni = data.staff();
		invite(network, uni.organisation()).andExpect(status().is3xxRedirection());
		mvc.perform(post(membership(uni.organisation(), network.organisation(), "leave")).with(csrf())
			.with(as(uni.admin()))).andExpect(status().isConflict());
		mvc.perform(post(membership(uni.organisation(), network.organisation(), "decline")).with(csrf())
			.with(as(uni.admin()))).andExpect(status().is3xxRedirection());
		assertThat(rows(network)).isZero();
		assertThat(networks.members(network.organisation())).isEmpty();
		invite(network, uni.organisation()).andExpect(status().is3xxRedirection());
		assertThat(rows(network)).isOne();
	}

	@Test
	void theNetworkRemovesAMemberAndAMemberLeaves() throws Exception {
		var network = network();
		var first = data.staff();
		var second = data.staff();
		for (var uni : new Staff[] { first, second }) {
			invite(network, uni.organisation()).andExpect(status().is3xxRedirection());
			mvc.perform(post(membership(uni.organisation(), network.organisation(), "accept")).with(csrf())
				.with(as(uni.admin()))).andExpect(status().is3xxRedirection());
		}
		assertThat(networks.members(network.organisation())).hasSize(2);

		mvc.perform(post(
				"/organisations/" + network.organisation() + "/network/members/" + first.organisation() + "/remove")
			.with(csrf())
			.with(as(network.admin()))).andExpect(status().is3xxRedirection());
		mvc.perform(post(membership(second.organisation(), network.organisation(), "leave")).with(csrf())
			.with(as(second.admin()))).andExpect(status().is3xxRedirection());
		assertThat(networks.members(network.organisation())).isEmpty();
		assertThat(rows(network)).isZero();
		// Nothing is left to remove or leave
		mvc.perform(post(
				"/organisations/" + network.organisation() + "/network/members/" + first.organisation() + "/remove")
			.with(csrf())
			.with(as(network.admin()))).andExpect(status().isNotFound());
		mvc.perform(post(membership(second.organisation(), network.organisation(), "leave")).with(csrf())
			.with(as(second.admin()))).andExpect(status().isNotFound());
	}

	@Test
	void onlyTheAdminsOnEachSideActOtherStaffGet403AndAnyoneElse404() throws Exception {
		var network = network();
		var uni = data.staff();
		for (var who : new Person[] { network.coordinator(), network.teacher() }) {
			mvc.perform(get("/organisations/" + network.organisation() + "/network").with(as(who)))
				.andExpect(status().isForbidden());
			invite(network, uni.organisation(), who).andExpect(status().isForbidden());
		}
		for (var who : new Person[] { network.outsider(), uni.admin() }) {
			mvc.perform(get("/organisations/" + network.organisation() + "/network").with(as(who)))
				.andExpect(status().isNotFound());
			invite(network, uni.organisation(), who).andExpect(status().isNotFound());
		}
		assertThat(rows(network)).isZero();

		invite(network, uni.organisation()).andExpect(status().is3xxRedirection());
		for (var who : new Person[] { uni.coordinator(), uni.teacher() }) {
			mvc.perform(
					post(membership(uni.organisation(), network.organisation(), "accept")).with(csrf()).with(as(who)))
				.andExpect(status().isForbidden());
		}
		// The network's admin cannot accept for the university
		mvc.perform(post(membership(uni.organisation(), network.organisation(), "accept")).with(csrf())
			.with(as(network.admin()))).andExpect(status().isNotFound());
		mvc.perform(
				post("/organisations/" + network.organisation() + "/network/members/" + uni.organisation() + "/remove")
					.with(csrf())
					.with(as(network.coordinator())))
			.andExpect(status().isForbidden());
		assertThat(networks.members(network.organisation())).isEmpty();
		assertThat(rows(network)).isOne();
	}

	@Test
	void badInputIsRefusedWithAMessage() throws Exception {
		var network = network();
		var other = network();
		var uni = data.staff();
		// Nothing chosen, a value that is no id, an organisation that does not exist
		mvc.perform(post("/organisations/" + network.organisation() + "/network/members").with(csrf())
			.with(as(network.admin())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("organisation-error")));
		mvc.perform(post("/organisations/" + network.organisation() + "/network/members").param("organisation", "x'--")
			.with(csrf())
			.with(as(network.admin()))).andExpect(status().isUnprocessableContent());
		invite(network, new OrganisationId(UUID.randomUUID())).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("There is no such organisation")));
		// A network cannot join a network, nor itself
		invite(network, other.organisation()).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("a network cannot join another network")));
		invite(network, network.organisation()).andExpect(status().isUnprocessableContent());
		// A university cannot invite
		mvc.perform(post("/organisations/" + uni.organisation() + "/network/members")
			.param("organisation", other.organisation().toString())
			.with(csrf())
			.with(as(uni.admin())))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Only a network can invite")));
		mvc.perform(post(membership(uni.organisation(), network.organisation(), "accept")).with(csrf())
			.with(as(uni.admin()))).andExpect(status().isNotFound());
		mvc.perform(post("/organisations/" + uni.organisation() + "/network/memberships/nonsense/accept").with(csrf())
			.with(as(uni.admin()))).andExpect(status().is4xxClientError());
		assertThat(rows(network)).isZero();
		assertThat(rows(other)).isZero();
	}

	private Staff network() {
		var founder = data.person("network-founder");
		var id = organisations.create(new OrganisationSettings("Network " + founder.email(), OrganisationKind.NETWORK,
				Language.EN, ZoneId.of("Europe/Helsinki"), "Contact", "contact@test.example"), founder.id());
		var admin = data.person("network-admin");
		var coordinator = data.person("network-coordinator");
		var teacher = data.person("network-teacher");
		organisations.grant(id, admin.id(), Role.ORG_ADMIN);
		organisations.grant(id, coordinator.id(), Role.COORDINATOR);
		organisations.grant(id, teacher.id(), Role.TEACHER);
		return new Staff(id, founder, admin, coordinator, teacher, data.person("outsider"));
	}

	private ResultActions invite(Staff network, OrganisationId university) throws Exception {
		return invite(network, university, network.admin());
	}

	private ResultActions invite(Staff network, OrganisationId university, Person who) throws Exception {
		return mvc.perform(post("/organisations/" + network.organisation() + "/network/members")
			.param("organisation", university.toString())
			.with(csrf())
			.with(as(who)));
	}

	private static String membership(OrganisationId university, OrganisationId network, String action) {
		return "/organisations/" + university + "/network/memberships/" + network + "/" + action;
	}

	private int rows(Staff network) {
		return jdbc.sql("select count(*) from network_member where network_id = ?")
			.param(network.organisation().value())
			.query(Integer.class)
			.single();
	}

	private RequestPostProcessor as(Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
