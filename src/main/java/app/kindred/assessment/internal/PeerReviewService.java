package app.kindred.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeId;

/**
 * Peer evaluation: a credit-seeking mentor evaluates each co-mentor of their published
 * group once, with a rating per {@link PeerQuestion} and a written part. An evaluation is
 * shown to its subject (and the programme's teachers) only when the subject has submitted
 * theirs of its author, or the deadline has passed; before that, the subject is not even
 * told whether it exists, so that nobody writes theirs under its weight. A mentor never
 * reads an evaluation of anyone but themselves. A co-mentor who does not take the course
 * for credits is evaluated like any other, but evaluates nobody: the course is not
 * theirs. Submitting after the deadline is refused, as everything written is shown by
 * then.
 */
@Service
public class PeerReviewService {

	public static final int TEXT_MIN = 20;

	public static final int TEXT_MAX = 4000;

	/** What the viewer may know of their co-mentor's evaluation of them. */
	public enum Theirs {

		/** Shown once the viewer has submitted theirs: whether it exists is not told. */
		HIDDEN,
		/** The viewer may read it, but the co-mentor has not written it (yet). */
		AWAITED,
		/** Written and revealed. */
		REVEALED

	}

	/** A co-mentor as the evaluating mentor sees them, with both evaluations' states. */
	public record CoMentor(AccountId id, String name, Optional<PeerEvaluation> mine, Theirs theirsState,
			Optional<PeerEvaluation> theirs) {

		public boolean written() {
			return mine.isPresent();
		}

	}

	/** The mentor's co-mentors, and whether evaluations may still be submitted. */
	public record Overview(Student student, Instant due, boolean open, List<CoMentor> coMentors) {

		public long written() {
			return coMentors.stream().filter(CoMentor::written).count();
		}

		public long received() {
			return coMentors.stream().filter(c -> c.theirsState() == Theirs.REVEALED).count();
		}

	}

	/** One co-mentor's page: the questions on the course's scale, and what is written. */
	public record Page(Overview overview, CoMentor coMentor) {

		public List<PeerQuestion> questions() {
			return List.of(PeerQuestion.values());
		}

		public int scale() {
			return overview.student().course().ratingScale();
		}

	}

	/**
	 * What a teacher may read about a student: revealed evaluations of them, and the
	 * revealed ones they wrote, with the names of the other mentors.
	 */
	public record ForTeacher(List<PeerEvaluation> received, List<PeerEvaluation> written, Map<AccountId, String> names,
			int coMentors, long writtenCount, int scale) {

		public String name(AccountId person) {
			return names.getOrDefault(person, "");
		}

		public List<PeerQuestion> questions() {
			return List.of(PeerQuestion.values());
		}

	}

	private final Courses courses;

	private final PeerEvaluationStore store;

	private final Accounts accounts;

	private final Clock clock;

	PeerReviewService(Courses courses, PeerEvaluationStore store, Accounts accounts, Clock clock) {
		this.courses = courses;
		this.store = store;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The viewer's co-mentors; 404 for anyone not taking the course for credits. */
	@Transactional(readOnly = true)
	public Overview overview(ProgrammeId id, AccountId viewer) {
		return overviewOf(courses.creditStudent(id, viewer));
	}

	/**
	 * The page for evaluating one co-mentor; 404 for anyone who is not the viewer's
	 * co-mentor now (a mentor of another group, a participant, the viewer, an unknown
	 * id).
	 */
	@Transactional(readOnly = true)
	public Page page(ProgrammeId id, AccountId viewer, AccountId coMentor) {
		var overview = overview(id, viewer);
		var found = overview.coMentors()
			.stream()
			.filter(c -> c.id().equals(coMentor))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("co-mentor"));
		return new Page(overview, found);
	}

	/**
	 * Submits the viewer's evaluation of a co-mentor, once: a second one (also one racing
	 * the first) and one after the deadline are refused (409); a rating off the course's
	 * scale or a question left out, and text too short or too long, at their fields
	 * (422).
	 */
	@Transactional
	public void submit(ProgrammeId id, AccountId viewer, AccountId coMentor, Map<PeerQuestion, Integer> ratings,
			String text) {
		var page = page(id, viewer, coMentor);
		if (!page.overview().open()) {
			throw Refused.conflict("assessment.peer.closed");
		}
		if (page.coMentor().written()) {
			throw Refused.conflict("assessment.peer.already");
		}
		for (var question : PeerQuestion.values()) {
			var rating = ratings.get(question);
			if (rating == null || rating < 1 || rating > page.scale()) {
				throw Refused.invalid(question.field(), "assessment.peer.rating.invalid");
			}
		}
		var written = text == null ? "" : text.strip();
		if (written.length() < TEXT_MIN || written.length() > TEXT_MAX) {
			throw Refused.invalid("text", "assessment.peer.text.length");
		}
		var student = page.overview().student();
		var group = student.group().orElseThrow(() -> new NotFoundException("group")).id();
		try {
			store.insert(id,
					new PeerEvaluation(UUID.randomUUID(), group, viewer, coMentor, written, clock.instant(), ratings));
		}
		catch (DuplicateKeyException raced) {
			// The same mentor's other submit committed first: theirs stands
			throw Refused.conflict("assessment.peer.already");
		}
	}

	/** The student's co-mentors with both evaluations' states, for their course page. */
	@Transactional(readOnly = true)
	public Overview overviewOf(Student student) {
		var course = student.course();
		var id = course.programme().id();
		var now = clock.instant();
		var known = store.involving(id, student.account());
		var names = names(student.coMentors());
		var coMentors = student.coMentors().stream().map(other -> {
			var mine = known.stream()
				.filter(e -> e.author().equals(student.account()) && e.subject().equals(other))
				.findFirst();
			var theirs = known.stream()
				.filter(e -> e.author().equals(other) && e.subject().equals(student.account()))
				.filter(e -> e.revealed(known, course.peerEvaluationDue(), now))
				.findFirst();
			var state = theirs.isPresent() ? Theirs.REVEALED
					: mine.isPresent() || now.isAfter(course.peerEvaluationDue()) ? Theirs.AWAITED : Theirs.HIDDEN;
			return new CoMentor(other, names.getOrDefault(other, ""), mine, state, theirs);
		}).toList();
		return new Overview(student, course.peerEvaluationDue(), !now.isAfter(course.peerEvaluationDue()), coMentors);
	}

	/**
	 * What the teachers may read about a student: only revealed evaluations, by the same
	 * rule as the mentors'. Everything the student wrote or received is all the rule
	 * needs for both directions. The caller has decided the reader is the programme's
	 * teacher.
	 */
	@Transactional(readOnly = true)
	public ForTeacher forTeacher(Student student) {
		var course = student.course();
		var now = clock.instant();
		var known = store.involving(course.programme().id(), student.account());
		var revealed = known.stream().filter(e -> e.revealed(known, course.peerEvaluationDue(), now)).toList();
		var received = revealed.stream().filter(e -> e.subject().equals(student.account())).toList();
		var written = revealed.stream().filter(e -> e.author().equals(student.account())).toList();
		var others = known.stream()
			.flatMap(e -> Stream.of(e.author(), e.subject()))
			.filter(p -> !p.equals(student.account()))
			.distinct()
			.toList();
		long writtenCount = known.stream()
			.filter(e -> e.author().equals(student.account()) && student.coMentors().contains(e.subject()))
			.count();
		return new ForTeacher(received, written, names(others), student.coMentors().size(), writtenCount,
				course.ratingScale());
	}

	private Map<AccountId, String> names(List<AccountId> people) {
		var found = accounts.findAll(people);
		return people.stream()
			.filter(found::containsKey)
			.collect(Collectors.toMap(p -> p, p -> found.get(p).displayName()));
	}

}
