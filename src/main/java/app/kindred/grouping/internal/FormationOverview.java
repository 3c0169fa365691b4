package app.kindred.grouping.internal;

import java.util.List;
import java.util.Optional;

import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.Call;

/**
 * What the coordinator's groups page shows: who takes part, the run under way if any, and
 * the latest proposal.
 */
public record FormationOverview(ProgrammeView programme, int participants, int mentorsReady, int mentorsNotReady,
		List<Call.Slot> slots, Optional<FormationProgress> running, Optional<Proposal> proposal) {

	/** The weekly slot a proposal's key names, for its label. */
	public Call.Slot slot(String key) {
		return slots.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
	}
}
