package app.kindred.assessment.internal;

import static app.kindred.assessment.internal.CourseStore.at;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.assessment.CourseDeadlineNear.Part;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * Deadline reminders claimed, and whether a mentor has done a part of the course (read
 * only: the parts' own pages write those tables). Callers own the transactions.
 */
@Repository
class CourseReminderStore {

	/** Objectives are done when at least this many are written. */
	static final int OBJECTIVES_DONE = 2;

	private final JdbcClient jdbc;

	CourseReminderStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Who has been reminded of this part's deadline. */
	Set<AccountId> claimed(ProgrammeId programme, Part part, Instant dueAt) {
		return new HashSet<>(jdbc
			.sql("select account_id from course_reminder_claim where programme_id = ? and part = ? and due_at = ?")
			.params(programme.value(), part.name(), at(dueAt))
			.query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
			.list());
	}

	/** Claims one reminder; a second claim of the same one fails on the primary key. */
	void claim(ProgrammeId programme, AccountId person, Part part, Instant dueAt, Instant now) {
		jdbc.sql("""
				insert into course_reminder_claim (programme_id, account_id, part, due_at, claimed_at)
				values (?, ?, ?, ?, ?)""")
			.params(programme.value(), person.value(), part.name(), at(dueAt), at(now))
			.update();
	}

	/** Claims are needed only until their deadline has passed. */
	void forgetClaimsBefore(Instant instant) {
		jdbc.sql("delete from course_reminder_claim where due_at < ?").param(at(instant)).update();
	}

	int objectives(ProgrammeId programme, AccountId person) {
		return count("select count(*) from objective where programme_id = ? and account_id = ?", programme, person);
	}

	boolean diarySubmitted(ProgrammeId programme, AccountId person) {
		return count("select count(*) from diary_submission where programme_id = ? and account_id = ?", programme,
				person) > 0;
	}

	boolean selfEvaluated(ProgrammeId programme, AccountId person) {
		return count("select count(*) from self_evaluation where programme_id = ? and account_id = ?", programme,
				person) > 0;
	}

	/** The co-mentors the person has evaluated. */
	Set<AccountId> peersEvaluated(ProgrammeId programme, AccountId person) {
		return new HashSet<>(jdbc.sql("select subject_id from peer_evaluation where programme_id = ? and author_id = ?")
			.params(programme.value(), person.value())
			.query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
			.list());
	}

	private int count(String sql, ProgrammeId programme, AccountId person) {
		return jdbc.sql(sql).params(programme.value(), person.value()).query(Integer.class).single();
	}

}
