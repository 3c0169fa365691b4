package app.kindred.assessment.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;

/**
 * The credit course: objectives, diary, workload, evaluations and decisions go. A pass or
 * fail not yet exported holds the erasure back, where the organisation applies that
 * check.
 */
@Component
class AssessmentErasure implements PersonalDataEraser {

	private final AssessmentErasureStore store;

	AssessmentErasure(AssessmentErasureStore store) {
		this.store = store;
	}

	@Override
	public void erase(Person person) {
		store.erase(person.account(), person.name(), person.email());
	}

	@Override
	public List<Item> heldForProgramme(UUID programme) {
		return Item.of(store.counts(programme));
	}

	@Override
	public void anonymiseProgramme(UUID programme) {
		store.anonymise(programme);
	}

	static final String GRADE_NOT_EXPORTED = "grade-not-exported";

	@Override
	public Map<String, String> holdKinds() {
		return Map.of(GRADE_NOT_EXPORTED, "erasure.hold.gradeNotExported");
	}

	@Override
	public List<Hold> holds(UUID account) {
		long unexported = store.unexported(account);
		return unexported == 0 ? List.of()
				: List.of(new Hold(GRADE_NOT_EXPORTED, "erasure.hold.gradeNotExported", List.of(unexported)));
	}

}
