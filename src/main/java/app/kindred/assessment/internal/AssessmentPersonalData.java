package app.kindred.assessment.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.core.PersonalDataContributor;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;

/**
 * A credit course in "my data": the person's objectives, every diary entry with every
 * version of its text, the diary handed in, hours of work, reading marked done, their
 * self-evaluation, the peer evaluations they wrote and received (the other mentor not
 * named), and the teachers' decisions on their course with the criteria met (the teacher
 * not named).
 */
@Component
class AssessmentPersonalData implements PersonalDataContributor {

	/**
	 * The tables this export reads about the person (PersonalDataCoverageTests holds
	 * every module to it).
	 */
	static final List<String> TABLES = List.of("objective", "diary_entry", "diary_version", "diary_submission",
			"workload_entry", "reading_done", "self_evaluation", "self_rating", "peer_evaluation", "peer_answer",
			"assessment_decision", "assessment_criterion_met");

	record Course(List<Objective> objectives, List<Entry> diary, List<Handed> diaryHandedIn, List<Work> workload,
			List<Read> reading, List<SelfEvaluation> selfEvaluations, List<Peer> peerEvaluationsWritten,
			List<Peer> peerEvaluationsReceived, List<Result> results) {

		boolean empty() {
			return objectives.isEmpty() && diary.isEmpty() && diaryHandedIn.isEmpty() && workload.isEmpty()
					&& reading.isEmpty() && selfEvaluations.isEmpty() && peerEvaluationsWritten.isEmpty()
					&& peerEvaluationsReceived.isEmpty() && results.isEmpty();
		}

	}

	record Objective(String programme, int number, String outcome, String text, OffsetDateTime updatedAt) {
	}

	record Entry(String programme, LocalDate date, String occasion, boolean shared, OffsetDateTime createdAt,
			OffsetDateTime sharedAt, List<DiaryStore.OwnVersion> versions) {
	}

	record Handed(String programme, OffsetDateTime submittedAt) {
	}

	record Work(String programme, String part, LocalDate date, int minutes, String note) {
	}

	record Read(String programme, String citation, OffsetDateTime doneAt) {
	}

	record SelfEvaluation(String programme, String reflection, OffsetDateTime submittedAt,
			List<SelfEvaluationStore.OwnRating> ratings) {
	}

	record Peer(String programme, String text, OffsetDateTime submittedAt,
			List<PeerEvaluationStore.OwnPeerAnswer> ratings) {
	}

	record Result(String programme, String result, String justification, OffsetDateTime decidedAt, boolean exported,
			List<String> criteriaMet) {
	}

	private final ObjectiveStore objectives;

	private final DiaryStore diaries;

	private final WorkloadStore workload;

	private final CourseStore courses;

	private final SelfEvaluationStore selfEvaluations;

	private final PeerEvaluationStore peers;

	private final DecisionStore decisions;

	private final ProgrammeService programmes;

	AssessmentPersonalData(ObjectiveStore objectives, DiaryStore diaries, WorkloadStore workload, CourseStore courses,
			SelfEvaluationStore selfEvaluations, PeerEvaluationStore peers, DecisionStore decisions,
			ProgrammeService programmes) {
		this.objectives = objectives;
		this.diaries = diaries;
		this.workload = workload;
		this.courses = courses;
		this.selfEvaluations = selfEvaluations;
		this.peers = peers;
		this.decisions = decisions;
		this.programmes = programmes;
	}

	@Override
	public List<Section> personalData(UUID account) {
		var language = Language.of(LocaleContextHolder.getLocale());
		var code = language.name();
		var id = new AccountId(account);
		var course = new Course(
				objectives.objectivesOf(id, code)
					.stream()
					.map(o -> new Objective(name(o.programmeId(), language), o.position() + 1, o.outcome(), o.text(),
							o.updatedAt()))
					.toList(),
				diaries.entriesOf(id)
					.stream()
					.map(e -> new Entry(name(e.programmeId(), language), e.entryDate(), e.occasion(),
							e.sharedAt() != null, e.createdAt(), e.sharedAt(), diaries.versionsOf(e.id())))
					.toList(),
				diaries.submissionsOf(id)
					.stream()
					.map(s -> new Handed(name(s.programmeId(), language), s.submittedAt()))
					.toList(),
				workload.entriesOf(id)
					.stream()
					.map(w -> new Work(name(w.programmeId(), language), w.part(), w.workDate(), w.minutes(), w.note()))
					.toList(),
				courses.readingDoneBy(id)
					.stream()
					.map(r -> new Read(name(r.programmeId(), language), r.citation(), r.doneAt()))
					.toList(),
				selfEvaluations.evaluationsOf(id)
					.stream()
					.map(s -> new SelfEvaluation(name(s.programmeId(), language), s.reflection(), s.submittedAt(),
							selfEvaluations.ratingsOf(id, s.programmeId(), code)))
					.toList(),
				peers.writtenBy(id).stream().map(p -> peer(p, language)).toList(),
				peers.writtenAbout(id).stream().map(p -> peer(p, language)).toList(),
				decisions.decisionsAbout(id)
					.stream()
					.map(d -> new Result(name(d.programmeId(), language), d.result(), d.justification(), d.decidedAt(),
							d.exported(), decisions.criteriaMet(d.id(), code)))
					.toList());
		return course.empty() ? List.of() : List.of(new Section("assessment.data.course", 60, course));
	}

	private Peer peer(PeerEvaluationStore.OwnPeerEvaluation p, Language language) {
		return new Peer(name(p.programmeId(), language), p.text(), p.submittedAt(), peers.answersOf(p.id()));
	}

	private String name(UUID programme, Language language) {
		return programmes.find(new ProgrammeId(programme)).map(p -> p.text(language).name()).orElse(null);
	}

}
