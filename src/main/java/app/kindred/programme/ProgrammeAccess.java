package app.kindred.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.NotFoundException;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;
import app.kindred.programme.internal.Programme;
import app.kindred.programme.internal.ProgrammeRepository;

/**
 * Who may see and do what in a programme, answered in one place for every module. The
 * rule throughout: anyone who is not on the staff of the programme's organisation gets a
 * 404, as if the programme did not exist, so that nobody can probe for what others run;
 * staff without the role asked for get a 403. Who leads a group is the group's own
 * knowledge (grouping's {@code PublishedGroups}); a change that a group's mentors and the
 * coordinators share asks {@link #coordinatedUnlessLeading}.
 */
@Service
public class ProgrammeAccess {

	private final ProgrammeRepository programmes;

	private final Organisations organisations;

	ProgrammeAccess(ProgrammeRepository programmes, Organisations organisations) {
		this.programmes = programmes;
		this.organisations = organisations;
	}

	/** The programme, if the viewer is on its organisation's staff in any role. */
	@Transactional(readOnly = true)
	public ProgrammeView staff(ProgrammeId id, AccountId viewer) {
		var programme = load(id);
		return programme.view(organisations.require(programme.organisation(), viewer));
	}

	/** The programme, if the viewer coordinates it. */
	@Transactional(readOnly = true)
	public ProgrammeView coordinated(ProgrammeId id, AccountId viewer) {
		var programme = load(id);
		return programme.view(organisations.require(programme.organisation(), viewer, Role.COORDINATOR));
	}

	/**
	 * The programme, if the viewer teaches in its organisation: the credit course's
	 * assessors.
	 */
	@Transactional(readOnly = true)
	public ProgrammeView taught(ProgrammeId id, AccountId viewer) {
		var programme = load(id);
		return programme.view(organisations.require(programme.organisation(), viewer, Role.TEACHER));
	}

	/**
	 * The programme, if the viewer coordinates it or teaches in its organisation: those
	 * who set up its credit course.
	 */
	@Transactional(readOnly = true)
	public ProgrammeView coordinatedOrTaught(ProgrammeId id, AccountId viewer) {
		var programme = load(id);
		return programme.view(organisations.require(programme.organisation(), viewer, Role.COORDINATOR, Role.TEACHER));
	}

	/** Whether the viewer coordinates the programme: pages show coordinators more. */
	public boolean coordinates(ProgrammeView programme, AccountId viewer) {
		return coordinates(programme.organisation(), viewer);
	}

	/**
	 * Whether the viewer coordinates the organisation's programmes, and with them its
	 * session plans.
	 */
	public boolean coordinates(OrganisationId organisation, AccountId viewer) {
		return organisations.rolesOf(organisation, viewer).contains(Role.COORDINATOR);
	}

	/**
	 * Passes a group's mentor ({@code leads}) and the programme's coordinators, and tells
	 * which of them the viewer is: {@code true} for a coordinator.
	 */
	public boolean coordinatedUnlessLeading(ProgrammeView programme, boolean leads, AccountId viewer) {
		if (leads) {
			return false;
		}
		organisations.require(programme.organisation(), viewer, Role.COORDINATOR);
		return true;
	}

	/**
	 * A programme the viewer is staff of, with the roles they hold in its organisation.
	 */
	public record Staffed(ProgrammeView programme, Set<Role> roles) {

		public boolean coordinator() {
			return roles.contains(Role.COORDINATOR);
		}

		public boolean teacher() {
			return roles.contains(Role.TEACHER);
		}

	}

	/**
	 * The programmes still running (drafts and published ones) of every organisation the
	 * viewer is staff of, for their Home.
	 */
	@Transactional(readOnly = true)
	public List<Staffed> staffedBy(AccountId viewer) {
		var staffed = new ArrayList<Staffed>();
		for (var organisation : organisations.staffedBy(viewer)) {
			var roles = organisations.rolesOf(organisation.id(), viewer);
			programmes.findByOrganisationIdOrderByCreatedAtDesc(organisation.id().value())
				.stream()
				.filter(p -> p.status() != ProgrammeStatus.ARCHIVED)
				.forEach(p -> staffed.add(new Staffed(p.view(organisation), roles)));
		}
		return staffed;
	}

	/** The programmes still running that the viewer coordinates, for their Home. */
	@Transactional(readOnly = true)
	public List<ProgrammeView> coordinatedBy(AccountId viewer) {
		return staffedBy(viewer).stream().filter(Staffed::coordinator).map(Staffed::programme).toList();
	}

	private Programme load(ProgrammeId id) {
		return programmes.findById(id.value()).orElseThrow(() -> new NotFoundException("programme"));
	}

}
