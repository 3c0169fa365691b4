package app.kindred.assessment;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.assessment.AssessmentDecided.Result;
import app.kindred.assessment.internal.AssessmentService;
import app.kindred.assessment.internal.Course;
import app.kindred.assessment.internal.CourseSettingsService;
import app.kindred.assessment.internal.Courses;
import app.kindred.assessment.internal.DiaryService;
import app.kindred.assessment.internal.Objective;
import app.kindred.assessment.internal.ObjectiveService;
import app.kindred.assessment.internal.PeerQuestion;
import app.kindred.assessment.internal.PeerReviewService;
import app.kindred.assessment.internal.SelfEvaluationService;
import app.kindred.assessment.internal.WorkloadPart;
import app.kindred.assessment.internal.WorkloadService;
import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * What the course's staff and credit-seeking mentors do on its pages, for callers outside
 * the assessment module that act on their behalf: the demo data sets up its course and
 * has its mentors part-way through. Each method goes to the service the page uses, with
 * the same rules and refusals: only the programme's coordinators and teachers set the
 * course up, only its credit-seeking mentors write their objectives, share entries, log
 * hours and evaluate, only its teachers decide, and a diary entry names no participant.
 */
@Service
public class CourseWork {

	private final Courses courses;

	private final CourseSettingsService settings;

	private final ObjectiveService objectives;

	private final DiaryService diaries;

	private final WorkloadService workload;

	private final SelfEvaluationService selfEvaluations;

	private final PeerReviewService peers;

	private final AssessmentService assessment;

	CourseWork(Courses courses, CourseSettingsService settings, ObjectiveService objectives, DiaryService diaries,
			WorkloadService workload, SelfEvaluationService selfEvaluations, PeerReviewService peers,
			AssessmentService assessment) {
		this.courses = courses;
		this.settings = settings;
		this.objectives = objectives;
		this.diaries = diaries;
		this.workload = workload;
		this.selfEvaluations = selfEvaluations;
		this.peers = peers;
		this.assessment = assessment;
	}

	/**
	 * A mentor's learning objective: its text and the course's outcome (from 1) it
	 * serves, if any.
	 */
	public record ObjectiveText(String text, Integer outcome) {
	}

	/**
	 * Sets up a credit course as its settings page saves it: the course code, and the
	 * learning outcomes and assessment criteria (each its text per language) in order,
	 * replacing any there; the rating scale, the deadlines and the weeks for assessment
	 * are the defaults.
	 */
	public void setUp(ProgrammeId id, AccountId by, String code, List<Map<Language, String>> outcomes,
			List<Map<Language, String>> criteria) {
		var stored = new Course.Settings(code, Course.DEFAULT_SCALE, null, null, null, null,
				Course.DEFAULT_ASSESSMENT_WEEKS, false, false);
		settings.save(id, by, stored, drafts(outcomes), drafts(criteria));
	}

	/** Writes the mentor's objectives over any they had, in order. */
	@Transactional
	public void writeObjectives(ProgrammeId id, AccountId mentor, List<ObjectiveText> texts) {
		var student = courses.creditStudent(id, mentor);
		var outcomes = student.course().outcomes();
		var drafts = texts.stream()
			.map(t -> new Objective.Draft(t.text(), t.outcome() == null ? null : outcome(outcomes, t.outcome())))
			.toList();
		objectives.save(student, drafts);
	}

	/**
	 * Writes a private diary entry dated {@code date}, about one of the mentor's past
	 * training sessions or their group's meetings that have begun (its id), or about
	 * nothing in particular (null).
	 * @return the entry's id
	 */
	@Transactional
	public UUID writeDiaryEntry(ProgrammeId id, AccountId mentor, LocalDate date, UUID about, String text) {
		var rules = diaries.rules(diaries.diary(id, mentor).student());
		var occasion = about == null ? null
				: rules.choices()
					.stream()
					.filter(c -> c.id().equals(about))
					.findFirst()
					.orElseThrow(() -> Refused.invalid("occasion", "assessment.diary.occasion.unknown"));
		return diaries.create(id, new DiaryService.Draft(date, occasion, text), mentor);
	}

	/** Shares one of the mentor's entries with the programme's teachers. */
	public void shareDiaryEntry(ProgrammeId id, AccountId mentor, UUID entry) {
		diaries.share(id, entry, mentor);
	}

	/** Hands in the mentor's whole diary: every entry shared. */
	public void handInDiary(ProgrammeId id, AccountId mentor) {
		diaries.submit(id, mentor);
	}

	/**
	 * Logs the mentor's hours on a part of the course's workload, by its name as the
	 * workload page sends it (FAMILIARISATION, TRAINING, GROUPS, LITERATURE).
	 */
	public void logHours(ProgrammeId id, AccountId mentor, String part, LocalDate date, int minutes, String note) {
		workload.log(id, mentor, WorkloadPart.valueOf(part), date, minutes, note);
	}

	/** Marks the item at this position (from 1) of the programme's reading list read. */
	@Transactional
	public void markRead(ProgrammeId id, AccountId mentor, int position) {
		var items = workload.readingOf(id, mentor).items();
		if (position < 1 || position > items.size()) {
			throw new NotFoundException("reading");
		}
		workload.markRead(id, mentor, items.get(position - 1).id(), true);
	}

	/**
	 * Submits the mentor's self-evaluation: ratings in the order its form shows them (the
	 * course's outcomes, then the mentor's objectives) and the written reflection.
	 */
	@Transactional
	public void submitSelfEvaluation(ProgrammeId id, AccountId mentor, List<Integer> ratings, String reflection) {
		var student = courses.creditStudent(id, mentor);
		var subjects = selfEvaluations.subjects(student, Language.EN);
		if (ratings.size() != subjects.size()) {
			throw Refused.invalid("ratings", "assessment.selfEvaluation.ratingMissing");
		}
		var rated = new LinkedHashMap<UUID, Integer>();
		for (int i = 0; i < subjects.size(); i++) {
			rated.put(subjects.get(i).id(), ratings.get(i));
		}
		selfEvaluations.submit(student, rated, reflection);
	}

	/**
	 * Submits the mentor's evaluation of a co-mentor: ratings in the order of the peer
	 * evaluation's questions, and the written feedback.
	 */
	public void submitPeerEvaluation(ProgrammeId id, AccountId mentor, AccountId coMentor, List<Integer> ratings,
			String text) {
		var questions = PeerQuestion.values();
		if (ratings.size() != questions.length) {
			throw Refused.invalid("ratings", "assessment.peer.rating.invalid");
		}
		var rated = new EnumMap<PeerQuestion, Integer>(PeerQuestion.class);
		for (int i = 0; i < questions.length; i++) {
			rated.put(questions[i], ratings.get(i));
		}
		peers.submit(id, mentor, coMentor, rated, text);
	}

	/**
	 * A teacher's decision on a credit-seeking mentor, as the assessment page records it:
	 * the result, the course's criteria met by their position (from 1) and the written
	 * justification. The mentor is told the result.
	 */
	@Transactional
	public void decide(ProgrammeId id, AccountId mentor, AccountId teacher, Result result, List<Integer> met,
			String justification) {
		var criteria = courses.taught(id, teacher).criteria();
		var ids = new HashSet<UUID>();
		for (var number : met) {
			if (number < 1 || number > criteria.size()) {
				throw Refused.invalid("criteria", "assessment.decision.unknownCriterion");
			}
			ids.add(criteria.get(number - 1).id());
		}
		assessment.decide(id, mentor, teacher, result, ids, justification);
	}

	private static List<CourseSettingsService.Draft> drafts(List<Map<Language, String>> items) {
		return items.stream().map(texts -> new CourseSettingsService.Draft(null, texts)).toList();
	}

	private static UUID outcome(List<Course.Item> outcomes, int number) {
		if (number < 1 || number > outcomes.size()) {
			throw Refused.invalid("objectives", "assessment.objectives.unknownOutcome");
		}
		return outcomes.get(number - 1).id();
	}

}
