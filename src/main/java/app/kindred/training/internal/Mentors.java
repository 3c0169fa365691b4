package app.kindred.training.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import app.kindred.core.NotFoundException;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.training.Readiness;

/**
 * A programme's accepted mentors, as recruitment decided them, and their readiness: the
 * trainings they attended against the rule, unless a coordinator decided otherwise.
 */
@Component
public class Mentors {

	private final TrainingStore store;

	private final RecruitmentService recruitment;

	private final Accounts accounts;

	Mentors(TrainingStore store, RecruitmentService recruitment, Accounts accounts) {
		this.store = store;
		this.recruitment = recruitment;
		this.accounts = accounts;
	}

	public List<AccountId> of(ProgrammeId programme) {
		return recruitment.accepted(programme, RecruitmentRole.MENTOR);
	}

	/** Passes an accepted mentor of the programme; anyone else gets a 404. */
	public void require(ProgrammeId programme, AccountId mentor) {
		if (!of(programme).contains(mentor)) {
			throw new NotFoundException("mentor");
		}
	}

	/**
	 * The trainings that make a mentor ready: as the coordinator set, else all the
	 * programme's.
	 */
	public int requiredTrainings(ProgrammeView programme) {
		return store.requiredTrainings(programme.id()).orElse(programme.settings().trainingCount());
	}

	/** The readiness of every accepted mentor of the programme. */
	public List<Readiness> readiness(ProgrammeView programme) {
		var id = programme.id();
		int required = requiredTrainings(programme);
		var mentors = of(id);
		var people = accounts.findAll(mentors);
		var attended = store.trainingsAttended(id);
		var overrides = store.overrides(id);
		var result = new ArrayList<Readiness>();
		for (var mentor : mentors) {
			var person = people.get(mentor);
			var decision = overrides.get(mentor);
			result.add(new Readiness(mentor, person == null ? "" : person.displayName(),
					person == null ? "" : person.email(), attended.getOrDefault(mentor, 0), required,
					decision == null ? null : decision.ready(), decision == null ? null : decision.reason()));
		}
		return result;
	}

}
