package app.kindred.recruitment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.ApplicationStatus;
import app.kindred.recruitment.Decision;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.SignUpAnswers;

/**
 * The applications, with the answers people gave (the first in columns of their own, the
 * rest as one document), and the audit trail of coordinators' decisions about them.
 */
@Repository
public class ApplicationStore {

	/** Where an application stands, for {@link #status} and {@link #latestStatus}. */
	private static final String STATUS = """
			select a.id, a.programme_id, a.role, a.state, a.arrival, a.created_at,
			       case when a.state = 'WAITING' then a.waiting_rank - p.first_waiting_rank
			            - (select count(*) from waiting_departure d
			                where d.programme_id = a.programme_id and d.role = a.role
			                  and d.waiting_rank < a.waiting_rank) end as ahead
			  from application a
			  left join seat_pool p on p.programme_id = a.programme_id and p.role = a.role
			""";

	/** Whose application it is, and for which role. */
	record Owner(RecruitmentRole role, AccountId account) {
	}

	/** One application as stored, with every answer given. */
	record Row(UUID id, AccountId account, ApplicationState state, long arrival, String languages, String delivery,
			String department, String motivation, String experience, Instant createdAt, SignUpAnswers.Details details) {
	}

	/** How many applications of a role are in a state. */
	record Count(RecruitmentRole role, ApplicationState state, int count) {
	}

	/**
	 * One hand-made change as stored: who did what to whose application, why and when.
	 */
	record AuditRow(AccountId actor, String action, String reason, Instant at, AccountId subject) {
	}

	/** An application still in the running. */
	record Live(UUID id, AccountId account) {
	}

	private final JdbcClient jdbc;

	private final AnswerDocuments documents;

	ApplicationStore(JdbcClient jdbc, AnswerDocuments documents) {
		this.jdbc = jdbc;
		this.documents = documents;
	}

	/**
	 * A new application, pending the allocator's decision; throws
	 * {@code DuplicateKeyException} when the person has a live one in this programme
	 * already, for either role (the constraint {@code application_live_once}).
	 */
	public void insertPending(UUID id, ProgrammeId programme, RecruitmentRole role, AccountId account,
			SignUpAnswers answers, Instant at) {
		jdbc.sql("""
				insert into application (id, programme_id, role, account_id, live_account, state, languages, delivery,
				                         department, motivation, experience, answers, created_at)
				values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, programme.value(), role.name(), account.value(), account.value(), languages(answers),
					answers.delivery().name(), blankToNull(answers.department()), blankToNull(answers.motivation()),
					blankToNull(answers.experience()), documents.write(answers.details()), Timestamp.from(at))
			.update();
	}

	/** Changes the answers; where the application is in line does not change. */
	public void updateAnswers(UUID id, SignUpAnswers answers, Instant at) {
		jdbc.sql("""
				update application set languages = ?, delivery = ?, department = ?, motivation = ?, experience = ?,
				       answers = ?, updated_at = ?
				 where id = ?""")
			.params(languages(answers), answers.delivery().name(), blankToNull(answers.department()),
					blankToNull(answers.motivation()), blankToNull(answers.experience()),
					documents.write(answers.details()), Timestamp.from(at), id)
			.update();
	}

	/** The roles in which the person has a live application in this programme. */
	public List<RecruitmentRole> liveRoles(ProgrammeId programme, AccountId account) {
		return jdbc.sql("""
				select role from application where programme_id = ? and account_id = ?
				   and state in ('PENDING', 'AWAITING', 'SEATED', 'WAITING')""")
			.params(programme.value(), account.value())
			.query((rs, n) -> RecruitmentRole.valueOf(rs.getString(1)))
			.list();
	}

	/**
	 * Where the application stands, with its place on the waiting list as it is now: from
	 * its rank, the pool's first rank and the departures before it ({@link WaitingList}),
	 * in one statement so that all three are read together.
	 */
	public ApplicationStatus status(UUID id) {
		return jdbc.sql(STATUS + " where a.id = ?").param(id).query(this::statusRow).single();
	}

	/**
	 * As {@link #status}, of the person's latest application in this role (a withdrawn
	 * one is followed by a new one), in the same one statement.
	 */
	public Optional<ApplicationStatus> latestStatus(ProgrammeId programme, RecruitmentRole role, AccountId account) {
		return jdbc.sql(STATUS + """
				where a.programme_id = ? and a.role = ? and a.account_id = ?
				order by a.submitted desc fetch first 1 rows only""")
			.params(programme.value(), role.name(), account.value())
			.query(this::statusRow)
			.optional();
	}

	private ApplicationStatus statusRow(ResultSet rs, int row) throws SQLException {
		var state = ApplicationState.valueOf(rs.getString("state"));
		return new ApplicationStatus(rs.getObject("id", UUID.class), rs.getObject("programme_id", UUID.class),
				RecruitmentRole.valueOf(rs.getString("role")), state, rs.getLong("arrival"),
				state == ApplicationState.WAITING ? rs.getInt("ahead") + 1 : 0,
				rs.getTimestamp("created_at").toInstant());
	}

	/** Everyone with a place in this role, in arrival order. */
	public List<AccountId> accepted(ProgrammeId programme, RecruitmentRole role) {
		return jdbc.sql(
				"select account_id from application where programme_id = ? and role = ? and state = 'SEATED' order by arrival")
			.params(programme.value(), role.name())
			.query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
			.list();
	}

	/** Everyone on the waiting list in this role, in arrival order. */
	public List<AccountId> waiting(ProgrammeId programme, RecruitmentRole role) {
		return jdbc.sql(
				"select account_id from application where programme_id = ? and role = ? and state = 'WAITING' order by arrival")
			.params(programme.value(), role.name())
			.query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
			.list();
	}

	/** Every programme the person has applied to, in any state. */
	public List<ProgrammeId> appliedTo(AccountId account) {
		return jdbc.sql("select distinct programme_id from application where account_id = ?")
			.params(account.value())
			.query((rs, n) -> new ProgrammeId(rs.getObject(1, UUID.class)))
			.list();
	}

	/** The programmes in which the person has a place in this role. */
	public List<ProgrammeId> acceptedIn(AccountId account, RecruitmentRole role) {
		return jdbc.sql("select programme_id from application where account_id = ? and role = ? and state = 'SEATED'")
			.params(account.value(), role.name())
			.query((rs, n) -> new ProgrammeId(rs.getObject(1, UUID.class)))
			.list();
	}

	/** Everyone with a place in this role, in arrival order, with their answers. */
	public List<RecruitmentService.Accepted> acceptedWithAnswers(ProgrammeId programme, RecruitmentRole role) {
		return jdbc.sql("""
				select account_id, arrival, languages, delivery, department, motivation, experience, answers
				  from application where programme_id = ? and role = ? and state = 'SEATED' order by arrival""")
			.params(programme.value(), role.name())
			.query((rs, n) -> new RecruitmentService.Accepted(new AccountId(rs.getObject(1, UUID.class)), rs.getLong(2),
					answers(rs)))
			.list();
	}

	/** The answers of the person's own application, as they gave them last. */
	public Optional<SignUpAnswers> answers(ProgrammeId programme, RecruitmentRole role, AccountId account) {
		return jdbc.sql("""
				select languages, delivery, department, motivation, experience, answers from application
				 where programme_id = ? and role = ? and account_id = ?
				 order by submitted desc fetch first 1 rows only""")
			.params(programme.value(), role.name(), account.value())
			.query((rs, n) -> answers(rs))
			.optional();
	}

	/**
	 * The answers of the current row, read by column name from a query that selects them
	 * all.
	 */
	private SignUpAnswers answers(ResultSet rs) throws SQLException {
		return new SignUpAnswers(
				Arrays.stream(rs.getString("languages").split(",")).map(Language::valueOf).collect(Collectors.toSet()),
				SignUpAnswers.Delivery.valueOf(rs.getString("delivery")), rs.getString("department"),
				rs.getString("motivation"), rs.getString("experience"), true, documents.read(rs.getString("answers")));
	}

	/** Applications for one role in arrival order, with every answer. */
	List<Row> applications(ProgrammeId programme, RecruitmentRole role) {
		return jdbc
			.sql("""
					select id, account_id, state, arrival, languages, delivery, department, motivation, experience, created_at,
					       answers
					  from application where programme_id = ? and role = ? order by arrival, submitted""")
			.params(programme.value(), role.name())
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class),
					new AccountId(rs.getObject("account_id", UUID.class)),
					ApplicationState.valueOf(rs.getString("state")), rs.getLong("arrival"), rs.getString("languages"),
					rs.getString("delivery"), rs.getString("department"), rs.getString("motivation"),
					rs.getString("experience"), rs.getTimestamp("created_at").toInstant(),
					documents.read(rs.getString("answers"))))
			.list();
	}

	/**
	 * How many applications are in each state, per role; states without any are left out.
	 */
	List<Count> counts(ProgrammeId programme) {
		return jdbc.sql("select role, state, count(*) from application where programme_id = ? group by role, state")
			.param(programme.value())
			.query((rs, n) -> new Count(RecruitmentRole.valueOf(rs.getString(1)),
					ApplicationState.valueOf(rs.getString(2)), rs.getInt(3)))
			.list();
	}

	/** Whose application of this programme it is; empty for another programme's. */
	Optional<Owner> owner(ProgrammeId programme, UUID application) {
		return jdbc.sql("select role, account_id from application where id = ? and programme_id = ?")
			.params(application, programme.value())
			.query((rs, n) -> new Owner(RecruitmentRole.valueOf(rs.getString(1)),
					new AccountId(rs.getObject(2, UUID.class))))
			.optional();
	}

	/** Applications still in the running, in the role. */
	List<Live> live(ProgrammeId programme, RecruitmentRole role) {
		return jdbc.sql("""
				select id, account_id from application
				 where programme_id = ? and role = ? and state in ('PENDING', 'AWAITING', 'SEATED', 'WAITING')""")
			.params(programme.value(), role.name())
			.query((rs, n) -> new Live(rs.getObject(1, UUID.class), new AccountId(rs.getObject(2, UUID.class))))
			.list();
	}

	void audit(UUID application, AccountId actor, Decision decision, String reason, Instant at) {
		jdbc.sql(
				"insert into application_audit (id, application_id, actor_id, action, reason, at) values (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), application, actor.value(), decision.name(), reason, Timestamp.from(at))
			.update();
	}

	/** The hand-made changes to this programme's applications, newest first. */
	List<AuditRow> audit(ProgrammeId programme) {
		return jdbc.sql("""
				select t.actor_id, t.action, t.reason, t.at, a.account_id from application_audit t
				  join application a on a.id = t.application_id where a.programme_id = ? order by t.at desc""")
			.param(programme.value())
			.query((rs, n) -> new AuditRow(new AccountId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), new AccountId(rs.getObject(5, UUID.class))))
			.list();
	}

	/** One of a person's applications with every answer, for their own data. */
	record Own(UUID id, ProgrammeId programme, RecruitmentRole role, ApplicationState state, SignUpAnswers answers,
			Instant createdAt, Instant decidedAt, Instant withdrawnAt) {
	}

	/** A hand-made decision about one application: what, why and when, never by whom. */
	record OwnAudit(String action, String reason, Instant at) {
	}

	/** Every application the person has made, oldest first. */
	List<Own> applicationsOf(AccountId account) {
		return jdbc.sql("""
				select id, programme_id, role, state, languages, delivery, department, motivation, experience, answers,
				       created_at, decided_at, withdrawn_at
				  from application where account_id = ? order by created_at, submitted""")
			.param(account.value())
			.query((rs, n) -> new Own(rs.getObject("id", UUID.class),
					new ProgrammeId(rs.getObject("programme_id", UUID.class)),
					RecruitmentRole.valueOf(rs.getString("role")), ApplicationState.valueOf(rs.getString("state")),
					answers(rs), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("decided_at")),
					instant(rs.getTimestamp("withdrawn_at"))))
			.list();
	}

	/** The hand-made decisions about one application, oldest first. */
	List<OwnAudit> auditOf(UUID application) {
		return jdbc.sql("select action, reason, at from application_audit where application_id = ? order by at")
			.param(application)
			.query((rs, n) -> new OwnAudit(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

	private static String languages(SignUpAnswers answers) {
		return answers.languages().stream().map(Language::name).sorted().collect(Collectors.joining(","));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/**
	 * Every application of the person, newest first, with its place on the waiting list
	 * counted now: for their Home.
	 */
	public List<ApplicationStatus> ofAccount(AccountId account) {
		return jdbc.sql("select id from application where account_id = ? order by created_at desc")
			.param(account.value())
			.query(UUID.class)
			.list()
			.stream()
			.map(this::status)
			.toList();
	}

}
