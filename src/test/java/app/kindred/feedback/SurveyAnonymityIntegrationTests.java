package app.kindred.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.core.Tokens;
import app.kindred.feedback.internal.Moment;
import app.kindred.feedback.internal.SurveyService;
import app.kindred.feedback.internal.SurveySweep;

/**
 * Issue 15's promise, checked on the database itself: after a survey that invited eight
 * people, six of whom answered (some by link, some signed in) and which has closed, no
 * row of any table but survey_response and survey_item holds a response's or an item's
 * id; those two hold no account id, e-mail address, token, token hash or time finer than
 * a day; no foreign key leads from them to an account, an invitation or a link; nothing
 * logged while answering names an answer, its text or a token; and the answers reach
 * survey_response only as a batch (none before the fifth, five at the fifth, the sixth at
 * the close), so their order of writing is not the order of answering. Every query reads
 * the standard INFORMATION_SCHEMA, as H2 and PostgreSQL both have it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SurveyAnonymityIntegrationTests {

	/** The two tables where answers live. */
	private static final Set<String> ANSWERS = Set.of("survey_response", "survey_item");

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestGroups groups;

	@Autowired
	SurveyService service;

	@Autowired
	SurveySweep sweep;

	@Autowired
	Surveys surveys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void nothingLeadsFromAnAnswerToAPerson(CapturedOutput output) throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var survey = service.add(term.programme(), "kindred-participant-feedback", Moment.AFTER_LAST, null, null,
				term.staff().coordinator().id());
		surveys.open(survey.id());
		sweep.sweep();
		var people = new ArrayList<>(term.participants(term.first()));
		people.addAll(term.participants(term.second()));
		assertThat(people).hasSize(8);
		var tokens = new ArrayList<String>();
		var texts = new ArrayList<String>();
		int before = output.length();
		for (int i = 0; i < 6; i++) {
			var person = people.get(i);
			var link = Surveys.link(Surveys.mails(mail, person.email(), 1)[0]);
			tokens.add(link.replaceFirst("^/surveys/answer/", "").replaceFirst("\\?.*$", ""));
			var text = "Answer number " + i + " " + Tokens.newToken();
			texts.add(text);
			var answer = Surveys.answer(survey.form(), text);
			var request = i % 2 == 0 ? post(link).with(csrf())
					: post("/surveys/" + survey.id()).with(csrf()).with(user(users.loadUserByUsername(person.email())));
			mvc.perform(request.params(answer)).andExpect(redirectedUrl("/surveys/thanks"));
			int written = responses(survey.id());
			int held = surveys.count("select count(*) from survey_pending where survey_id = ?", survey.id());
			if (i < 4) {
				assertThat(written).as("written before the fifth answer").isZero();
				assertThat(held).isEqualTo(i + 1);
			}
			else if (i == 4) {
				assertThat(written).as("the first five written together").isEqualTo(5);
				assertThat(held).isZero();
			}
			else {
				assertThat(written).isEqualTo(5);
				assertThat(held).isEqualTo(1);
			}
		}
		var logged = output.toString().substring(before);
		surveys.close(survey.id());
		sweep.sweep();
		assertThat(responses(survey.id())).isEqualTo(6);
		assertThat(surveys.count("select count(*) from survey_pending where survey_id = ?", survey.id())).isZero();
		assertThat(surveys.count("select count(*) from survey_invitation where survey_id = ? and answered = true",
				survey.id()))
			.isEqualTo(6);

		var responseIds = strings("select id from survey_response where survey_id = ?", survey.id());
		var itemIds = strings("""
				select i.id from survey_item i join survey_response r on r.id = i.response_id
				where r.survey_id = ?""", survey.id());
		assertThat(responseIds).hasSize(6);
		assertThat(itemIds).hasSize(60);
		var answerIds = new HashSet<String>(responseIds);
		answerIds.addAll(itemIds);

		var personal = new HashSet<String>();
		for (var person : people) {
			personal.add(person.id().value().toString());
			personal.add(person.email().toLowerCase(Locale.ROOT));
		}
		tokens.forEach(t -> personal.add(t.toLowerCase(Locale.ROOT)));
		personal.addAll(strings("select token_hash from survey_link where survey_id = ?", survey.id()));
		assertThat(personal).hasSize(8 * 2 + 6 + 8);

		// (a) every table and column
		var tables = strings("""
				select table_name from information_schema.tables
				where table_type = 'BASE TABLE' and lower(table_schema) = lower(current_schema)""");
		assertThat(tables.stream().map(t -> t.toLowerCase(Locale.ROOT))).contains("survey_response", "survey_item",
				"survey_invitation", "survey_link", "event_publication");
		int checked = 0;
		for (var table : tables) {
			var name = table.toLowerCase(Locale.ROOT);
			for (var row : jdbc.sql("select * from \"" + table + "\"").query().listOfRows()) {
				for (var cell : row.entrySet()) {
					var value = text(cell.getValue());
					if (value == null) {
						continue;
					}
					checked++;
					if (ANSWERS.contains(name)) {
						assertThat(personal).as(table + "." + cell.getKey())
							.noneMatch(secret -> value.toLowerCase(Locale.ROOT).contains(secret));
					}
					else {
						assertThat(answerIds).as(table + "." + cell.getKey()).noneMatch(value::contains);
					}
				}
			}
		}
		assertThat(checked).isGreaterThan(1000);
		var types = jdbc
			.sql("""
					select lower(table_name) as table_name, lower(column_name) as column_name, lower(data_type) as data_type
					from information_schema.columns
					where lower(table_schema) = lower(current_schema) and lower(table_name) in ('survey_response', 'survey_item')""")
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
		assertThat(types).hasSize(18);
		assertThat(types).as("a column finer than a day")
			.noneMatch(c -> c.get(2).contains("time") || c.get(2).contains("interval"));
		assertThat(types).as("a column naming a person, an address or a link")
			.noneMatch(c -> c.get(1).contains("account") || c.get(1).contains("email") || c.get(1).contains("token")
					|| c.get(1).contains("invitation") || c.get(1).contains("link") || c.get(1).contains("address")
					|| c.get(1).contains("agent"));

		// (b) the foreign keys from the answer tables
		var references = jdbc
			.sql("""
					select lower(fk.table_name) as from_table, lower(pk.table_name) as to_table
					from information_schema.referential_constraints rc
					join information_schema.table_constraints fk
					  on fk.constraint_name = rc.constraint_name and fk.constraint_schema = rc.constraint_schema
					join information_schema.table_constraints pk
					  on pk.constraint_name = rc.unique_constraint_name and pk.constraint_schema = rc.unique_constraint_schema
					where lower(fk.table_name) in ('survey_response', 'survey_item')""")
			.query((rs, n) -> rs.getString(1) + "->" + rs.getString(2))
			.list();
		assertThat(references).containsExactlyInAnyOrder("survey_response->survey", "survey_item->survey_response");

		// (c) what was logged while answering
		for (var id : answerIds) {
			assertThat(logged).as("log while answering").doesNotContain(id);
		}
		for (var secret : texts) {
			assertThat(logged).doesNotContain(secret);
		}
		for (var token : tokens) {
			assertThat(logged).doesNotContain(token);
		}
		for (var person : people) {
			assertThat(logged).doesNotContain(person.id().value().toString());
		}

		// (d) the written answers hold every text, and nothing tells their order
		assertThat(strings("""
				select i.text from survey_item i join survey_response r on r.id = i.response_id
				where r.survey_id = ? and i.question = 'improve'""", survey.id()))
			.containsExactlyInAnyOrderElementsOf(texts.stream().map(t -> t + " (improve)").toList());
		assertThat(strings("select distinct cast(submitted_on as varchar(20)) from survey_response where survey_id = ?",
				survey.id()))
			.hasSize(1);
	}

	private int responses(UUID survey) {
		return surveys.count("select count(*) from survey_response where survey_id = ?", survey);
	}

	private List<String> strings(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query((rs, n) -> rs.getString(1)).list();
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8) + HexFormat.of().formatHex(bytes);
		}
		return value.toString();
	}

}
