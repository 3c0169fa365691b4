package app.kindred.recruitment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;
import app.kindred.programme.ProgrammeWindow;
import app.kindred.core.NotFoundException;
import app.kindred.identity.AccountSummary;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The coordinator's view of who applied: answers are personal data, so only the
 * programme's coordinators see them.
 */
@Service
public class Applications {

	/**
	 * One hand-made change, for the audit trail: who did what to whose application (their
	 * name and address, as namesakes differ in it), when and why.
	 */
	public record AuditEntry(String actor, String action, String subject, String subjectEmail, String reason,
			Instant at) {
	}

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final ProgrammeService programmes;

	private final Organisations organisations;

	private final SeatAllocator allocator;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AnswerDocuments documents;

	Applications(JdbcClient jdbc, Accounts accounts, ProgrammeService programmes, Organisations organisations,
			SeatAllocator allocator, ApplicationEventPublisher events, Clock clock, AnswerDocuments documents) {
		this.documents = documents;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.programmes = programmes;
		this.organisations = organisations;
		this.allocator = allocator;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A coordinator's decision about one application of this programme, with a reason
	 * kept in the audit trail, and the person told by e-mail. Another programme's
	 * application id answers 404; a decision that does not fit the application as it is
	 * now is refused with {@link DecisionRefused}, and nothing changes.
	 */
	@Transactional
	public CoordinatorDecided decide(ProgrammeId id, UUID application, Decision decision, String reason,
			AccountId coordinator) {
		if (reason == null || reason.isBlank() || reason.strip().length() > REASON_LENGTH) {
			throw new IllegalArgumentException("a reason of 1 to " + REASON_LENGTH + " characters is required");
		}
		coordinated(id, coordinator);
		var row = jdbc.sql("select role, account_id from application where id = ? and programme_id = ?")
			.params(application, id.value())
			.query((rs,
					n) -> new Object[] { RecruitmentRole.valueOf(rs.getString(1)),
							new AccountId(rs.getObject(2, UUID.class)) })
			.optional()
			.orElseThrow(() -> new NotFoundException("application"));
		var role = (RecruitmentRole) row[0];
		var decided = allocator.decide(id.value(), role, application, decision);
		jdbc.sql(
				"insert into application_audit (id, application_id, actor_id, action, reason, at) values (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), application, coordinator.value(), decision.name(), reason.strip(),
					Timestamp.from(clock.instant()))
			.update();
		var event = new CoordinatorDecided(application, id, role, (AccountId) row[1], decision, decided.to(),
				decided.position());
		events.publishEvent(event);
		return event;
	}

	/** The longest reason the audit trail keeps. */
	public static final int REASON_LENGTH = 500;

	/**
	 * Moves the close of this role's window later, to a time given in the organisation's
	 * time zone; the programme refuses a time in the past or not later than the current
	 * close.
	 */
	@Transactional
	public void extendWindow(ProgrammeId id, RecruitmentRole role, LocalDateTime closes, AccountId coordinator) {
		var programme = coordinated(id, coordinator);
		programmes.extendWindow(id,
				role == RecruitmentRole.MENTOR ? ProgrammeWindow.MENTOR_CALL : ProgrammeWindow.SIGNUP,
				closes.atZone(programme.zone()).toInstant(), coordinator);
	}

	/** The hand-made changes to this programme's applications, newest first. */
	private List<AuditEntry> audit(ProgrammeId id) {
		var rows = jdbc.sql("""
				select t.actor_id, t.action, t.reason, t.at, a.account_id from application_audit t
				  join application a on a.id = t.application_id where a.programme_id = ? order by t.at desc""")
			.param(id.value())
			.query((rs,
					n) -> new Object[] { new AccountId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
							rs.getTimestamp(4).toInstant(), new AccountId(rs.getObject(5, UUID.class)) })
			.list();
		var people = accounts
			.findAll(rows.stream().flatMap(r -> Stream.of((AccountId) r[0], (AccountId) r[4])).toList());
		return rows.stream()
			.map(r -> new AuditEntry(name(people, (AccountId) r[0]), (String) r[1], name(people, (AccountId) r[4]),
					people.containsKey((AccountId) r[4]) ? people.get((AccountId) r[4]).email() : "", (String) r[2],
					(Instant) r[3]))
			.toList();
	}

	private static String name(Map<AccountId, ? extends AccountSummary> people, AccountId id) {
		return people.containsKey(id) ? people.get(id).displayName() : "";
	}

	/**
	 * The programme, if the viewer coordinates it: 404 for outsiders, 403 for other
	 * staff.
	 */
	@Transactional(readOnly = true)
	public ProgrammeView coordinated(ProgrammeId id, AccountId viewer) {
		var programme = programmes.forStaff(id, viewer);
		organisations.require(programme.organisation(), viewer, Role.COORDINATOR);
		return programme;
	}

	/** Everything the coordinator's page shows, behind one access check. */
	public record Overview(ProgrammeView programme, Map<RecruitmentRole, Map<ApplicationState, Integer>> counts,
			List<Applicant> applicants, List<AuditEntry> audit) {
	}

	@Transactional(readOnly = true)
	public Overview overview(ProgrammeId id, RecruitmentRole role, ApplicationState state, AccountId viewer) {
		var programme = coordinated(id, viewer);
		return new Overview(programme, counts(id), applicants(id, role, state), audit(id));
	}

	/** Applications for one role in arrival order, optionally of one state. */
	@Transactional(readOnly = true)
	public List<Applicant> list(ProgrammeId id, RecruitmentRole role, ApplicationState state, AccountId viewer) {
		coordinated(id, viewer);
		return applicants(id, role, state);
	}

	private List<Applicant> applicants(ProgrammeId id, RecruitmentRole role, ApplicationState state) {
		var rows = jdbc
			.sql("""
					select id, account_id, state, arrival, languages, delivery, department, motivation, experience, created_at,
					       answers
					  from application where programme_id = ? and role = ? order by arrival, submitted""")
			.params(id.value(), role.name())
			.query((rs,
					n) -> new Object[] { rs.getObject("id", UUID.class),
							new AccountId(rs.getObject("account_id", UUID.class)),
							ApplicationState.valueOf(rs.getString("state")), rs.getLong("arrival"),
							rs.getString("languages"), rs.getString("delivery"), rs.getString("department"),
							rs.getString("motivation"), rs.getString("experience"),
							rs.getTimestamp("created_at").toInstant(), documents.read(rs.getString("answers")) })
			.list();
		var people = accounts.findAll(rows.stream().map(r -> (AccountId) r[1]).toList());
		var result = new ArrayList<Applicant>();
		int waiting = 0;
		for (var r : rows) {
			var rowState = (ApplicationState) r[2];
			var position = rowState == ApplicationState.WAITING ? ++waiting : 0;
			if (state != null && rowState != state) {
				continue;
			}
			var person = people.get((AccountId) r[1]);
			result.add(new Applicant((UUID) r[0], role, rowState, (long) r[3], position,
					person == null ? "" : person.displayName(), person == null ? "" : person.email(), (String) r[4],
					(String) r[5], (String) r[6], (String) r[7], (String) r[8], (Instant) r[9],
					(SignUpAnswers.Details) r[10]));
		}
		return result;
	}

	/** How many applications are in each state, per role. */
	private Map<RecruitmentRole, Map<ApplicationState, Integer>> counts(ProgrammeId id) {
		var counts = new EnumMap<RecruitmentRole, Map<ApplicationState, Integer>>(RecruitmentRole.class);
		for (var role : RecruitmentRole.values()) {
			var perState = new EnumMap<ApplicationState, Integer>(ApplicationState.class);
			for (var state : ApplicationState.values()) {
				perState.put(state, 0);
			}
			counts.put(role, perState);
		}
		jdbc.sql("select role, state, count(*) from application where programme_id = ? group by role, state")
			.param(id.value())
			.query((rs, n) -> counts.get(RecruitmentRole.valueOf(rs.getString(1)))
				.put(ApplicationState.valueOf(rs.getString(2)), rs.getInt(3)))
			.list();
		return counts;
	}

}
