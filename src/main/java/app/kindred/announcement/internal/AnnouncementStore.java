package app.kindred.announcement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.announcement.AnnouncementId;
import app.kindred.announcement.Announcements.Version;
import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.RecruitmentRole;

/** Sent announcements, their texts and their recipients. Callers own the transactions. */
@Repository
class AnnouncementStore {

	/** One sent announcement as its programme's coordinators list it. */
	record Row(AnnouncementId id, Audience audience, Integer groupNumber, AccountId author, Instant sentAt,
			int reached) {
	}

	/** An announcement not yet dismissed by the person it was sent to. */
	record Received(AnnouncementId id, ProgrammeId programme, RecruitmentRole role, Instant sentAt) {
	}

	private final JdbcClient jdbc;

	AnnouncementStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(AnnouncementId id, ProgrammeId programme, Audience audience, UUID group, Integer groupNumber,
			AccountId author, Instant sentAt, int reached) {
		jdbc.sql(
				"""
						insert into announcement (id, programme_id, audience, group_id, group_number, author_id, sent_at, reached)
						values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id.value(), programme.value(), audience.name(), group, groupNumber, author.value(), at(sentAt),
					reached)
			.update();
	}

	void insertText(AnnouncementId id, Language language, int order, String subject, String body) {
		jdbc.sql("""
				insert into announcement_text (announcement_id, language, written_order, subject, body)
				values (?, ?, ?, ?, ?)""").params(id.value(), language.name(), order, subject, body).update();
	}

	void insertRecipient(AnnouncementId id, AccountId account, RecruitmentRole role) {
		jdbc.sql("insert into announcement_recipient (announcement_id, account_id, role) values (?, ?, ?)")
			.params(id.value(), account.value(), role == null ? null : role.name())
			.update();
	}

	/** The programme's announcements, newest first. */
	List<Row> sent(ProgrammeId programme) {
		return jdbc.sql("""
				select id, audience, group_number, author_id, sent_at, reached from announcement
				 where programme_id = ? order by sent_at desc, id""")
			.param(programme.value())
			.query((rs, n) -> new Row(new AnnouncementId(rs.getObject("id", UUID.class)),
					Audience.valueOf(rs.getString("audience")), (Integer) rs.getObject("group_number"),
					new AccountId(rs.getObject("author_id", UUID.class)), instant(rs, "sent_at"), rs.getInt("reached")))
			.list();
	}

	/** Each announcement's versions, the first written first. */
	Map<AnnouncementId, List<Version>> versions(List<AnnouncementId> ids) {
		var all = new LinkedHashMap<AnnouncementId, List<Version>>();
		if (ids.isEmpty()) {
			return all;
		}
		jdbc.sql("""
				select announcement_id, language, subject, body from announcement_text
				 where announcement_id in (:ids) order by announcement_id, written_order""")
			.param("ids", ids.stream().map(AnnouncementId::value).toList())
			.query((ResultSet rs) -> {
				all.computeIfAbsent(new AnnouncementId(rs.getObject("announcement_id", UUID.class)),
						k -> new ArrayList<>())
					.add(new Version(Language.valueOf(rs.getString("language")), rs.getString("subject"),
							rs.getString("body")));
			});
		return all;
	}

	/** What the person has been sent and not dismissed, newest first. */
	List<Received> undismissed(AccountId account) {
		return jdbc.sql("""
				select a.id, a.programme_id, r.role, a.sent_at
				  from announcement_recipient r join announcement a on a.id = r.announcement_id
				 where r.account_id = ? and r.dismissed_at is null
				 order by a.sent_at desc, a.id""").param(account.value()).query((rs, n) -> {
			var role = rs.getString("role");
			return new Received(new AnnouncementId(rs.getObject("id", UUID.class)),
					new ProgrammeId(rs.getObject("programme_id", UUID.class)),
					role == null ? null : RecruitmentRole.valueOf(role), instant(rs, "sent_at"));
		}).list();
	}

	/** Whether the announcement was sent to the person, dismissed or not. */
	boolean sentTo(AnnouncementId id, AccountId account) {
		return jdbc.sql("select count(*) from announcement_recipient where announcement_id = ? and account_id = ?")
			.params(id.value(), account.value())
			.query(Integer.class)
			.single() > 0;
	}

	/** Dismisses it from the person's Home; dismissing again keeps the first time. */
	void dismiss(AnnouncementId id, AccountId account, Instant now) {
		jdbc.sql("""
				update announcement_recipient set dismissed_at = ?
				 where announcement_id = ? and account_id = ? and dismissed_at is null""")
			.params(at(now), id.value(), account.value())
			.update();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	/** An announcement the person received, for their own data. */
	record OwnReceived(UUID id, UUID programmeId, String role, OffsetDateTime sentAt, OffsetDateTime dismissedAt) {
	}

	/** An announcement the person wrote, for their own data. */
	record OwnWritten(UUID id, UUID programmeId, String audience, Integer groupNumber, OffsetDateTime sentAt,
			int reached) {
	}

	/** An announcement's text in one language. */
	record OwnText(String language, String subject, String body) {
	}

	List<OwnReceived> receivedBy(AccountId account) {
		return jdbc.sql("""
				select a.id, a.programme_id, r.role, a.sent_at, r.dismissed_at
				  from announcement_recipient r join announcement a on a.id = r.announcement_id
				 where r.account_id = ? order by a.sent_at""").param(account.value()).query(OwnReceived.class).list();
	}

	List<OwnWritten> writtenBy(AccountId account) {
		return jdbc.sql("""
				select id, programme_id, audience, group_number, sent_at, reached from announcement
				 where author_id = ? order by sent_at""").param(account.value()).query(OwnWritten.class).list();
	}

	/** The announcement's texts in the order they were written. */
	List<OwnText> textsOf(UUID announcement) {
		return jdbc.sql("""
				select language, subject, body from announcement_text where announcement_id = ?
				 order by written_order""").param(announcement).query(OwnText.class).list();
	}

}
