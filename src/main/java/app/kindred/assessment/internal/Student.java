package app.kindred.assessment.internal;

import java.util.List;
import java.util.Optional;

import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;

/**
 * A mentor with a place in a programme, as the course sees them: whether they take it for
 * credits and with which student number (both from their sign-up), and their published
 * group, if any, with its other mentors (their co-mentors, for peer evaluation).
 */
public record Student(Course course, AccountId account, boolean forCredit, String studentNumber,
		Optional<PublishedGroups.Group> group) {

	/** The other mentors of the student's group: one in a pair, two in a three. */
	public List<AccountId> coMentors() {
		return group.map(g -> g.mentors().stream().filter(m -> !m.equals(account)).toList()).orElse(List.of());
	}

	/**
	 * Whether the student keeps a diary here: for credits, or where the course offers one
	 * to all.
	 */
	public boolean keepsDiary() {
		return forCredit || course.diaryForAll();
	}

}
