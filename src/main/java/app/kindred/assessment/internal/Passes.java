package app.kindred.assessment.internal;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/** The passes in force of a programme's course, for the module's API. */
@Service
public class Passes {

	private final DecisionStore decisions;

	Passes(DecisionStore decisions) {
		this.decisions = decisions;
	}

	/** Each mentor whose decision in force is a pass, with that decision. */
	@Transactional(readOnly = true)
	public Map<AccountId, Decision> inForce(ProgrammeId programme) {
		return decisions.inForce(programme)
			.entrySet()
			.stream()
			.filter(e -> e.getValue().passed())
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Each mentor whose decision in force is a fail: the certificates tell "no decision"
	 * from "failed".
	 */
	@Transactional(readOnly = true)
	public Set<AccountId> failing(ProgrammeId programme) {
		return decisions.inForce(programme)
			.entrySet()
			.stream()
			.filter(e -> !e.getValue().passed())
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
	}

}
