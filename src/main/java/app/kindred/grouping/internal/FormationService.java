package app.kindred.grouping.internal;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.training.TrainingService;

/**
 * Forming a programme's groups for its coordinator: from the participants with a place
 * and the mentors ready to lead, with their answers, through the solver in the
 * background, to the proposal kept for the coordinator to look at.
 */
@Service
public class FormationService {

	private final ProgrammeAccess access;

	private final ProposalService proposals;

	private final FormationRunner runner;

	private final ProposalStore store;

	private final RecruitmentService recruitment;

	private final CallService calls;

	private final TrainingService training;

	private final ProgrammeService programmes;

	private final TransactionTemplate transactions;

	FormationService(ProgrammeAccess access, ProposalService proposals, FormationRunner runner, ProposalStore store,
			RecruitmentService recruitment, CallService calls, TrainingService training, ProgrammeService programmes,
			TransactionTemplate transactions) {
		this.access = access;
		this.proposals = proposals;
		this.runner = runner;
		this.store = store;
		this.recruitment = recruitment;
		this.calls = calls;
		this.training = training;
		this.programmes = programmes;
		this.transactions = transactions;
	}

	public FormationOverview overview(ProgrammeId id, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		var mentors = recruitment.accepted(id, RecruitmentRole.MENTOR);
		var ready = training.readyMentors(id);
		return new FormationOverview(programme, recruitment.accepted(id, RecruitmentRole.PARTICIPANT).size(),
				(int) mentors.stream().filter(ready::contains).count(),
				(int) mentors.stream().filter(m -> !ready.contains(m)).count(), calls.slots(id), runner.running(id),
				proposals.proposal(id));
	}

	/**
	 * Starts forming groups in the background with this time limit; the proposal replaces
	 * the previous one when the run ends (stopped early or not). A second start while one
	 * runs is refused, and so are settings no groups can be formed from.
	 */
	public void start(ProgrammeId id, Duration timeLimit, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		FormationProblem problem;
		try {
			problem = proposals.nextRun(programme);
		}
		catch (IllegalArgumentException unfit) {
			throw Refused.conflict("grouping.cannotStart");
		}
		runner.start(id, problem, timeLimit);
	}

	public void stop(ProgrammeId id, AccountId coordinator) {
		access.coordinated(id, coordinator);
		runner.stop(id);
	}

	/**
	 * The run under way, for the page's progress; the caller has checked access with
	 * {@link ProgrammeAccess#coordinated}.
	 */
	public Optional<FormationProgress> progress(ProgrammeId id) {
		return runner.running(id);
	}

	/**
	 * The weights and the department limit the programme's groups are formed with: the
	 * defaults until changed.
	 */
	public FormationPreferences preferences(ProgrammeId id) {
		return store.preferences(id);
	}

	/**
	 * Changes the weights and the department limit; the next run and every change by hand
	 * use them.
	 */
	public void changePreferences(ProgrammeId id, FormationPreferences preferences, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		transactions.executeWithoutResult(status -> {
			// Two coordinators saving at once: one after the other
			programmes.lock(id);
			store.replacePreferences(id, preferences, coordinator);
		});
		// The proposal's score by rule follows the new weights at once
		proposals.rescore(programme);
	}

}
