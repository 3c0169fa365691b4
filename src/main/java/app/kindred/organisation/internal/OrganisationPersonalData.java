package app.kindred.organisation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataContributor;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountService;
import app.kindred.organisation.Role;

/**
 * The person's roles in organisations and the staff invitations sent to their address, in
 * "my data".
 */
@Component
class OrganisationPersonalData implements PersonalDataContributor {

	/**
	 * The tables this export reads about the person (PersonalDataCoverageTests holds
	 * every module to it).
	 */
	static final List<String> TABLES = List.of("membership", "invitation");

	record Staff(List<Membership> memberships, List<Invited> invitations) {
	}

	record Membership(String organisation, Role role, Instant since) {
	}

	record Invited(String organisation, Role role, Instant sentAt, Instant expiresAt, Instant acceptedAt,
			Instant revokedAt) {
	}

	private final MembershipRepository memberships;

	private final InvitationRepository invitations;

	private final OrganisationRepository organisations;

	private final AccountService accounts;

	OrganisationPersonalData(MembershipRepository memberships, InvitationRepository invitations,
			OrganisationRepository organisations, AccountService accounts) {
		this.memberships = memberships;
		this.invitations = invitations;
		this.organisations = organisations;
		this.accounts = accounts;
	}

	@Override
	public List<Section> personalData(UUID account) {
		var held = memberships.findByAccountIdOrderByCreatedAt(account)
			.stream()
			.map(m -> new Membership(name(m.organisationId()), m.role(), m.createdAt()))
			.toList();
		var email = accounts.find(new AccountId(account)).map(a -> a.email().toLowerCase(Locale.ROOT));
		var invited = email.map(invitations::findByEmailOrderByCreatedAt)
			.orElse(List.of())
			.stream()
			.map(i -> new Invited(name(i.organisationId()), i.role(), i.createdAt(), i.expiresAt(), i.acceptedAt(),
					i.revokedAt()))
			.toList();
		if (held.isEmpty() && invited.isEmpty()) {
			return List.of();
		}
		return List.of(new Section("organisation.data.staff", 10, new Staff(held, invited)));
	}

	private String name(UUID organisation) {
		return organisations.findById(organisation).map(o -> o.settings().name()).orElse(null);
	}

}
