package app.kindred.assessment.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import app.kindred.identity.AccountId;

/**
 * Peer evaluation on the course page (how many of the co-mentors the mentor has
 * evaluated, and how many evaluations of them are revealed) and on a teacher's page about
 * a mentor (only the revealed evaluations, of them and by them, read-only).
 */
@Component
class PeerEvaluationPart implements CoursePart {

	private final PeerReviewService peers;

	PeerEvaluationPart(PeerReviewService peers) {
		this.peers = peers;
	}

	@Override
	public String titleKey() {
		return "assessment.peer.title";
	}

	@Override
	public String path() {
		return "peer";
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public Optional<Section> forStudent(Student student) {
		if (!student.forCredit()) {
			return Optional.empty();
		}
		var overview = peers.overviewOf(student);
		int total = overview.coMentors().size();
		if (total == 0) {
			return Optional.of(new Section("assessment/peer-fragments :: card", overview,
					"assessment.peer.status.noGroup", List.of(), false));
		}
		return Optional.of(new Section("assessment/peer-fragments :: card", overview, "assessment.peer.status",
				List.of(overview.written(), total, overview.received()),
				overview.open() && overview.written() < total));
	}

	@Override
	public Optional<Section> forTeacher(Student student, AccountId teacher) {
		if (!student.forCredit()) {
			return Optional.empty();
		}
		var read = peers.forTeacher(student);
		return Optional.of(new Section("assessment/peer-fragments :: teacher", read, "assessment.peer.teacherStatus",
				List.of(read.writtenCount(), read.coMentors(), read.received().size()), false));
	}

}
