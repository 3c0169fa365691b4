package app.kindred.programme.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.HomeContributor;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeStatus;

/**
 * The programme's own part of its staff's Home: its state and the way to its pages; a
 * draft asks its coordinators to publish it.
 */
@Component
class ProgrammeHome implements HomeContributor {

	private final ProgrammeAccess access;

	ProgrammeHome(ProgrammeAccess access) {
		this.access = access;
	}

	/** A programme its staff work on. */
	record Staffed(UUID programme, ProgrammeStatus status, boolean coordinator) {

		public String link() {
			return "/programmes/" + programme + "/manage";
		}

	}

	@Override
	public List<Part> parts(Viewer viewer) {
		var parts = new ArrayList<Part>();
		for (var staffed : access.staffedBy(new AccountId(viewer.account()))) {
			var programme = staffed.programme();
			var data = new Staffed(programme.id().value(), programme.status(), staffed.coordinator());
			if (staffed.coordinator()) {
				var part = Part.of(data.programme(), Role.COORDINATOR, 0, "programme/home", "staff", data);
				parts.add(programme.status() == ProgrammeStatus.DRAFT
						? part.needing(List.of(Task.of("home.programme.publish", data.link()))) : part);
			}
			if (staffed.teacher()) {
				parts.add(Part.of(data.programme(), Role.TEACHER, 0, "programme/home", "staff", data));
			}
		}
		return parts;
	}

}
