package app.kindred.grouping.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a programme's group formation keeps between requests: the latest proposal (one
 * JSON document, as the solver or the coordinator's changes left it), the people pinned
 * to their groups, and the coordinator's weights.
 */
@Component
class ProposalStore {

	/** The stored proposal and when it was formed or last changed. */
	record StoredProposal(FormationResult result, Instant formedAt) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	ProposalStore(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	Optional<StoredProposal> proposal(ProgrammeId id) {
		return jdbc.sql("select result, formed_at from group_proposal where programme_id = ?")
			.param(id.value())
			.query((rs, n) -> new StoredProposal(json.readValue(rs.getString(1), FormationResult.class),
					rs.getTimestamp(2).toInstant()))
			.optional();
	}

	/** Replaces the programme's proposal, formed or changed now. */
	void keep(ProgrammeId id, FormationResult result) {
		var document = json.writeValueAsString(result);
		var now = Timestamp.from(clock.instant());
		transactions.executeWithoutResult(status -> {
			if (jdbc.sql("update group_proposal set result = ?, formed_at = ? where programme_id = ?")
				.params(document, now, id.value())
				.update() == 0) {
				jdbc.sql("insert into group_proposal (programme_id, result, formed_at) values (?, ?, ?)")
					.params(id.value(), document, now)
					.update();
			}
		});
	}

	Set<UUID> pins(ProgrammeId id) {
		return new HashSet<>(jdbc.sql("select account_id from group_pin where programme_id = ?")
			.param(id.value())
			.query(UUID.class)
			.list());
	}

	void pin(ProgrammeId id, UUID person, boolean pinned) {
		transactions.executeWithoutResult(status -> {
			unpin(id, person);
			if (pinned) {
				jdbc.sql("insert into group_pin (programme_id, account_id) values (?, ?)")
					.params(id.value(), person)
					.update();
			}
		});
	}

	void unpin(ProgrammeId id, UUID person) {
		jdbc.sql("delete from group_pin where programme_id = ? and account_id = ?").params(id.value(), person).update();
	}

	/**
	 * The weights and the department limit the programme's groups are formed with: the
	 * defaults until changed.
	 */
	FormationPreferences preferences(ProgrammeId id) {
		return jdbc.sql("""
				select place_participant, earlier_sign_up, preferred_slot, co_mentor_wish, experienced_mentor,
				       department_mix, balanced_sizes, max_same_department
				  from formation_preferences where programme_id = ?""")
			.param(id.value())
			.query((rs,
					n) -> new FormationPreferences(new FormationProblem.Weights(rs.getLong(1), rs.getLong(2),
							rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)), rs.getInt(8)))
			.optional()
			.orElse(FormationPreferences.DEFAULTS);
	}

	/** Replaces the weights, in the caller's transaction. */
	void replacePreferences(ProgrammeId id, FormationPreferences preferences, AccountId changedBy) {
		var w = preferences.weights();
		jdbc.sql("delete from formation_preferences where programme_id = ?").param(id.value()).update();
		jdbc.sql("""
				insert into formation_preferences (programme_id, place_participant, earlier_sign_up, preferred_slot,
				       co_mentor_wish, experienced_mentor, department_mix, balanced_sizes, max_same_department,
				       changed_by, changed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id.value(), w.placeParticipant(), w.earlierSignUp(), w.preferredSlot(), w.coMentorWish(),
					w.experiencedMentor(), w.departmentMix(), w.balancedSizes(), preferences.maxFromSameDepartment(),
					changedBy.value(), Timestamp.from(clock.instant()))
			.update();
	}

	/**
	 * The programmes whose draft groups hold the person in place by a coordinator's pin.
	 */
	List<UUID> pinnedIn(UUID account) {
		return jdbc.sql("select programme_id from group_pin where account_id = ?")
			.param(account)
			.query(UUID.class)
			.list();
	}

}
