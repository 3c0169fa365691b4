package app.kindred.training.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.core.PersonalDataContributor;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.training.SessionKind;
import app.kindred.training.TrainingService;

/**
 * A mentor's training in "my data": the sessions they came to or said they could not come
 * to, and per programme their readiness (trainings attended and required, and a
 * coordinator's decision with its reason).
 */
@Component
class TrainingPersonalData implements PersonalDataContributor {

	/**
	 * The tables this export reads about the person (PersonalDataCoverageTests holds
	 * every module to it).
	 */
	static final List<String> TABLES = List.of("session_attendance", "session_absence", "readiness_override");

	record Training(List<Session> sessions, List<Readiness> readiness) {
	}

	record Session(String programme, SessionKind kind, Instant startsAt, int minutes, Instant cancelledAt,
			boolean attended, Instant absenceSaidAt) {
	}

	record Readiness(String programme, int trainingsAttended, int trainingsRequired, boolean ready,
			Boolean decidedReady, String reason, Instant decidedAt) {
	}

	private final TrainingStore store;

	private final TrainingService training;

	private final ProgrammeService programmes;

	TrainingPersonalData(TrainingStore store, TrainingService training, ProgrammeService programmes) {
		this.store = store;
		this.training = training;
		this.programmes = programmes;
	}

	@Override
	public List<Section> personalData(UUID account) {
		var language = Language.of(LocaleContextHolder.getLocale());
		var id = new AccountId(account);
		var own = store.sessionsOf(id);
		var decisions = store.decisionsOf(id);
		var sessions = own.stream()
			.map(s -> new Session(name(s.programme(), language), s.kind(), s.startsAt(), s.minutes(), s.cancelledAt(),
					s.attendanceRecordedAt() != null, s.absenceSaidAt()))
			.toList();
		var concerned = new LinkedHashSet<ProgrammeId>();
		own.forEach(s -> concerned.add(s.programme()));
		decisions.forEach(d -> concerned.add(d.programme()));
		var readiness = concerned.stream()
			.flatMap(p -> training.readinessOf(p).stream().filter(r -> r.mentor().equals(id)).map(r -> {
				var decided = decisions.stream().filter(d -> d.programme().equals(p)).findFirst();
				return new Readiness(name(p, language), r.trainingsAttended(), r.trainingsRequired(), r.ready(),
						r.overridden(), r.overrideReason(),
						decided.map(TrainingStore.OwnDecision::decidedAt).orElse(null));
			}))
			.toList();
		if (sessions.isEmpty() && readiness.isEmpty()) {
			return List.of();
		}
		return List.of(new Section("training.data.training", 30, new Training(sessions, readiness)));
	}

	private String name(ProgrammeId programme, Language language) {
		return programmes.find(programme).map(p -> p.text(language).name()).orElse(null);
	}

}
