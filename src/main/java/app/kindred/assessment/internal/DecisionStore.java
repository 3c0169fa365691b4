package app.kindred.assessment.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.assessment.AssessmentDecided.Result;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * The teachers' decisions and the grade exports that took them. Decisions are only ever
 * added; the one in force for a mentor is their latest. Callers own the transactions.
 */
@Repository
class DecisionStore {

	/** A grade export as recorded. */
	public record Export(UUID id, Result result, boolean everything, int rowCount, AccountId exportedBy,
			Instant exportedAt) {
	}

	private final JdbcClient jdbc;

	DecisionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ProgrammeId programme, Decision decision) {
		jdbc.sql("""
				insert into assessment_decision (id, programme_id, account_id, result, justification, decided_by,
				                                 decided_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(decision.id(), programme.value(), decision.account().value(), decision.result().name(),
					decision.justification(), decision.decidedBy().value(), CourseStore.at(decision.decidedAt()))
			.update();
		for (var criterion : decision.criteriaMet()) {
			jdbc.sql("insert into assessment_criterion_met (decision_id, criterion_id) values (?, ?)")
				.params(decision.id(), criterion)
				.update();
		}
	}

	/** One mentor's decisions, the latest (the one in force) first. */
	List<Decision> history(ProgrammeId programme, AccountId account) {
		return decisions(programme, account);
	}

	/** The decision in force for each mentor who has one. */
	Map<AccountId, Decision> inForce(ProgrammeId programme) {
		var latest = new LinkedHashMap<AccountId, Decision>();
		for (var decision : decisions(programme, null)) {
			latest.putIfAbsent(decision.account(), decision);
		}
		return latest;
	}

	/**
	 * Newest first; decisions made in the same instant (never by the same hand) by id, so
	 * that the one in force is always the same.
	 */
	private List<Decision> decisions(ProgrammeId programme, AccountId account) {
		// One mentor's or all: two statements rather than "? is null", whose type
		// PostgreSQL cannot tell
		var params = account == null ? List.<Object>of(programme.value())
				: List.<Object>of(programme.value(), account.value());
		var mentor = account == null ? "" : " and d.account_id = ?";
		var met = new HashMap<UUID, Set<UUID>>();
		jdbc.sql("""
				select m.decision_id, m.criterion_id
				from assessment_criterion_met m join assessment_decision d on d.id = m.decision_id
				where d.programme_id = ?""" + mentor).params(params).query(rs -> {
			met.computeIfAbsent(rs.getObject(1, UUID.class), key -> new HashSet<>()).add(rs.getObject(2, UUID.class));
		});
		return jdbc.sql("""
				select d.id, d.account_id, d.result, d.justification, d.decided_by, d.decided_at, d.export_id
				from assessment_decision d
				where d.programme_id = ?""" + mentor + " order by d.decided_at desc, d.id desc")
			.params(params)
			.query((rs, n) -> {
				var id = rs.getObject(1, UUID.class);
				return new Decision(id, new AccountId(rs.getObject(2, UUID.class)), Result.valueOf(rs.getString(3)),
						rs.getString(4), met.getOrDefault(id, Set.of()), new AccountId(rs.getObject(5, UUID.class)),
						CourseStore.instant(rs, 6), rs.getObject(7, UUID.class));
			})
			.list();
	}

	/**
	 * Holds the programme's row until the transaction ends, so that two exports of one
	 * programme run one after the other and the second sees what the first marked.
	 */
	void lockForExport(ProgrammeId programme) {
		jdbc.sql("select id from programme where id = ? for update").param(programme.value()).query(UUID.class).list();
	}

	void insertExport(ProgrammeId programme, Export export) {
		jdbc.sql("""
				insert into grade_export (id, programme_id, result, everything, row_count, exported_by, exported_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(export.id(), programme.value(), export.result().name(), export.everything(), export.rowCount(),
					export.exportedBy().value(), CourseStore.at(export.exportedAt()))
			.update();
	}

	/**
	 * Marks the decisions as taken by the export, those not taken by an earlier one: a
	 * decision keeps the export that first sent it. Conditional, so that even without the
	 * lock no decision is ever taken twice as new.
	 */
	int markExported(UUID export, List<UUID> decisions) {
		int marked = 0;
		for (var decision : decisions) {
			marked += jdbc.sql("update assessment_decision set export_id = ? where id = ? and export_id is null")
				.params(export, decision)
				.update();
		}
		return marked;
	}

	/** The programme's exports, the latest first. */
	List<Export> exports(ProgrammeId programme) {
		return jdbc.sql("""
				select id, result, everything, row_count, exported_by, exported_at
				from grade_export where programme_id = ? order by exported_at desc, id desc""")
			.param(programme.value())
			.query((rs, n) -> new Export(rs.getObject(1, UUID.class), Result.valueOf(rs.getString(2)), rs.getBoolean(3),
					rs.getInt(4), new AccountId(rs.getObject(5, UUID.class)), CourseStore.instant(rs, 6)))
			.list();
	}

	static List<UUID> ids(List<Decision> decisions) {
		return new ArrayList<>(decisions.stream().map(Decision::id).toList());
	}

	/**
	 * A teacher's decision on the person's course, for their own data (never who
	 * decided).
	 */
	record OwnDecision(UUID id, UUID programmeId, String result, String justification, OffsetDateTime decidedAt,
			boolean exported) {
	}

	List<OwnDecision> decisionsAbout(AccountId account) {
		return jdbc.sql("""
				select id, programme_id, result, justification, decided_at, export_id is not null as exported
				  from assessment_decision where account_id = ? order by decided_at""")
			.param(account.value())
			.query(OwnDecision.class)
			.list();
	}

	/** The criteria a decision found met, named in the language given. */
	List<String> criteriaMet(UUID decision, String language) {
		return jdbc.sql("select %s from assessment_criterion_met m where m.decision_id = ?".formatted(CRITERION))
			.params(language, decision)
			.query(String.class)
			.list();
	}

	private static final String CRITERION = """
			(select t.text from course_item_text t where t.item_id = m.criterion_id
				        order by case when t.language = ? then 0 else 1 end, t.language fetch first 1 rows only)""";

}
