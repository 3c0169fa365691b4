package app.kindred.assessment.internal;

import java.util.HashSet;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.identity.Accounts;

/**
 * A mentor's decisions as the pages show them, the one in force first: who decided, and
 * which of the course's criteria each found met and which not.
 */
@Component
public class DecisionHistory {

	/** A decision with its decider's name and the criteria in the course's order. */
	public record Entry(Decision decision, String decidedBy, List<Course.Item> met, List<Course.Item> unmet) {
	}

	private final DecisionStore store;

	private final Accounts accounts;

	DecisionHistory(DecisionStore store, Accounts accounts) {
		this.store = store;
		this.accounts = accounts;
	}

	@Transactional(readOnly = true)
	public List<Entry> of(Student student) {
		var decisions = store.history(student.course().programme().id(), student.account());
		var names = accounts.findAll(new HashSet<>(decisions.stream().map(Decision::decidedBy).toList()));
		var criteria = student.course().criteria();
		return decisions.stream().map(d -> {
			var name = names.containsKey(d.decidedBy()) ? names.get(d.decidedBy()).displayName() : "";
			return new Entry(d, name, criteria.stream().filter(c -> d.criteriaMet().contains(c.id())).toList(),
					criteria.stream().filter(c -> !d.criteriaMet().contains(c.id())).toList());
		}).toList();
	}

}
