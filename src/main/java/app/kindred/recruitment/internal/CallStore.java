package app.kindred.recruitment.internal;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.core.SharedCache;
import app.kindred.core.SharedCaches;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.RecruitmentRole;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls as coordinators configured them, one row per programme and role with its
 * questions and consents as JSON, and the weekly slots both calls of a programme share.
 */
@Repository
public class CallStore {

	private static final TypeReference<List<Call.Question>> QUESTIONS = new TypeReference<>() {
	};

	private static final TypeReference<List<Call.Consent>> CONSENTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	/**
	 * A programme's calls as its sign-up forms show them, and its slots: every page of a
	 * sign-up rush reads them, coordinators change them seldom, and any instance's change
	 * drops them everywhere.
	 */
	private final SharedCache<ProgrammeId, Definitions> definitions;

	/**
	 * The configured calls of a programme (a role is missing until configured), and its
	 * slots.
	 */
	private record Definitions(Map<RecruitmentRole, Call> calls, List<Call.Slot> slots) {
	}

	CallStore(JdbcClient jdbc, JsonMapper json, SharedCaches caches) {
		this.jdbc = jdbc;
		this.json = json;
		this.definitions = caches.create("call", 1_000);
	}

	private Definitions definitions(ProgrammeId programme) {
		return definitions.get(programme, () -> {
			var slots = jdbc.sql("select weekday, starts from candidate_slot where programme_id = ?")
				.param(programme.value())
				.query((rs, n) -> new Call.Slot(DayOfWeek.of(rs.getInt(1)), rs.getTime(2).toLocalTime()))
				.list()
				.stream()
				.sorted()
				.toList();
			var calls = new EnumMap<RecruitmentRole, Call>(RecruitmentRole.class);
			jdbc.sql("""
					select role, approval_required, closing_reminder, ask_department, ask_student_number, questions,
					       consents
					  from recruitment_call where programme_id = ?""").param(programme.value()).query(rs -> {
				var role = RecruitmentRole.valueOf(rs.getString(1));
				calls.put(role, new Call(role, rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5),
						json.readValue(rs.getString(6), QUESTIONS), json.readValue(rs.getString(7), CONSENTS), slots));
			});
			return new Definitions(Map.copyOf(calls), slots);
		});
	}

	/**
	 * The configured call, with the programme's slots; empty where nobody has configured
	 * it.
	 */
	public Optional<Call> find(ProgrammeId programme, RecruitmentRole role) {
		return Optional.ofNullable(definitions(programme).calls().get(role));
	}

	/** The weekly slots, earliest in the week first. */
	public List<Call.Slot> slots(ProgrammeId programme) {
		return definitions(programme).slots();
	}

	public void addSlot(ProgrammeId programme, Call.Slot slot) {
		definitions.forget(programme);
		jdbc.sql("insert into candidate_slot (programme_id, weekday, starts) values (?, ?, ?)")
			.params(programme.value(), slot.day().getValue(), Time.valueOf(slot.starts()))
			.update();
	}

	public void removeSlot(ProgrammeId programme, Call.Slot slot) {
		definitions.forget(programme);
		jdbc.sql("delete from candidate_slot where programme_id = ? and weekday = ? and starts = ?")
			.params(programme.value(), slot.day().getValue(), Time.valueOf(slot.starts()))
			.update();
	}

	/** Writes the call's row whole: an update, or the first insert. */
	public void save(ProgrammeId programme, Call call, Instant at) {
		definitions.forget(programme);
		var now = Timestamp.from(at);
		var questions = json.writeValueAsString(call.questions());
		var consents = json.writeValueAsString(call.consents());
		int updated = jdbc.sql("""
				update recruitment_call set approval_required = ?, closing_reminder = ?, ask_department = ?,
				       ask_student_number = ?, questions = ?, consents = ?, updated_at = ?
				 where programme_id = ? and role = ?""")
			.params(call.approvalRequired(), call.closingReminder(), call.askDepartment(), call.askStudentNumber(),
					questions, consents, now, programme.value(), call.role().name())
			.update();
		if (updated == 0) {
			jdbc.sql(
					"""
							insert into recruitment_call (programme_id, role, approval_required, closing_reminder, ask_department,
							                              ask_student_number, questions, consents, updated_at)
							values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(programme.value(), call.role().name(), call.approvalRequired(), call.closingReminder(),
						call.askDepartment(), call.askStudentNumber(), questions, consents, now)
				.update();
		}
	}

	/**
	 * A call configured to need the coordinator's approval; without a configured call,
	 * acceptance is automatic.
	 */
	boolean approvalRequired(ProgrammeId programme, RecruitmentRole role) {
		return jdbc.sql("select approval_required from recruitment_call where programme_id = ? and role = ?")
			.params(programme.value(), role.name())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Claims the reminder for the window closing {@code at} with one conditional update,
	 * which only one transaction can win; false where the call asks for no reminder or it
	 * was claimed already.
	 */
	boolean claimReminder(ProgrammeId programme, RecruitmentRole role, OffsetDateTime at) {
		return jdbc.sql("""
				update recruitment_call set reminded_closes_at = ?
				 where programme_id = ? and role = ? and closing_reminder = ?
				   and (reminded_closes_at is null or reminded_closes_at <> ?)""")
			.params(at, programme.value(), role.name(), true, at)
			.update() > 0;
	}

}
