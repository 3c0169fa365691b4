package app.kindred.organisation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.KindredProperties;
import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Tokens;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.Role;
import app.kindred.organisation.StaffInvited;

/** Staff of an organisation: who holds which role, and invitations of new staff. */
@Service
public class StaffService {

	static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

	public record StaffMember(UUID membershipId, String name, String email, Role role) {
	}

	public record PendingInvitation(UUID id, String email, Role role, Instant expiresAt) {
	}

	public record InvitationView(String token, String organisationName, String email, Role role, boolean open) {
	}

	public enum AcceptOutcome {

		ACCEPTED, WRONG_ACCOUNT, CLOSED

	}

	private final OrganisationRepository organisations;

	private final MembershipRepository memberships;

	private final InvitationRepository invitations;

	private final OrganisationDirectory directory;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final KindredProperties properties;

	private final Clock clock;

	private final StaffingMemo memo;

	StaffService(OrganisationRepository organisations, MembershipRepository memberships,
			InvitationRepository invitations, OrganisationDirectory directory, Accounts accounts,
			ApplicationEventPublisher events, KindredProperties properties, Clock clock, StaffingMemo memo) {
		this.memo = memo;
		this.organisations = organisations;
		this.memberships = memberships;
		this.invitations = invitations;
		this.directory = directory;
		this.accounts = accounts;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<StaffMember> staff(OrganisationId id, AccountId viewer) {
		directory.require(id, viewer, Role.ORG_ADMIN);
		return memberships.findByOrganisationId(id.value())
			.stream()
			.map(m -> accounts.find(new AccountId(m.accountId()))
				.map(a -> new StaffMember(m.id(), a.displayName(), a.email(), m.role())))
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(StaffMember::name).thenComparing(StaffMember::role))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<PendingInvitation> pending(OrganisationId id, AccountId viewer) {
		directory.require(id, viewer, Role.ORG_ADMIN);
		var now = clock.instant();
		return invitations.findByOrganisationIdOrderByCreatedAtDesc(id.value())
			.stream()
			.filter(i -> i.isOpen(now))
			.map(i -> new PendingInvitation(i.id(), i.email(), i.role(), i.expiresAt()))
			.toList();
	}

	@Transactional
	public void invite(OrganisationId id, String email, Role role, Language language, AccountId inviter) {
		var organisation = directory.require(id, inviter, Role.ORG_ADMIN);
		var token = Tokens.newToken();
		var invitation = invitations.save(new Invitation(id.value(), email, role, Tokens.hash(token), inviter.value(),
				clock.instant(), clock.instant().plus(INVITATION_VALIDITY)));
		var inviterName = accounts.find(inviter).map(a -> a.displayName()).orElse("");
		events.publishEvent(new StaffInvited(id, organisation.name(), invitation.email(), role, inviterName,
				accounts.findByEmail(invitation.email()).map(a -> a.language()).orElse(language),
				properties.link("/invitations/" + token)));
	}

	@Transactional
	public void revoke(OrganisationId id, UUID invitationId, AccountId admin) {
		directory.require(id, admin, Role.ORG_ADMIN);
		invitations.findById(invitationId)
			.filter(i -> i.organisationId().equals(id.value()))
			.orElseThrow(() -> new NotFoundException("invitation"))
			.revoke(clock.instant());
	}

	/**
	 * Removes a role; the last admin cannot be removed, so an organisation is never left
	 * without one.
	 */
	@Transactional
	public boolean remove(OrganisationId id, UUID membershipId, AccountId admin) {
		directory.require(id, admin, Role.ORG_ADMIN);
		var membership = memberships.findById(membershipId)
			.filter(m -> m.organisationId().equals(id.value()))
			.orElseThrow(() -> new NotFoundException("membership"));
		if (membership.role() == Role.ORG_ADMIN
				&& memberships.countByOrganisationIdAndRole(id.value(), Role.ORG_ADMIN) <= 1) {
			return false;
		}
		memberships.delete(membership);
		memo.forget();
		return true;
	}

	@Transactional(readOnly = true)
	public Optional<InvitationView> invitation(String token) {
		return find(token).map(i -> new InvitationView(token,
				organisations.findById(i.organisationId()).map(o -> o.summary().name()).orElse(""), i.email(), i.role(),
				i.isOpen(clock.instant())));
	}

	/**
	 * Only the account the invitation was sent to can accept it, so a forwarded link
	 * gives nobody staff rights.
	 */
	@Transactional
	public AcceptOutcome accept(String token, AccountId account, String accountEmail) {
		var invitation = find(token).orElseThrow(() -> new NotFoundException("invitation"));
		if (!invitation.isOpen(clock.instant())) {
			return AcceptOutcome.CLOSED;
		}
		if (!invitation.email().equalsIgnoreCase(accountEmail)) {
			return AcceptOutcome.WRONG_ACCOUNT;
		}
		invitation.accept(clock.instant());
		if (!memberships.existsByOrganisationIdAndAccountIdAndRole(invitation.organisationId(), account.value(),
				invitation.role())) {
			memberships
				.save(new Membership(invitation.organisationId(), account.value(), invitation.role(), clock.instant()));
			memo.forget();
		}
		return AcceptOutcome.ACCEPTED;
	}

	public OrganisationId organisationOf(String token) {
		return find(token).map(i -> new OrganisationId(i.organisationId()))
			.orElseThrow(() -> new NotFoundException("invitation"));
	}

	private Optional<Invitation> find(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return invitations.findByTokenHash(Tokens.hash(token));
	}

}
