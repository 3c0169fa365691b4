package app.kindred.recruitment.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.HomeContributor;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeSettings;
import app.kindred.programme.ProgrammeWindow;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.RecruitmentRole;

/**
 * Recruitment's part of Home: an applicant's application (where it stands, their place on
 * the waiting list, what they can still do), and for coordinators how many applied, wait
 * and have a place, and the applications waiting for their approval.
 */
@Component
class RecruitmentHome implements HomeContributor {

	private final ApplicationStore applications;

	private final ProgrammeService programmes;

	private final ProgrammeAccess access;

	RecruitmentHome(ApplicationStore applications, ProgrammeService programmes, ProgrammeAccess access) {
		this.applications = applications;
		this.programmes = programmes;
		this.access = access;
	}

	/** An applicant's own application, and whether its window is still open. */
	record Mine(UUID programme, RecruitmentRole role, ApplicationState state, int position, boolean windowOpen) {

		public String link() {
			return "/programmes/" + programme + "/applications/" + role.path();
		}

		public boolean changeable() {
			return state.live() && state != ApplicationState.SEATED && windowOpen;
		}

	}

	/** A programme's applications in one role, as its coordinators see them on Home. */
	record Counts(UUID programme, RecruitmentRole role, int applied, int awaiting, int waiting, int seated, int seats,
			boolean windowOpen) {

		public String link() {
			return "/programmes/" + programme + "/applications?role=" + role.path();
		}

		public String awaitingLink() {
			return link() + "&state=" + ApplicationState.AWAITING.name();
		}

	}

	@Override
	public List<Part> parts(Viewer viewer) {
		var parts = new ArrayList<Part>();
		var seen = new HashSet<String>();
		for (var status : applications.ofAccount(new AccountId(viewer.account()))) {
			// The newest application per programme and role stands; older, withdrawn ones
			// are history
			if (!seen.add(status.programmeId() + status.role().name())) {
				continue;
			}
			if (status.state() == ApplicationState.WITHDRAWN) {
				continue;
			}
			var programme = programmes.find(new ProgrammeId(status.programmeId()));
			if (programme.isEmpty()) {
				continue;
			}
			var mine = new Mine(status.programmeId(), status.role(), status.state(), status.position(),
					open(programme.get().settings(), status.role(), viewer.now()));
			parts.add(Part.of(status.programmeId(), role(status.role()), 10, "recruitment/home", "applicant", mine));
		}
		for (var programme : access.coordinatedBy(new AccountId(viewer.account()))) {
			var counts = applications.counts(programme.id());
			var settings = programme.settings();
			var tasks = new ArrayList<Task>();
			var shown = new ArrayList<Counts>();
			for (var role : RecruitmentRole.values()) {
				int awaiting = count(counts, role, ApplicationState.AWAITING);
				int waiting = count(counts, role, ApplicationState.WAITING);
				int seated = count(counts, role, ApplicationState.SEATED);
				int applied = counts.stream()
					.filter(c -> c.role() == role)
					.mapToInt(ApplicationStore.Count::count)
					.sum();
				boolean open = open(settings, role, viewer.now());
				var row = new Counts(programme.id().value(), role, applied, awaiting, waiting, seated,
						role == RecruitmentRole.MENTOR ? settings.mentorSeats() : settings.participantSeats(), open);
				shown.add(row);
				if (awaiting > 0) {
					tasks.add(Task.of("home.recruitment.approvals." + role.path(), row.awaitingLink(), awaiting));
				}
			}
			var part = Part.of(programme.id().value(), Role.COORDINATOR, 10, "recruitment/home", "coordinator", shown)
				.needing(tasks);
			// The programme's first phase starts when a call opens, whether or not anyone
			// applied yet
			boolean opened = Arrays.stream(ProgrammeWindow.values()).anyMatch(w -> settings.opened(w, viewer.now()));
			parts.add(opened ? part.reached(Phase.CALL_OPEN) : part);
		}
		return parts;
	}

	private static Role role(RecruitmentRole role) {
		return role == RecruitmentRole.MENTOR ? Role.MENTOR : Role.PARTICIPANT;
	}

	private static boolean open(ProgrammeSettings settings, RecruitmentRole role, Instant now) {
		return settings.opened(role.window(), now) && !settings.closed(role.window(), now);
	}

	private static int count(List<ApplicationStore.Count> counts, RecruitmentRole role, ApplicationState state) {
		return counts.stream()
			.filter(c -> c.role() == role && c.state() == state)
			.mapToInt(ApplicationStore.Count::count)
			.sum();
	}

}
