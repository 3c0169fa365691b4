package app.kindred.assessment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;

/**
 * The credit course: objectives, diary, workload, evaluations and decisions go. A pass or
 * fail not yet exported holds the erasure back, where the organisation applies that
 * check.
 */
@Component
class AssessmentErasure implements PersonalDataEraser {

	private final AssessmentErasureStore store;

	private final Accounts accounts;

	AssessmentErasure(AssessmentErasureStore store, Accounts accounts) {
		this.store = store;
		this.accounts = accounts;
	}

	@Override
	public void erase(UUID account) {
		accounts.find(new AccountId(account)).ifPresent(a -> store.erase(account, a.displayName(), a.email()));
	}

	@Override
	public List<Item> heldForProgramme(UUID programme) {
		var items = new ArrayList<Item>();
		Map<String, Long> counts = store.counts(programme);
		counts.forEach((message, count) -> {
			if (count > 0) {
				items.add(new Item(message, count));
			}
		});
		return items;
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
