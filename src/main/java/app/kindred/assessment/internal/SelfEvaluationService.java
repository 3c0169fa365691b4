package app.kindred.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * A credit-seeking mentor's self-evaluation: a rating on the course's scale for each
 * learning outcome and each of their own objectives, and a written reflection. It is
 * submitted once, after the objectives, and can never be changed: it is what the teacher
 * assesses against, and it closes the objectives.
 */
@Service
public class SelfEvaluationService {

	private final SelfEvaluationStore store;

	private final ObjectiveStore objectives;

	private final Clock clock;

	SelfEvaluationService(SelfEvaluationStore store, ObjectiveStore objectives, Clock clock) {
		this.store = store;
		this.objectives = objectives;
		this.clock = clock;
	}

	/**
	 * What is rated: the course's learning outcomes in the reader's language, then the
	 * mentor's own objectives.
	 */
	public record Subject(UUID id, String text, boolean objective) {
	}

	/** A rule an evaluation as typed breaks, at a subject's rating or the reflection. */
	public record Problem(UUID subject, String key) {
	}

	/**
	 * Whether the student has submitted their self-evaluation: what other parts of the
	 * course may ask.
	 */
	@Transactional(readOnly = true)
	public boolean submitted(ProgrammeId programme, AccountId student) {
		return store.submittedAt(programme, student).isPresent();
	}

	/** When the student submitted it, if they have. */
	@Transactional(readOnly = true)
	public Optional<Instant> submittedAt(ProgrammeId programme, AccountId student) {
		return store.submittedAt(programme, student);
	}

	@Transactional(readOnly = true)
	public Optional<SelfEvaluation> evaluation(Student student) {
		return store.find(student.course().programme().id(), student.account());
	}

	/**
	 * The outcomes and objectives the student rates, in the order the form shows them.
	 */
	@Transactional(readOnly = true)
	public List<Subject> subjects(Student student, Language language) {
		var subjects = new ArrayList<Subject>();
		student.course().outcomes().forEach(o -> subjects.add(new Subject(o.id(), o.text(language), false)));
		objectives.objectives(student.course().programme().id(), student.account())
			.forEach(o -> subjects.add(new Subject(o.id(), o.text(), true)));
		return subjects;
	}

	/**
	 * What is wrong with an evaluation as typed: a rating missing or off the scale (null
	 * for one not given or not a number), a reflection too short or too long.
	 */
	public List<Problem> problems(Course course, List<Subject> subjects, Map<UUID, Integer> ratings,
			String reflection) {
		var problems = new ArrayList<Problem>();
		for (var subject : subjects) {
			var rating = ratings.get(subject.id());
			if (rating == null || rating < 1 || rating > course.ratingScale()) {
				problems.add(new Problem(subject.id(), "assessment.selfEvaluation.ratingMissing"));
			}
		}
		var length = reflection == null ? 0 : reflection.length();
		if (length < SelfEvaluation.REFLECTION_MIN || length > SelfEvaluation.REFLECTION_MAX) {
			problems.add(new Problem(null, "assessment.selfEvaluation.reflectionLength"));
		}
		return problems;
	}

	/**
	 * Submits the evaluation, once. Refused with a 409 when it is in already (two at once
	 * meet at the primary key) or the objectives are not yet written, and with a 422 for
	 * an evaluation that breaks a rule.
	 */
	@Transactional
	public SelfEvaluation submit(Student student, Map<UUID, Integer> ratings, String reflection) {
		var programme = student.course().programme().id();
		if (submitted(programme, student.account())) {
			throw Refused.conflict("assessment.selfEvaluation.alreadySubmitted");
		}
		if (objectives.objectives(programme, student.account()).size() < Objective.FEWEST) {
			throw Refused.conflict("assessment.selfEvaluation.objectivesFirst");
		}
		var subjects = subjects(student, Language.EN);
		problems(student.course(), subjects, ratings, reflection).stream().findFirst().ifPresent(p -> {
			throw Refused.invalid(p.subject() == null ? "reflection" : "ratings", p.key());
		});
		var rated = new LinkedHashMap<UUID, Integer>();
		subjects.forEach(s -> rated.put(s.id(), ratings.get(s.id())));
		var evaluation = new SelfEvaluation(reflection, clock.instant(), rated);
		try {
			store.insert(programme, student.account(), evaluation);
		}
		catch (DuplicateKeyException ex) {
			throw Refused.conflict("assessment.selfEvaluation.alreadySubmitted");
		}
		return evaluation;
	}

}
