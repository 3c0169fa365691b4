package app.kindred.grouping;

import java.time.Duration;

import org.springframework.stereotype.Service;

import app.kindred.grouping.internal.FormationService;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * Forms a programme's groups and publishes them in one call, for a caller with no
 * coordinator at the formation page to watch the run: the demo data, which takes a
 * programme to its meeting phase the way a coordinator does (the solver's run, its
 * proposal, publishing, and through publishing the meetings).
 */
@Service
public class UnattendedFormation {

	private static final Duration POLL = Duration.ofMillis(50);

	/**
	 * Beyond the run's own limit: time for the solver to start and store its proposal.
	 */
	private static final Duration GRACE = Duration.ofSeconds(30);

	private final FormationService formations;

	private final PublishedGroups published;

	UnattendedFormation(FormationService formations, PublishedGroups published) {
		this.formations = formations;
		this.published = published;
	}

	/**
	 * Runs the solver for at most {@code timeLimit}, waits for its proposal and publishes
	 * it, refused as the coordinator's publish is when the proposal breaks a rule. The
	 * caller waits for the whole run, so this is for small programmes and short limits.
	 */
	public void formAndPublish(ProgrammeId id, Duration timeLimit, AccountId coordinator) {
		formations.start(id, timeLimit, coordinator);
		long deadline = System.nanoTime() + timeLimit.plus(GRACE).toNanos();
		while (formations.progress(id).isPresent()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Forming the groups of programme " + id.value() + " did not end");
			}
			try {
				Thread.sleep(POLL);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while forming groups", e);
			}
		}
		published.publish(id, coordinator);
	}

}
