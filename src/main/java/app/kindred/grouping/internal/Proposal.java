package app.kindred.grouping.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.kindred.recruitment.RecruitmentRole;

/**
 * A proposal with the people's names and e-mail addresses (the page is the coordinator's,
 * who sees addresses on the applications page too), so that namesakes can be told apart.
 */
public record Proposal(FormationResult result, Map<UUID, String> names, Map<UUID, String> emails, Set<UUID> pinned,
		Instant formedAt) {

	public String name(UUID person) {
		return names.getOrDefault(person, "");
	}

	public String email(UUID person) {
		return emails.getOrDefault(person, "");
	}

	public RecruitmentRole role(UUID person) {
		return result.isMentor(person) ? RecruitmentRole.MENTOR : RecruitmentRole.PARTICIPANT;
	}

	/**
	 * The number of the person's group in this proposal as the page numbers them, or 0
	 * when in none.
	 */
	public int group(UUID person) {
		for (int i = 0; i < result.groups().size(); i++) {
			if (result.groups().get(i).members().contains(person)) {
				return i + 1;
			}
		}
		return 0;
	}

	public boolean isPinned(UUID person) {
		return pinned.contains(person);
	}

	/** The hard rules this proposal breaks (after changes by hand), to warn about. */
	public List<FormationResult.ConstraintTotal> broken() {
		return result.broken();
	}

	/** Everyone in the proposal, in groups or not, for the forms that change it. */
	public List<UUID> people() {
		return result.people();
	}
}
