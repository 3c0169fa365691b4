package app.kindred.assessment.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Refused;

/**
 * A credit-seeking mentor's own learning objectives: two to four, each optionally against
 * one of the course's learning outcomes, saved as a whole list and revisable until the
 * self-evaluation is submitted. The deadline does not close them: a late list is still
 * kept, and the teacher decides what it means.
 */
@Service
public class ObjectiveService {

	private final ObjectiveStore store;

	private final SelfEvaluationStore evaluations;

	private final Clock clock;

	ObjectiveService(ObjectiveStore store, SelfEvaluationStore evaluations, Clock clock) {
		this.store = store;
		this.evaluations = evaluations;
		this.clock = clock;
	}

	/**
	 * A rule a list of objectives breaks: at the objective at {@code index} (from 0; the
	 * first missing one for too few), a message key and its arguments.
	 */
	public record Problem(int index, String key) {
	}

	@Transactional(readOnly = true)
	public List<Objective> objectives(Student student) {
		return store.objectives(student.course().programme().id(), student.account());
	}

	/** Whether the objectives can still be changed: until the self-evaluation. */
	@Transactional(readOnly = true)
	public boolean revisable(Student student) {
		return evaluations.submittedAt(student.course().programme().id(), student.account()).isEmpty();
	}

	/**
	 * What is wrong with a list as typed, in the list's order: the page tells each at its
	 * field, and {@link #save} refuses the first.
	 */
	public List<Problem> problems(Course course, List<Objective.Draft> drafts) {
		var problems = new ArrayList<Problem>();
		for (int i = 0; i < drafts.size(); i++) {
			var draft = drafts.get(i);
			var text = draft.text() == null ? "" : draft.text();
			if (i >= Objective.MOST) {
				problems.add(new Problem(i, "assessment.objectives.tooMany"));
			}
			else if (text.isEmpty()) {
				problems.add(new Problem(i, "assessment.objectives.textMissing"));
			}
			else if (text.length() < Objective.TEXT_MIN || text.length() > Objective.TEXT_MAX) {
				problems.add(new Problem(i, "assessment.objectives.textLength"));
			}
			else if (draft.outcome() != null
					&& course.outcomes().stream().noneMatch(o -> o.id().equals(draft.outcome()))) {
				problems.add(new Problem(i, "assessment.objectives.unknownOutcome"));
			}
		}
		if (drafts.size() < Objective.FEWEST) {
			problems.add(new Problem(drafts.size(), "assessment.objectives.tooFew"));
		}
		return problems;
	}

	/**
	 * Replaces the student's objectives with the list as typed; refused with a 409 once
	 * the self-evaluation is in, and with a 422 for a list that breaks a rule.
	 */
	@Transactional
	public void save(Student student, List<Objective.Draft> drafts) {
		var programme = student.course().programme().id();
		if (!revisable(student)) {
			throw Refused.conflict("assessment.objectives.final");
		}
		problems(student.course(), drafts).stream().findFirst().ifPresent(p -> {
			throw Refused.invalid("objectives", p.key());
		});
		store.replace(programme, student.account(), drafts, clock.instant());
		// A self-evaluation committed while this ran: it rated the objectives as they
		// were
		if (!revisable(student)) {
			throw Refused.conflict("assessment.objectives.final");
		}
	}

}
