package app.kindred.grouping.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.SignUpAnswers;
import app.kindred.training.TrainingService;

/**
 * A programme's groups as the solver sees the question: the accepted participants and the
 * ready mentors with their answers, the call's weekly times, the programme's settings and
 * the coordinator's weights.
 */
@Component
public class ProblemReader {

	private final RecruitmentService recruitment;

	private final CallService calls;

	private final TrainingService training;

	private final Accounts accounts;

	private final ProposalStore store;

	ProblemReader(RecruitmentService recruitment, CallService calls, TrainingService training, Accounts accounts,
			ProposalStore store) {
		this.recruitment = recruitment;
		this.calls = calls;
		this.training = training;
		this.accounts = accounts;
		this.store = store;
	}

	/**
	 * The problem as the solver sees it: accepted participants, ready mentors, the call's
	 * slots and the settings.
	 */
	public FormationProblem problem(ProgrammeView programme) {
		var s = programme.settings();
		var preferences = store.preferences(programme.id());
		var slots = calls.slots(programme.id()).stream().map(Call.Slot::key).toList();
		var ready = training.readyMentors(programme.id());
		var mentors = recruitment.acceptedWithAnswers(programme.id(), RecruitmentRole.MENTOR)
			.stream()
			.filter(m -> ready.contains(m.account()))
			.toList();
		var participants = recruitment.acceptedWithAnswers(programme.id(), RecruitmentRole.PARTICIPANT);
		var wishes = coMentorIndex(mentors);
		var people = new ArrayList<FormationProblem.Person>();
		for (var m : mentors) {
			people.add(person(m, RecruitmentRole.MENTOR, s.campuses(), slots, wishes));
		}
		for (var p : participants) {
			people.add(person(p, RecruitmentRole.PARTICIPANT, s.campuses(), slots, Map.of()));
		}
		return new FormationProblem(slots, Math.max(FormationProblem.MENTORS_PER_GROUP, s.groupMin()),
				Math.max(Math.max(FormationProblem.MENTORS_PER_GROUP, s.groupMin()), s.groupMax()),
				s.allowThreeMentors(), s.campuses(), people, List.of(), preferences.maxFromSameDepartment(),
				preferences.weights());
	}

	private static FormationProblem.Person person(RecruitmentService.Accepted a, RecruitmentRole role,
			List<String> campuses, List<String> slots, Map<String, UUID> wishes) {
		var answers = a.answers();
		var d = answers.details();
		boolean remote = answers.delivery() != SignUpAnswers.Delivery.CAMPUS;
		Set<String> reachable = answers.delivery() == SignUpAnswers.Delivery.REMOTE ? Set.of()
				: d.campuses().isEmpty() && campuses.size() == 1 ? Set.of(campuses.getFirst())
						: Set.copyOf(d.campuses());
		var availability = new HashMap<String, FormationProblem.Availability>();
		d.availability().forEach((slot, value) -> {
			if (slots.contains(slot)) {
				availability.put(slot, value == Call.Availability.PREFERRED ? FormationProblem.Availability.PREFERRED
						: FormationProblem.Availability.POSSIBLE);
			}
		});
		var wish = d.coMentor() == null ? null : wishes.get(d.coMentor().strip().toLowerCase(Locale.ROOT));
		return new FormationProblem.Person(a.account().value(), role, a.arrival(), answers.languages(), remote,
				reachable.stream().filter(campuses::contains).collect(Collectors.toSet()), availability,
				answers.department(), wish != null && !wish.equals(a.account().value()) ? wish : null,
				answers.experience() != null && !answers.experience().isBlank());
	}

	/**
	 * A wished co-mentor is typed as a name or an e-mail address: both find the mentor,
	 * case aside.
	 */
	private Map<String, UUID> coMentorIndex(List<RecruitmentService.Accepted> mentors) {
		var index = new HashMap<String, UUID>();
		accounts.findAll(mentors.stream().map(RecruitmentService.Accepted::account).toList())
			.values()
			.forEach(person -> {
				index.put(person.email().toLowerCase(Locale.ROOT), person.id().value());
				index.putIfAbsent(person.displayName().strip().toLowerCase(Locale.ROOT), person.id().value());
			});
		return index;
	}

}
