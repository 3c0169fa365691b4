package app.kindred.assessment;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.kindred.TestGroups;
import app.kindred.programme.ProgrammeId;

/**
 * A credit course ready for assessment: {@link TestGroups#creditCourse()} with a course
 * code and two assessment criteria (in English and Finnish), written as the course
 * settings would store them.
 */
@Component
public class AssessmentCourse {

	public record Course(TestGroups.Term term, List<UUID> criteria) {

		public ProgrammeId programme() {
			return term.programme();
		}

	}

	private final TestGroups groups;

	private final JdbcClient jdbc;

	AssessmentCourse(TestGroups groups, JdbcClient jdbc) {
		this.groups = groups;
		this.jdbc = jdbc;
	}

	public Course withCode(String code) {
		var term = groups.creditCourse();
		var id = term.programme().value();
		jdbc.sql("""
				insert into course (programme_id, code, rating_scale, assessment_weeks, coordinators_read,
				                    diary_for_all, updated_at)
				values (?, ?, 5, 3, false, false, ?)""").params(id, code, OffsetDateTime.now(ZoneOffset.UTC)).update();
		var criteria = List.of(UUID.randomUUID(), UUID.randomUUID());
		for (int i = 0; i < criteria.size(); i++) {
			jdbc.sql("insert into course_item (id, programme_id, kind, position) values (?, ?, 'CRITERION', ?)")
				.params(criteria.get(i), id, i)
				.update();
			jdbc.sql("insert into course_item_text (item_id, language, text) values (?, 'EN', ?)")
				.params(criteria.get(i), "Criterion " + (i + 1) + " in English")
				.update();
			jdbc.sql("insert into course_item_text (item_id, language, text) values (?, 'FI', ?)")
				.params(criteria.get(i), "Kriteeri " + (i + 1) + " suomeksi")
				.update();
		}
		return new Course(term, criteria);
	}

}
