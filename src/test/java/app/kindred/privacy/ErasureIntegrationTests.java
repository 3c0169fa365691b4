package app.kindred.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.kindred.TestData;
import app.kindred.privacy.internal.RetentionService;

/**
 * Erasure and retention on the demo data, where people have something in every module: an
 * erased person leaves no trace of their name or address in any column of any table, the
 * counts others rely on stay, anonymous answers are untouched; a hold blocks until
 * cleared; only the organisation's coordinators see and decide; retention anonymises a
 * programme past its period once, even with two instances at it.
 */
@ActiveProfiles("dev") // the demo data and the development mailbox
// The demo is seeded only into the embedded H2 database; on PostgreSQL the erasure of a
// person and the retention claim run in RetentionClaimIntegrationTests
@DisabledIfEnvironmentVariable(named = "KINDRED_DB_URL", matches = "jdbc:postgresql:.*")
@SpringBootTest(properties = { "kindred.demo.enabled=true", "spring.mail.host=" })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureIntegrationTests {

	private static final String DOMAIN = "@demo.kindred.test";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	UserDetailsService users;

	@Autowired
	TestData data;

	@Autowired
	RetentionService retention;

	/** The pages in English, whatever language the demo gave each person. */
	@BeforeEach
	void inEnglish() {
		jdbc.sql("update account set preferred_language = 'EN' where email like ?").param("%" + DOMAIN).update();
	}

	private RequestPostProcessor as(String email) {
		return user(users.loadUserByUsername(email));
	}

	private UUID demoOrganisation() {
		return jdbc.sql("""
				select m.organisation_id from membership m join account a on a.id = m.account_id
				  join organisation o on o.id = m.organisation_id
				 where a.email = ? and m.role = 'COORDINATOR' and o.kind = 'UNIVERSITY'""")
			.param("coordinator" + DOMAIN)
			.query(UUID.class)
			.list()
			.getFirst();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	/** Every count that others rely on and that must not change by an erasure. */
	private Map<String, Long> counts() {
		return Map.of("seated", count("select count(*) from application where state = 'SEATED'"), "applications",
				count("select count(*) from application"), "trainingAttendance",
				count("select count(*) from session_attendance"), "meetingAttendance",
				count("select count(*) from meeting_attendance where present = true"), "members",
				count("select count(*) from group_member"), "responses", count("select count(*) from survey_response"),
				"items", count("select count(*) from survey_item"), "invitations",
				count("select count(*) from survey_invitation"), "answered",
				count("select count(*) from survey_invitation where answered = true"));
	}

	/** The anonymous answers, whole: what is compared before and after. */
	private List<String> answers() {
		return jdbc.sql("""
				select r.id || '|' || r.survey_id || '|' || coalesce(r.pair_code, '') || '|' || i.question || '|'
				       || coalesce(cast(i.choice as varchar), '') || '|' || coalesce(i.text, '')
				  from survey_response r join survey_item i on i.response_id = r.id order by 1""")
			.query(String.class)
			.list();
	}

	/**
	 * Every column of every table, text and binary, read whole: where the value is found,
	 * as "table.column".
	 */
	private List<String> traces(String value) throws Exception {
		var found = new ArrayList<String>();
		var wanted = value.toLowerCase(Locale.ROOT);
		try (var connection = dataSource.getConnection()) {
			var meta = connection.getMetaData();
			var tables = new ArrayList<String>();
			try (var rs = meta.getTables(null, null, "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					var schema = rs.getString("TABLE_SCHEM");
					if (schema == null || schema.equalsIgnoreCase("PUBLIC")) {
						tables.add(rs.getString("TABLE_NAME"));
					}
				}
			}
			for (var table : tables) {
				try (var statement = connection.createStatement();
						var rs = statement.executeQuery("select * from \"" + table + "\"")) {
					var columns = rs.getMetaData();
					while (rs.next()) {
						for (int c = 1; c <= columns.getColumnCount(); c++) {
							String text = switch (columns.getColumnType(c)) {
								case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
									var bytes = rs.getBytes(c);
									yield bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
								}
								default -> rs.getString(c);
							};
							if (text != null && text.toLowerCase(Locale.ROOT).contains(wanted)) {
								found.add(table.toLowerCase(Locale.ROOT) + "."
										+ columns.getColumnName(c).toLowerCase(Locale.ROOT));
							}
						}
					}
				}
			}
		}
		return found;
	}

	private UUID ask(String email) throws Exception {
		mvc.perform(post("/account/erasure").with(as(email)).with(csrf())).andExpect(status().is3xxRedirection());
		return jdbc
			.sql("select r.id from erasure_request r join account a on a.id = r.account_id "
					+ "where a.email = ? and r.status = 'OPEN'")
			.param(email)
			.query(UUID.class)
			.single();
	}

	@Test
	@Order(1)
	void anErasedPersonLeavesNoTraceAndTheCountsStay() throws Exception {
		var email = "mentor" + DOMAIN;
		var account = jdbc.sql("select id from account where email = ?").param(email).query(UUID.class).single();
		var name = jdbc.sql("select display_name from account where id = ?")
			.param(account)
			.query(String.class)
			.single();
		assertThat(traces(name)).isNotEmpty();
		assertThat(traces(email)).isNotEmpty();
		// what the mentor had, so that the test shows something was there in each module
		assertThat(count("select count(*) from diary_entry where account_id = '" + account + "'")).isPositive();
		assertThat(count("select count(*) from objective where account_id = '" + account + "'")).isPositive();
		var before = counts();
		var answers = answers();

		var request = ask(email);
		mvc.perform(get("/account/erasure").with(as(email)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Withdraw my request")));
		// asking twice is refused
		mvc.perform(post("/account/erasure").with(as(email)).with(csrf())).andExpect(status().isConflict());

		var coordinator = as("coordinator" + DOMAIN);
		var organisation = demoOrganisation();
		var base = "/organisations/" + organisation + "/erasures";
		mvc.perform(get(base).with(coordinator))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(name)));
		mvc.perform(get("/").with(coordinator))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(base)));
		mvc.perform(get(base + "/" + request).with(coordinator)).andExpect(status().isOk());
		// asked first, saying who is told
		mvc.perform(post(base + "/" + request + "/erase").with(coordinator).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("confirmed")));
		mvc.perform(post(base + "/" + request + "/erase").param("confirmed", "true").with(coordinator).with(csrf()))
			.andExpect(status().is3xxRedirection());

		// The mail telling the person goes to the address they had, and is the only place
		// it is left (until the outbox forgets sent mail)
		awaitErasedMail(email);
		assertThat(traces(email)).containsOnly("outgoing_mail.recipient");
		// (the outbox blanks a sent mail's body)
		// Other tests sharing the database made namesakes of the demo's people (the demo
		// seeded again under another domain): their own names stay theirs
		var namesakes = count("select count(*) from account where display_name = '" + name + "'") > 0
				? List.of("account.display_name") : List.<String>of();
		assertThat(traces(name)).isSubsetOf(concat(namesakes, "outgoing_mail.body"));
		jdbc.sql("delete from outgoing_mail where kind = 'erased' and recipient = ?").param(email).update();
		assertThat(traces(email)).isEmpty();
		assertThat(traces(name)).isSubsetOf(namesakes);

		assertThat(counts()).isEqualTo(before);
		assertThat(answers()).isEqualTo(answers);
		assertThat(
				jdbc.sql("select display_name from account where id = ?").param(account).query(String.class).single())
			.isEqualTo("Erased person");
		assertThat(count("select count(*) from diary_entry where account_id = '" + account + "'")).isZero();
		assertThat(count("select count(*) from objective where account_id = '" + account + "'")).isZero();
		assertThat(
				jdbc.sql("select status from erasure_request where id = ?").param(request).query(String.class).single())
			.isEqualTo("ERASED");
	}

	private static List<String> concat(List<String> list, String more) {
		var all = new ArrayList<>(list);
		all.add(more);
		return all;
	}

	private void awaitErasedMail(String email) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			if (count("select count(*) from outgoing_mail where kind = 'erased' and recipient = '" + email + "'") == 1
					&& jdbc.sql("select count(*) from event_publication where serialized_event like ?")
						.param("%" + email + "%")
						.query(Long.class)
						.single() == 0) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no mail telling " + email + " of the erasure");
	}

	@Test
	@Order(2)
	void aHoldBlocksUntilTheOrganisationClearsIt() throws Exception {
		var passed = jdbc.sql("""
				select a.email from assessment_decision d join account a on a.id = d.account_id
				 where d.export_id is null and a.email like ?""")
			.param("%" + DOMAIN)
			.query(String.class)
			.list()
			.getFirst();
		var request = ask(passed);
		var organisation = demoOrganisation();
		var base = "/organisations/" + organisation + "/erasures/" + request;
		var coordinator = as("coordinator" + DOMAIN);
		mvc.perform(get(base).with(coordinator))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("not yet exported")));
		mvc.perform(post(base + "/erase").param("confirmed", "true").with(coordinator).with(csrf()))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("select count(*) from account where email = ?").param(passed).query(Long.class).single())
			.isOne();

		// The admin no longer applies the check: then it is carried out
		var admin = as("admin" + DOMAIN);
		mvc.perform(get("/organisations/" + organisation + "/retention").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Course grades must be exported first")));
		mvc.perform(
				post("/organisations/" + organisation + "/retention").param("months", "12").with(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(base + "/erase").param("confirmed", "true").with(coordinator).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from account where email = ?").param(passed).query(Long.class).single())
			.isZero();
		// applied again for the tests after this one
		mvc.perform(post("/organisations/" + organisation + "/retention").param("months", "12")
			.param("applied", "grade-not-exported")
			.with(admin)
			.with(csrf())).andExpect(status().is3xxRedirection());
	}

	@Test
	@Order(3)
	void onlyTheOrganisationsCoordinatorsSeeAndDecide() throws Exception {
		var request = ask("participant" + DOMAIN);
		var organisation = demoOrganisation();
		var base = "/organisations/" + organisation + "/erasures";
		var other = data.staff();
		// another organisation's coordinator: not there at all
		mvc.perform(get(base).with(as(other.coordinator().email()))).andExpect(status().isNotFound());
		mvc.perform(get(base + "/" + request).with(as(other.coordinator().email()))).andExpect(status().isNotFound());
		mvc.perform(post(base + "/" + request + "/erase").param("confirmed", "true")
			.with(as(other.coordinator().email()))
			.with(csrf())).andExpect(status().isNotFound());
		// and the request is not in their organisation's list either
		mvc.perform(get("/organisations/" + other.organisation() + "/erasures/" + request)
			.with(as(other.coordinator().email()))).andExpect(status().isNotFound());
		// the demo organisation's teacher is staff without the role
		var teacher = as("teacher" + DOMAIN);
		mvc.perform(get(base).with(teacher)).andExpect(status().isForbidden());
		mvc.perform(post(base + "/" + request + "/erase").param("confirmed", "true").with(teacher).with(csrf()))
			.andExpect(status().isForbidden());
		// refusing needs a reason; with one, the person sees it
		var coordinator = as("coordinator" + DOMAIN);
		mvc.perform(post(base + "/" + request + "/refuse").param("reason", " ").with(coordinator).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post(base + "/" + request + "/refuse").param("reason", "Your complaint is being handled")
			.with(coordinator)
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/account").with(as("participant" + DOMAIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Your complaint is being handled")));
		mvc.perform(post(base + "/" + request + "/erase").param("confirmed", "true").with(coordinator).with(csrf()))
			.andExpect(status().isConflict());
	}

	@Test
	@Order(4)
	void retentionAnonymisesAProgrammePastItsPeriodOnceAndListsItFirst() throws Exception {
		var organisation = demoOrganisation();
		var programmes = jdbc.sql("select id from programme where organisation_id = ? order by created_at")
			.param(organisation)
			.query(UUID.class)
			.list();
		var course = jdbc
			.sql("select programme_id from course where programme_id in "
					+ "(select id from programme where organisation_id = ?)")
			.param(organisation)
			.query(UUID.class)
			.single();
		var other = programmes.stream().filter(p -> !p.equals(course)).findFirst().orElseThrow();
		var today = LocalDate.now();
		jdbc.sql("update programme set term_end = ? where id = ?").params(today.minusMonths(13), course).update();
		jdbc.sql("update programme set term_end = ? where id = ?").params(today.minusMonths(11), other).update();
		assertThat(count("select count(*) from diary_entry where programme_id = '" + course + "'")).isPositive();
		long otherApplications = count(
				"select count(*) from application where answers is not null and programme_id = '" + other + "'");

		// the dry run lists what will go, and when
		mvc.perform(get("/organisations/" + organisation + "/retention").with(as("admin" + DOMAIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("diary entr")))
			.andExpect(content().string(Matchers.containsString("Anonymised on")));

		// two instances at once: the programme is anonymised by one of them
		var start = new CountDownLatch(1);
		var executor = Executors.newFixedThreadPool(2);
		Callable<Integer> run = () -> {
			start.await();
			return retention.run();
		};
		var first = executor.submit(run);
		var second = executor.submit(run);
		start.countDown();
		int anonymised = first.get() + second.get();
		executor.shutdown();
		assertThat(anonymised).isOne();
		assertThat(retention.run()).isZero();

		assertThat(count("select count(*) from programme_retention where anonymised_at is not null and programme_id = '"
				+ course + "'"))
			.isOne();
		assertThat(count("select count(*) from diary_entry where programme_id = '" + course + "'")).isZero();
		assertThat(
				count("select count(*) from application where answers is not null and programme_id = '" + course + "'"))
			.isZero();
		// seats and attendance still count
		assertThat(count("select count(*) from application where state = 'SEATED' and programme_id = '" + course + "'"))
			.isPositive();
		// within its period: untouched
		assertThat(count("select count(*) from programme_retention where programme_id = '" + other + "'")).isZero();
		assertThat(
				count("select count(*) from application where answers is not null and programme_id = '" + other + "'"))
			.isEqualTo(otherApplications);
	}

}
