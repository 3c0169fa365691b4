package app.kindred.programme.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.programme.OutlineItem;
import app.kindred.core.NotFoundException;
import app.kindred.organisation.OrganisationId;

/**
 * The session plan tables, read and written with plain SQL; the rules live in
 * {@link PlanLibraryService} and {@link ProgrammePlanService}.
 */
@Component
public class PlanStore {

	/** A plan's own row: {@code organisation} is null for a shipped plan. */
	record PlanRow(UUID id, UUID organisation, String shippedKey) {
	}

	record VersionRow(UUID id, UUID plan, int number, PlanStatus status, Instant publishedAt) {
	}

	private final JdbcClient jdbc;

	PlanStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Plans

	Optional<PlanRow> plan(UUID id) {
		return jdbc.sql("select id, organisation_id, shipped_key from session_plan where id = ?")
			.param(id)
			.query(PlanStore::planRow)
			.optional();
	}

	/**
	 * A plan the organisation may see: shipped, or its own. Anyone else's is not found.
	 */
	PlanRow visible(OrganisationId organisation, UUID id) {
		return plan(id).filter(p -> p.organisation() == null || p.organisation().equals(organisation.value()))
			.orElseThrow(() -> new NotFoundException("plan"));
	}

	/**
	 * The plan's row, locked until the transaction ends: every change to a plan's
	 * versions takes it first.
	 */
	PlanRow lock(UUID id) {
		return jdbc.sql("select id, organisation_id, shipped_key from session_plan where id = ? for update")
			.param(id)
			.query(PlanStore::planRow)
			.optional()
			.orElseThrow(() -> new NotFoundException("plan"));
	}

	Optional<UUID> shippedPlan(String key) {
		return jdbc.sql("select id from session_plan where shipped_key = ?").param(key).query(UUID.class).optional();
	}

	/** The shipped plans, then the organisation's own, oldest first. */
	List<PlanRow> library(UUID organisation) {
		return jdbc.sql("""
				select id, organisation_id, shipped_key from session_plan
				 where organisation_id is null or organisation_id = ?
				 order by case when organisation_id is null then 0 else 1 end, created_at, id""")
			.param(organisation)
			.query(PlanStore::planRow)
			.list();
	}

	UUID insertPlan(UUID organisation, String shippedKey, UUID copiedFrom, Map<Language, String> names, Instant at) {
		var id = UUID.randomUUID();
		jdbc.sql(
				"insert into session_plan (id, organisation_id, shipped_key, copied_from, created_at) values (?, ?, ?, ?, ?)")
			.params(id, organisation, shippedKey, copiedFrom, Timestamp.from(at))
			.update();
		names.forEach(
				(language, name) -> jdbc.sql("insert into session_plan_name (plan_id, language, name) values (?, ?, ?)")
					.params(id, language.name(), name)
					.update());
		return id;
	}

	SessionPlan summary(PlanRow row) {
		var names = new EnumMap<Language, String>(Language.class);
		jdbc.sql("select language, name from session_plan_name where plan_id = ?")
			.param(row.id())
			.query((rs, n) -> names.put(Language.valueOf(rs.getString(1)), rs.getString(2)))
			.list();
		var versions = jdbc.sql("""
				select v.id, v.version_no, v.status, v.published_at,
				       (select count(distinct m.meeting_no) from plan_meeting m where m.version_id = v.id),
				       (select count(*) from programme_plan p where p.plan_version_id = v.id)
				  from plan_version v where v.plan_id = ? order by v.version_no desc""")
			.param(row.id())
			.query((rs, n) -> new SessionPlan.Version(new PlanVersionId(rs.getObject(1, UUID.class)), rs.getInt(2),
					PlanStatus.valueOf(rs.getString(3)), instant(rs, 4), rs.getInt(5), rs.getInt(6)))
			.list();
		return new SessionPlan(new SessionPlanId(row.id()),
				row.organisation() == null ? null : new OrganisationId(row.organisation()), names, versions);
	}

	// Versions

	Optional<VersionRow> versionRow(UUID id) {
		return jdbc.sql("select id, plan_id, version_no, status, published_at from plan_version where id = ?")
			.param(id)
			.query((rs, n) -> new VersionRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
					PlanStatus.valueOf(rs.getString(4)), instant(rs, 5)))
			.optional();
	}

	Optional<UUID> draft(UUID plan) {
		return jdbc.sql("select id from plan_version where plan_id = ? and status = 'DRAFT'")
			.param(plan)
			.query(UUID.class)
			.optional();
	}

	Optional<UUID> current(UUID plan) {
		return jdbc.sql("""
				select id from plan_version where plan_id = ? and status = 'PUBLISHED'
				 order by version_no desc fetch first 1 rows only""").param(plan).query(UUID.class).optional();
	}

	int maxVersion(UUID plan) {
		return jdbc.sql("select coalesce(max(version_no), 0) from plan_version where plan_id = ?")
			.param(plan)
			.query(Integer.class)
			.single();
	}

	UUID insertVersion(UUID plan, int number, PlanStatus status, Instant at) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into plan_version (id, plan_id, version_no, status, created_at, published_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, plan, number, status.name(), Timestamp.from(at),
					status == PlanStatus.PUBLISHED ? Timestamp.from(at) : null)
			.update();
		return id;
	}

	void publish(UUID version, Instant at) {
		jdbc.sql("update plan_version set status = 'PUBLISHED', published_at = ? where id = ? and status = 'DRAFT'")
			.params(Timestamp.from(at), version)
			.update();
	}

	PlanVersion version(VersionRow row) {
		var texts = new TreeMap<Integer, Map<Language, MeetingText>>();
		var outlines = new HashMap<String, List<OutlineItem>>();
		jdbc.sql("""
				select meeting_no, language, minutes, label from plan_outline_item
				 where version_id = ? order by meeting_no, language, item_no""")
			.param(row.id())
			.query((rs, n) -> outlines.computeIfAbsent(rs.getInt(1) + rs.getString(2), k -> new ArrayList<>())
				.add(new OutlineItem(rs.getInt(3), rs.getString(4))))
			.list();
		jdbc.sql("""
				select meeting_no, language, theme, aims, instructions, remote_instructions, campus_instructions
				  from plan_meeting where version_id = ?""")
			.param(row.id())
			.query((rs, n) -> texts.computeIfAbsent(rs.getInt(1), k -> new EnumMap<>(Language.class))
				.put(Language.valueOf(rs.getString(2)),
						new MeetingText(rs.getString(3), rs.getString(4),
								outlines.getOrDefault(rs.getInt(1) + rs.getString(2), List.of()), rs.getString(5),
								rs.getString(6), rs.getString(7))))
			.list();
		var meetings = new ArrayList<MeetingPlan>();
		texts.forEach((number, byLanguage) -> meetings.add(new MeetingPlan(number, byLanguage)));
		return new PlanVersion(new PlanVersionId(row.id()), new SessionPlanId(row.plan()), row.number(), row.status(),
				row.publishedAt(), meetings);
	}

	boolean hasMeeting(UUID version, int number) {
		return jdbc.sql("select count(*) from plan_meeting where version_id = ? and meeting_no = ?")
			.params(version, number)
			.query(Integer.class)
			.single() > 0;
	}

	/** Every meeting of one version into another, as it is. */
	void copyMeetings(UUID from, UUID to) {
		jdbc.sql(
				"""
						insert into plan_meeting (version_id, meeting_no, language, theme, aims, instructions, remote_instructions,
						                          campus_instructions)
						select ?, meeting_no, language, theme, aims, instructions, remote_instructions, campus_instructions
						  from plan_meeting where version_id = ?""")
			.params(to, from)
			.update();
		jdbc.sql("""
				insert into plan_outline_item (version_id, meeting_no, language, item_no, minutes, label)
				select ?, meeting_no, language, item_no, minutes, label from plan_outline_item where version_id = ?""")
			.params(to, from)
			.update();
	}

	/**
	 * Writes one meeting in the given languages; languages left out are not written for
	 * it.
	 */
	void replaceMeeting(UUID version, int number, Map<Language, MeetingText> texts) {
		jdbc.sql("delete from plan_outline_item where version_id = ? and meeting_no = ?")
			.params(version, number)
			.update();
		jdbc.sql("delete from plan_meeting where version_id = ? and meeting_no = ?").params(version, number).update();
		new LinkedHashMap<>(texts).forEach((language, text) -> {
			jdbc.sql(
					"""
							insert into plan_meeting (version_id, meeting_no, language, theme, aims, instructions, remote_instructions,
							                          campus_instructions)
							values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(version, number, language.name(), text.theme(), text.aims(), text.instructions(),
						text.remoteInstructions(), text.campusInstructions())
				.update();
			var items = text.outline();
			for (int i = 0; i < items.size(); i++) {
				jdbc.sql("""
						insert into plan_outline_item (version_id, meeting_no, language, item_no, minutes, label)
						values (?, ?, ?, ?, ?, ?)""")
					.params(version, number, language.name(), i + 1, items.get(i).minutes(), items.get(i).text())
					.update();
			}
		});
	}

	// Programmes

	Optional<UUID> chosen(UUID programme) {
		return jdbc.sql("select plan_version_id from programme_plan where programme_id = ?")
			.param(programme)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Locks the programme's row, so that two coordinators choosing at once take turns.
	 */
	public void lockProgramme(UUID programme) {
		jdbc.sql("select id from programme where id = ? for update")
			.param(programme)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("programme"));
	}

	void choose(UUID programme, UUID version, UUID by, Instant at) {
		if (jdbc
			.sql("update programme_plan set plan_version_id = ?, chosen_by = ?, chosen_at = ? where programme_id = ?")
			.params(version, by, Timestamp.from(at), programme)
			.update() == 0) {
			jdbc.sql(
					"insert into programme_plan (programme_id, plan_version_id, chosen_by, chosen_at) values (?, ?, ?, ?)")
				.params(programme, version, by, Timestamp.from(at))
				.update();
		}
	}

	/**
	 * Gives every programme that has not chosen a plan the given version for good. Done
	 * before a newer version of the default plan becomes current, so that no programme's
	 * meetings change under it.
	 */
	int pinUnchosen(UUID version, Instant at) {
		return jdbc.sql("""
				insert into programme_plan (programme_id, plan_version_id, chosen_at)
				select p.id, ?, ? from programme p
				 where not exists (select 1 from programme_plan c where c.programme_id = p.id)""")
			.params(version, Timestamp.from(at))
			.update();
	}

	private static PlanRow planRow(ResultSet rs, int n) throws SQLException {
		return new PlanRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		var timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
