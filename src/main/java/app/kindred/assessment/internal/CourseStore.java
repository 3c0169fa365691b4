package app.kindred.assessment.internal;

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

import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * A course's settings, outcomes and criteria. Callers own the transactions.
 */
@Repository
class CourseStore {

	enum Kind {

		OUTCOME, CRITERION

	}

	private final JdbcClient jdbc;

	CourseStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Course.Settings settings(ProgrammeId programme) {
		return jdbc.sql("""
				select code, rating_scale, objectives_due, diary_due, self_evaluation_due, peer_evaluation_due,
				       assessment_weeks, coordinators_read, diary_for_all
				from course where programme_id = ?""")
			.param(programme.value())
			.query((rs, n) -> new Course.Settings(rs.getString(1), rs.getInt(2), instant(rs, 3), instant(rs, 4),
					instant(rs, 5), instant(rs, 6), rs.getInt(7), rs.getBoolean(8), rs.getBoolean(9)))
			.optional()
			.orElse(Course.Settings.DEFAULTS);
	}

	/** Saves the settings, the first time or again. */
	void save(ProgrammeId programme, Course.Settings settings, UUID by, Instant now) {
		int updated = jdbc.sql("""
				update course set code = ?, rating_scale = ?, objectives_due = ?, diary_due = ?,
				       self_evaluation_due = ?, peer_evaluation_due = ?, assessment_weeks = ?, coordinators_read = ?,
				       diary_for_all = ?, updated_by = ?, updated_at = ?
				where programme_id = ?""").params(settingsParams(settings, by, now, programme)).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into course (code, rating_scale, objectives_due, diary_due, self_evaluation_due,
					       peer_evaluation_due, assessment_weeks, coordinators_read, diary_for_all, updated_by,
					       updated_at, programme_id)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(settingsParams(settings, by, now, programme))
				.update();
		}
	}

	private static List<Object> settingsParams(Course.Settings s, UUID by, Instant now, ProgrammeId programme) {
		var params = new ArrayList<Object>();
		params.add(s.code());
		params.add(s.ratingScale());
		params.add(at(s.objectivesDue()));
		params.add(at(s.diaryDue()));
		params.add(at(s.selfEvaluationDue()));
		params.add(at(s.peerEvaluationDue()));
		params.add(s.assessmentWeeks());
		params.add(s.coordinatorsRead());
		params.add(s.diaryForAll());
		params.add(by);
		params.add(at(now));
		params.add(programme.value());
		return params;
	}

	/** The course's outcomes or criteria, in order, with their texts. */
	List<Course.Item> items(ProgrammeId programme, Kind kind) {
		var items = new LinkedHashMap<UUID, Course.Item>();
		jdbc.sql("""
				select i.id, i.position, t.language, t.text
				from course_item i left join course_item_text t on t.item_id = i.id
				where i.programme_id = ? and i.kind = ?
				order by i.position, i.id""").params(programme.value(), kind.name()).query(rs -> {
			var id = rs.getObject(1, UUID.class);
			var item = items.computeIfAbsent(id, key -> new Course.Item(key, position(rs), new LinkedHashMap<>()));
			var language = rs.getString(3);
			if (language != null) {
				item.texts().put(Language.valueOf(language), rs.getString(4));
			}
		});
		return items.values().stream().map(i -> new Course.Item(i.id(), i.position(), Map.copyOf(i.texts()))).toList();
	}

	/**
	 * Replaces the outcomes or criteria; ids kept where given, so ratings and checks stay
	 * with them.
	 */
	void replaceItems(ProgrammeId programme, Kind kind, List<Course.Item> items) {
		var kept = items.stream().map(Course.Item::id).toList();
		var existing = jdbc.sql("select id from course_item where programme_id = ? and kind = ?")
			.params(programme.value(), kind.name())
			.query(UUID.class)
			.list();
		for (var id : existing) {
			if (!kept.contains(id)) {
				jdbc.sql("delete from course_item where id = ?").param(id).update();
			}
		}
		for (var item : items) {
			if (existing.contains(item.id())) {
				jdbc.sql("update course_item set position = ? where id = ?")
					.params(item.position(), item.id())
					.update();
				jdbc.sql("delete from course_item_text where item_id = ?").param(item.id()).update();
			}
			else {
				jdbc.sql("insert into course_item (id, programme_id, kind, position) values (?, ?, ?, ?)")
					.params(item.id(), programme.value(), kind.name(), item.position())
					.update();
			}
			item.texts()
				.forEach((language, text) -> jdbc
					.sql("insert into course_item_text (item_id, language, text) values (?, ?, ?)")
					.params(item.id(), language.name(), text)
					.update());
		}
	}

	private static int position(ResultSet rs) {
		try {
			return rs.getInt(2);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, int column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** A reading the person marked as read, for their own data. */
	record OwnReading(UUID programmeId, String citation, OffsetDateTime doneAt) {
	}

	List<OwnReading> readingDoneBy(AccountId account) {
		return jdbc.sql("""
				select r.programme_id, r.citation, d.done_at from reading_done d join reading r on r.id = d.reading_id
				 where d.account_id = ? order by r.programme_id, r.position""")
			.param(account.value())
			.query(OwnReading.class)
			.list();
	}

}
