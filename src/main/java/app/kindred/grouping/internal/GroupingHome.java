package app.kindred.grouping.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.HomeContributor;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeWindow;
import app.kindred.recruitment.RecruitmentRole;

/**
 * Grouping's part of Home: a member's group and who leads it with them; for coordinators
 * how many groups there are, and that the groups still need forming or publishing once
 * the sign-up has closed.
 */
@Component
class GroupingHome implements HomeContributor {

	private final PublishedGroups published;

	private final ProposalStore proposals;

	private final ProgrammeAccess access;

	GroupingHome(PublishedGroups published, ProposalStore proposals, ProgrammeAccess access) {
		this.published = published;
		this.proposals = proposals;
		this.access = access;
	}

	/** A member's group as they see it. */
	record Mine(UUID programme, PublishedGroups.MyGroup group) {

		public String link() {
			return "/programmes/" + programme + "/my-group";
		}

	}

	/** Where a programme's groups stand, as its coordinators see it on Home. */
	record Overview(UUID programme, boolean published, int groups, boolean proposed) {

		public String link() {
			return "/programmes/" + programme + "/groups";
		}

	}

	@Override
	public List<Part> parts(Viewer viewer) {
		var account = new AccountId(viewer.account());
		var parts = new ArrayList<Part>();
		for (var group : published.groupsOf(account)) {
			published.seenBy(group.id(), account, role(group, account))
				.ifPresent(mine -> parts.add(Part.of(group.programme().value(),
						mine.role() == RecruitmentRole.MENTOR ? Role.MENTOR : Role.PARTICIPANT, 30, "grouping/home",
						"member", new Mine(group.programme().value(), mine))));
		}
		for (var programme : access.coordinatedBy(account)) {
			var groups = published.groups(programme.id());
			var overview = groups.isEmpty()
					? proposals.proposal(programme.id())
						.map(p -> new Overview(programme.id().value(), false, p.result().groups().size(), true))
						.orElseGet(() -> new Overview(programme.id().value(), false, 0, false))
					: new Overview(programme.id().value(), true, groups.size(), false);
			var part = Part.of(programme.id().value(), Role.COORDINATOR, 30, "grouping/home", "coordinator", overview);
			boolean signupClosed = programme.settings().closed(ProgrammeWindow.SIGNUP, viewer.now());
			if (overview.published()) {
				part = part.reached(Phase.MEETINGS);
			}
			else if (signupClosed || overview.proposed()) {
				part = part.reached(Phase.FORMING_GROUPS)
					.needing(List.of(Task.of(overview.proposed() ? "home.grouping.publish" : "home.grouping.form",
							overview.link())));
			}
			parts.add(part);
		}
		return parts;
	}

	private static RecruitmentRole role(PublishedGroups.Group group, AccountId person) {
		return group.members()
			.stream()
			.filter(m -> m.person().equals(person))
			.map(PublishedGroups.GroupMember::role)
			.findFirst()
			.orElse(RecruitmentRole.PARTICIPANT);
	}

}
