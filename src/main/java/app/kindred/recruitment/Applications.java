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

/** The coordinator's view of who applied: answers are personal data, so only the programme's coordinators see them. */
@Service
public class Applications {

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final ProgrammeService programmes;
	private final Organisations organisations;

	Applications(JdbcClient jdbc, Accounts accounts, ProgrammeService programmes, Organisations organisations) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.programmes = programmes;
		this.organisations = organisations;
	}

	/** The programme, if the viewer coordinates it: 404 for outsiders, 403 for other staff. */
	@Transactional(readOnly = true)
	public ProgrammeView coordinated(ProgrammeId id, AccountId viewer) {
		var programme = programmes.forStaff(id, viewer);
		organisations.require(programme.organisation(), viewer, Role.COORDINATOR);
		return programme;
	}

	/** Applications for one role in arrival order, optionally of one state. */
	@Transactional(readOnly = true)
	public List<Applicant> list(ProgrammeId id, RecruitmentRole role, ApplicationState state, AccountId viewer) {
		coordinated(id, viewer);
		var rows = jdbc.sql("""
				select id, account_id, state, arrival, languages, delivery, department, motivation, experience, created_at
				  from application where programme_id = ? and role = ? order by arrival, submitted""")
			.params(id.value(), role.name())
			.query((rs, n) -> new Object[] { rs.getObject("id", UUID.class), new AccountId(rs.getObject("account_id", UUID.class)),
					ApplicationState.valueOf(rs.getString("state")), rs.getLong("arrival"), rs.getString("languages"),
					rs.getString("delivery"), rs.getString("department"), rs.getString("motivation"),
					rs.getString("experience"), rs.getTimestamp("created_at").toInstant() })
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
					(String) r[5], (String) r[6], (String) r[7], (String) r[8], (java.time.Instant) r[9]));
		}
		return result;
	}

	/** How many applications are in each state, per role. */
	@Transactional(readOnly = true)
	public Map<RecruitmentRole, Map<ApplicationState, Integer>> counts(ProgrammeId id, AccountId viewer) {
		coordinated(id, viewer);
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
