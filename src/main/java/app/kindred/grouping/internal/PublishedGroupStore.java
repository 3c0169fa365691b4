package app.kindred.grouping.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.grouping.PublishedGroupChanged;
import app.kindred.grouping.PublishedGroups.Group;
import app.kindred.grouping.PublishedGroups.GroupMember;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.RecruitmentRole;

/**
 * The published groups, their members now, and the audit of every change made to them
 * after publishing.
 */
@Component
public class PublishedGroupStore {

	/** Someone's place in the published groups of a programme. */
	public record Membership(UUID group, RecruitmentRole role) {
	}

	/**
	 * One change as audited: {@code actor} null when it followed a withdrawal, the
	 * groups' numbers 0 for none.
	 */
	record Change(Instant at, AccountId actor, PublishedGroupChanged.How how, AccountId person, RecruitmentRole role,
			int from, int to) {
	}

	private final JdbcClient jdbc;

	PublishedGroupStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean published(ProgrammeId id) {
		return jdbc.sql("select count(*) from published_group where programme_id = ?")
			.param(id.value())
			.query(Integer.class)
			.single() > 0;
	}

	public void addGroup(ProgrammeId id, UUID group, int number, String slot, Language language, String campus,
			Instant at) {
		jdbc.sql("""
				insert into published_group (id, programme_id, number, slot, language, campus, published_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(group, id.value(), number, slot, language.name(), campus, Timestamp.from(at))
			.update();
	}

	/** Whether the group is one of the programme's published groups. */
	boolean exists(ProgrammeId id, UUID group) {
		return jdbc.sql("select count(*) from published_group where id = ? and programme_id = ?")
			.params(group, id.value())
			.query(Integer.class)
			.single() > 0;
	}

	public void addMember(ProgrammeId id, UUID group, UUID person, RecruitmentRole role) {
		jdbc.sql("insert into group_member (group_id, programme_id, account_id, role) values (?, ?, ?, ?)")
			.params(group, id.value(), person, role.name())
			.update();
	}

	void removeMember(ProgrammeId id, UUID person) {
		jdbc.sql("delete from group_member where programme_id = ? and account_id = ?")
			.params(id.value(), person)
			.update();
	}

	void moveMember(ProgrammeId id, UUID person, UUID group) {
		jdbc.sql("update group_member set group_id = ? where programme_id = ? and account_id = ?")
			.params(group, id.value(), person)
			.update();
	}

	/** The person's group in the programme and their role in it, if they are in one. */
	public Optional<Membership> membership(ProgrammeId id, UUID person) {
		return jdbc.sql("select group_id, role from group_member where programme_id = ? and account_id = ?")
			.params(id.value(), person)
			.query((rs, n) -> new Membership(rs.getObject(1, UUID.class), RecruitmentRole.valueOf(rs.getString(2))))
			.optional();
	}

	/** The group's mentors but one. */
	List<AccountId> mentors(UUID group, AccountId except) {
		return jdbc
			.sql("select account_id from group_member where group_id = ? and role = 'MENTOR' and account_id <> ?")
			.params(group, except.value())
			.query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
			.list();
	}

	/**
	 * The programme's published groups, by number, with their members; empty before
	 * publishing.
	 */
	public List<Group> groups(ProgrammeId id) {
		return read(id, "programme_id", id.value());
	}

	/** One published group by its id, whichever programme it belongs to. */
	public Optional<Group> group(UUID groupId) {
		return jdbc.sql("select programme_id from published_group where id = ?")
			.param(groupId)
			.query(UUID.class)
			.optional()
			.flatMap(programme -> read(new ProgrammeId(programme), "group_id", groupId).stream().findFirst());
	}

	/**
	 * Groups with their members, where {@code column} (of {@code group_member}:
	 * {@code programme_id} or {@code group_id}) holds the value. Both tables carry both
	 * columns' values.
	 */
	private List<Group> read(ProgrammeId id, String column, UUID value) {
		var members = new HashMap<UUID, List<GroupMember>>();
		jdbc.sql("select group_id, account_id, role from group_member where " + column
				+ " = ? order by role, account_id")
			.param(value)
			.query(rs -> {
				members.computeIfAbsent(rs.getObject(1, UUID.class), g -> new ArrayList<>())
					.add(new GroupMember(new AccountId(rs.getObject(2, UUID.class)),
							RecruitmentRole.valueOf(rs.getString(3))));
			});
		var groupColumn = column.equals("group_id") ? "id" : column;
		return jdbc
			.sql("select id, number, slot, language, campus from published_group where " + groupColumn
					+ " = ? order by number")
			.param(value)
			.query((rs, n) -> {
				var group = rs.getObject(1, UUID.class);
				return new Group(group, id, rs.getInt(2), rs.getString(3), Language.valueOf(rs.getString(4)),
						rs.getString(5), List.copyOf(members.getOrDefault(group, List.of())));
			})
			.list();
	}

	/** The ids of the groups a person is in, across programmes. */
	public List<UUID> groupsOf(AccountId person) {
		return jdbc.sql("select group_id from group_member where account_id = ?")
			.param(person.value())
			.query(UUID.class)
			.list();
	}

	void recordChange(ProgrammeId id, AccountId actor, PublishedGroupChanged.How how, AccountId person,
			RecruitmentRole role, UUID from, UUID to, Instant at) {
		jdbc.sql(
				"""
						insert into group_change (id, programme_id, actor_id, action, account_id, role, from_group, to_group, at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), id.value(), actor == null ? null : actor.value(), how.name(), person.value(),
					role.name(), from, to, Timestamp.from(at))
			.update();
	}

	/** The programme's changes since publishing, newest first. */
	List<Change> changes(ProgrammeId id) {
		return jdbc.sql("""
				select c.at, c.actor_id, c.action, c.account_id, c.role, f.number, t.number from group_change c
				  left join published_group f on f.id = c.from_group
				  left join published_group t on t.id = c.to_group
				 where c.programme_id = ? order by c.at desc""").param(id.value()).query((rs, n) -> {
			var actor = rs.getObject(2, UUID.class);
			return new Change(rs.getTimestamp(1).toInstant(), actor == null ? null : new AccountId(actor),
					PublishedGroupChanged.How.valueOf(rs.getString(3)), new AccountId(rs.getObject(4, UUID.class)),
					RecruitmentRole.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7));
		}).list();
	}

	/** A group the person is in, for their own data. */
	record OwnGroup(UUID programmeId, int number, String slot, String language, String campus, String role,
			OffsetDateTime publishedAt) {
	}

	/**
	 * A coordinator's change to the person's place after publishing, for their own data.
	 */
	record OwnChange(UUID programmeId, String action, String role, Integer fromGroup, Integer toGroup,
			OffsetDateTime at) {
	}

	List<OwnGroup> membershipsOf(AccountId account) {
		return jdbc.sql("""
				select g.programme_id, g.number, g.slot, g.language, g.campus, m.role, g.published_at
				  from group_member m join published_group g on g.id = m.group_id
				 where m.account_id = ? order by g.published_at, g.number""")
			.param(account.value())
			.query(OwnGroup.class)
			.list();
	}

	List<OwnChange> changesOf(AccountId account) {
		return jdbc.sql("""
				select c.programme_id, c.action, c.role, f.number as from_group, t.number as to_group, c.at
				  from group_change c
				  left join published_group f on f.id = c.from_group
				  left join published_group t on t.id = c.to_group
				 where c.account_id = ? order by c.at""").param(account.value()).query(OwnChange.class).list();
	}

}
