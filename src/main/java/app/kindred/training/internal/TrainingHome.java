package app.kindred.training.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.HomeContributor;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeWindow;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.training.MentorSession;
import app.kindred.training.Readiness;

/**
 * Training's part of Home: a mentor's next session, the trainings they attended against
 * the rule and whether they are ready to lead; for coordinators how many mentors are
 * ready, and sessions held whose attendance is not recorded yet.
 */
@Component
class TrainingHome implements HomeContributor {

	private final MentorTrainingService training;

	private final RecruitmentService recruitment;

	private final ProgrammeAccess access;

	private final Mentors mentors;

	private final TrainingStore store;

	TrainingHome(MentorTrainingService training, RecruitmentService recruitment, ProgrammeAccess access,
			Mentors mentors, TrainingStore store) {
		this.training = training;
		this.recruitment = recruitment;
		this.access = access;
		this.mentors = mentors;
		this.store = store;
	}

	/** A mentor's training: the next session they are expected at, if any. */
	record Mine(UUID programme, MentorSession next, int attended, int required, boolean ready) {

		public String link() {
			return "/programmes/" + programme + "/my-training";
		}

	}

	/** A programme's mentors' training, as its coordinators see it on Home. */
	record Overview(UUID programme, int ready, int mentors, int upcoming) {

		public String link() {
			return "/programmes/" + programme + "/training";
		}

	}

	@Override
	public List<Part> parts(Viewer viewer) {
		var account = new AccountId(viewer.account());
		var parts = new ArrayList<Part>();
		for (var id : recruitment.acceptedIn(account, RecruitmentRole.MENTOR)) {
			var mine = training.mine(id, account);
			var next = mine.sessions()
				.stream()
				.filter(s -> s.upcoming() && !s.session().cancelled() && !s.saidCannotCome())
				.map(MentorTrainingService.MySession::session)
				.min(Comparator.comparing(MentorSession::startsAt))
				.orElse(null);
			var readiness = mine.readiness();
			parts.add(Part.of(id.value(), Role.MENTOR, 20, "training/home", "mentor", new Mine(id.value(), next,
					readiness.trainingsAttended(), readiness.trainingsRequired(), readiness.ready())));
		}
		for (var programme : access.coordinatedBy(account)) {
			var readiness = mentors.readiness(programme);
			var sessions = store.sessions(programme.id()).stream().filter(s -> !s.cancelled()).toList();
			var overview = new Overview(programme.id().value(),
					(int) readiness.stream().filter(Readiness::ready).count(), readiness.size(),
					(int) sessions.stream().filter(s -> s.startsAt().isAfter(viewer.now())).count());
			var tasks = sessions.stream()
				.filter(s -> s.endsAt().isBefore(viewer.now()) && store.attended(s.id()).isEmpty())
				.map(s -> Task.of("home.training.attendance", overview.link() + "/sessions/" + s.id(), s.startsAt()))
				.toList();
			var part = Part.of(programme.id().value(), Role.COORDINATOR, 20, "training/home", "coordinator", overview)
				.needing(tasks);
			var callClosed = programme.settings().closed(ProgrammeWindow.MENTOR_CALL, viewer.now());
			boolean started = sessions.stream().anyMatch(s -> !s.startsAt().isAfter(viewer.now()));
			parts.add(callClosed || started ? part.reached(Phase.TRAININGS) : part);
		}
		return parts;
	}

}
