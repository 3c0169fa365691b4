package app.kindred.training.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;
import app.kindred.training.MentorSession;
import app.kindred.training.Readiness;

/**
 * What a mentor does with their own trainings: sees them with their readiness, adds them
 * to their calendar, and says in advance when they cannot come. Only accepted mentors of
 * the programme get anything; everyone else gets a 404.
 */
@Service
public class MentorTrainingService {

	private final TrainingStore store;

	private final Mentors mentors;

	private final ProgrammeService programmes;

	private final Clock clock;

	MentorTrainingService(TrainingStore store, Mentors mentors, ProgrammeService programmes, Clock clock) {
		this.store = store;
		this.mentors = mentors;
		this.programmes = programmes;
		this.clock = clock;
	}

	/**
	 * What one mentor sees: their sessions, whether they said they cannot come, whether
	 * they came, and readiness.
	 */
	public record MentorView(ProgrammeView programme, List<MySession> sessions, Readiness readiness) {
	}

	/**
	 * One of a mentor's sessions; {@code upcoming} until it starts, when saying one
	 * cannot come still helps.
	 */
	public record MySession(MentorSession session, boolean saidCannotCome, boolean attended, boolean upcoming) {
	}

	@Transactional(readOnly = true)
	public MentorView mine(ProgrammeId id, AccountId mentor) {
		var programme = programmes.find(id).orElseThrow(() -> new NotFoundException("programme"));
		mentors.require(id, mentor);
		var absent = store.absencesOf(mentor);
		var attended = store.attendanceOf(mentor);
		var mine = store.sessions(id)
			.stream()
			.map(s -> new MySession(s, absent.contains(s.id()), attended.contains(s.id()),
					clock.instant().isBefore(s.startsAt())))
			.toList();
		var readiness = mentors.readiness(programme)
			.stream()
			.filter(r -> r.mentor().equals(mentor))
			.findFirst()
			.orElseThrow();
		return new MentorView(programme, mine, readiness);
	}

	/**
	 * A mentor says they cannot come (or can after all); only before the session starts.
	 */
	@Transactional
	public void respond(ProgrammeId id, UUID session, boolean canCome, AccountId mentor) {
		mentors.require(id, mentor);
		var current = session(id, session);
		if (current.cancelled()) {
			throw Refused.conflict("training.refused.CANCELLED");
		}
		if (!clock.instant().isBefore(current.startsAt())) {
			throw Refused.conflict("training.refused.STARTED");
		}
		store.respond(session, mentor, canCome, clock.instant());
	}

	/** A session of the mentor's programme, for their calendar file. */
	@Transactional(readOnly = true)
	public MentorSession sessionFor(ProgrammeId id, UUID session, AccountId mentor) {
		mentors.require(id, mentor);
		return session(id, session);
	}

	private MentorSession session(ProgrammeId id, UUID session) {
		return store.session(id, session).orElseThrow(() -> new NotFoundException("session"));
	}

}
