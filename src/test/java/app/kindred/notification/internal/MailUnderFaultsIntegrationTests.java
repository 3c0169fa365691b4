package app.kindred.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;

import com.icegreen.greenmail.util.GreenMail;

import app.kindred.KindredApplication;
import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.core.Language;
import app.kindred.core.events.PublicationMonitor;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountRegistered;
import app.kindred.identity.AccountService;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Mail under faults, with two application instances on one database and a real SMTP
 * server (GreenMail) that is stopped and started: every person gets exactly one copy of
 * their mail, whatever fails in between. The only duplicate left, a mail the server
 * accepted but whose sending was not recorded, is forced here on purpose and carries the
 * same Message-ID both times. Intervals are short (below) so that nothing here waits
 * long; every wait polls with a deadline.
 */
@SpringBootTest(properties = { MailUnderFaultsIntegrationTests.MAIL_EVERY, MailUnderFaultsIntegrationTests.MAIL_LEASE,
		MailUnderFaultsIntegrationTests.MAIL_RETRY_FIRST, MailUnderFaultsIntegrationTests.MAIL_RETRY_MAX,
		MailUnderFaultsIntegrationTests.EVENTS_EVERY, MailUnderFaultsIntegrationTests.EVENTS_LEASE,
		MailUnderFaultsIntegrationTests.EVENTS_RETRY_FIRST, MailUnderFaultsIntegrationTests.EVENTS_RETRY_MAX })
class MailUnderFaultsIntegrationTests {

	static final String MAIL_EVERY = "kindred.mail.every=PT0.5S";

	/**
	 * Half of it is how long a sent mail's record is retried through a lost connection.
	 */
	static final String MAIL_LEASE = "kindred.mail.lease=PT6S";
	static final String MAIL_RETRY_FIRST = "kindred.mail.retry-first=PT0.5S";
	static final String MAIL_RETRY_MAX = "kindred.mail.retry-max=PT1S";
	static final String EVENTS_EVERY = "kindred.events.every=PT0.5S";

	/**
	 * Longer than a second instance takes to start on a slow machine, for the test of a
	 * publication held meanwhile.
	 */
	static final String EVENTS_LEASE = "kindred.events.lease=PT20S";
	static final String EVENTS_RETRY_FIRST = "kindred.events.retry-first=PT0.5S";
	static final String EVENTS_RETRY_MAX = "kindred.events.retry-max=PT1S";

	private static final Duration PATIENCE = Duration.ofSeconds(40);

	@Autowired
	Environment environment;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicationsEndpoint endpoint;

	@Autowired
	PublicationMonitor monitor;

	@Autowired
	EventSerializer serializer;

	private final List<AutoCloseable> cleanUp = new ArrayList<>();

	@AfterEach
	void cleanUp() throws Exception {
		for (var closeable : cleanUp.reversed()) {
			closeable.close();
		}
	}

	@Test
	void smtpDownWhileMailsAreDueThenUpEveryPersonGetsOneCopy() {
		var second = secondInstance();
		var people = new ArrayList<String>();
		for (int i = 0; i < 6; i++) {
			var email = TestData.uniqueEmail("smtp-down");
			(i % 2 == 0 ? accounts : second.getBean(AccountService.class)).register(email, "Person " + i,
					TestData.PASSWORD, Language.EN, ZoneId.of("Europe/Helsinki"), "127.0.0.1");
			people.add(email);
		}
		// Every mail tried at once and again by the schedules, failing: pending, its
		// publication done with
		await().atMost(PATIENCE).until(() -> people.stream().allMatch(e -> attempts(e) >= 2));
		assertThat(people).allSatisfy(e -> assertThat(mailStatus(e)).isEqualTo("PENDING"));
		assertThat(endpoint.report().mails().pending()).isGreaterThanOrEqualTo(6);
		assertThat(endpoint.report().mails().stuck()).anySatisfy(m -> {
			assertThat(m.kind()).isEqualTo("verify");
			assertThat(m.lastError()).isNotBlank().doesNotContain("@test.example");
		});

		var smtp = smtp();
		await().atMost(PATIENCE).until(() -> people.stream().allMatch(e -> "SENT".equals(mailStatus(e))));
		assertExactlyOneEach(smtp, people);
	}

	@Test
	void aPublicationWhoseListenerFailedIsRetriedByTheScheduleWithoutARestart() {
		var smtp = smtp();
		var email = TestData.uniqueEmail("listener-failed");
		// The listener cannot record its mail (the table is away, as during a database
		// restart): it fails
		jdbc.sql("ALTER TABLE outgoing_mail RENAME TO outgoing_mail_away").update();
		UUID publication;
		try {
			accounts.register(email, "Failed Listener", TestData.PASSWORD, Language.EN, ZoneId.of("Europe/Helsinki"),
					"127.0.0.1");
			await().atMost(PATIENCE).until(() -> "FAILED".equals(publicationStatus(email)));
			publication = publicationId(email);
			// Operators see it (the endpoint's part on publications): the event's type
			// and why, without the address
			var seen = new AtomicReference<PublicationMonitor.Summary>();
			await().atMost(PATIENCE).until(() -> {
				seen.set(monitor.summary());
				return seen.get()
					.stuck()
					.stream()
					.anyMatch(p -> p.id().equals(publication) && p.status().equals("FAILED") && p.lastError() != null);
			});
			var stuck = seen.get().stuck().stream().filter(p -> p.id().equals(publication)).findFirst().orElseThrow();
			assertThat(stuck.eventType()).endsWith("AccountRegistered");
			assertThat(stuck.lastError()).doesNotContain(email);
			assertThat(seen.get().failed()).isPositive();
		}
		finally {
			jdbc.sql("ALTER TABLE outgoing_mail_away RENAME TO outgoing_mail").update();
		}
		// Nobody restarts anything: the schedule retries it, and the mail goes out once
		await().atMost(PATIENCE).until(() -> smtp.getReceivedMessagesForDomain(email).length >= 1);
		await().atMost(PATIENCE).until(() -> publicationStatus(email) == null);
		assertExactlyOneEach(smtp, List.of(email));
		assertThat(endpoint.report().publications().stuck()).noneMatch(p -> p.id().equals(publication));
	}

	@Test
	void aPublicationRunAgainAfterItsMailWasRecordedRecordsAndSendsNothingTwice() {
		var smtp = smtp();
		var email = TestData.uniqueEmail("run-twice");
		accounts.register(email, "Run Twice", TestData.PASSWORD, Language.EN, ZoneId.of("Europe/Helsinki"),
				"127.0.0.1");
		await().atMost(PATIENCE).until(() -> "SENT".equals(mailStatus(email)));
		var publication = jdbc.sql("select publication_id from outgoing_mail where recipient = ?")
			.param(email)
			.query(UUID.class)
			.single();
		// The instance died after the listener's transaction committed and before the
		// publication was marked complete
		// (a separate transaction): the publication is still there, failed, and due again
		var event = new AccountRegistered(new AccountId(UUID.randomUUID()), email, "Run Twice", Language.EN,
				"http://localhost:8080/verify?token=again");
		var long_ago = Instant.now().minusSeconds(60).atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				  completion_attempts, last_resubmission_date)
				VALUES (?, ?, ?, ?, ?, 'FAILED', 1, ?)""")
			.params(publication,
					"app.kindred.notification.internal.AccountMails.on(app.kindred.identity.AccountRegistered)",
					AccountRegistered.class.getName(), serializer.serialize(event).toString(), long_ago, long_ago)
			.update();
		await().atMost(PATIENCE)
			.until(() -> jdbc.sql("select count(*) from event_publication where id = ?")
				.param(publication)
				.query(Integer.class)
				.single() == 0);
		assertThat(jdbc.sql("select count(*) from outgoing_mail where recipient = ?")
			.param(email)
			.query(Integer.class)
			.single()).isOne();
		assertExactlyOneEach(smtp, List.of(email));
	}

	@Test
	void anInstanceThatStartsWhileAnotherHoldsAPublicationDoesNotRunIt() {
		var smtp = smtp();
		var email = TestData.uniqueEmail("held");
		jdbc.sql("ALTER TABLE outgoing_mail RENAME TO outgoing_mail_away").update();
		try {
			accounts.register(email, "Held Publication", TestData.PASSWORD, Language.EN, ZoneId.of("Europe/Helsinki"),
					"127.0.0.1");
			await().atMost(PATIENCE).until(() -> "FAILED".equals(publicationStatus(email)));
		}
		finally {
			jdbc.sql("ALTER TABLE outgoing_mail_away RENAME TO outgoing_mail").update();
		}
		// As a live instance holds it: being processed, its last attempt just now
		var publication = publicationId(email);
		jdbc.sql("UPDATE event_publication SET status = 'PROCESSING', last_resubmission_date = ? WHERE id = ?")
			.params(Instant.now().atOffset(ZoneOffset.UTC), publication)
			.update();
		var attempts = publicationAttempts(email);

		secondInstance();
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> smtp.getReceivedMessagesForDomain(email).length == 0
					&& "PROCESSING".equals(publicationStatus(email)));
		assertThat(publicationAttempts(email)).isEqualTo(attempts);

		// Its holder never finishes (it died): once the lease runs out, one instance
		// takes it over, and it goes out once
		await().atMost(PATIENCE).until(() -> smtp.getReceivedMessagesForDomain(email).length >= 1);
		await().atMost(PATIENCE).until(() -> publicationStatus(email) == null);
		assertExactlyOneEach(smtp, List.of(email));
	}

	@Test
	void aMailSentButNotRecordedAsSentIsSentAgainWithTheSameMessageId() throws Exception {
		var smtp = smtp();
		secondInstance();
		var email = TestData.uniqueEmail("unrecorded");
		// The database refuses to record this person's mail as sent, as when it goes away
		// right after SMTP accepted
		jdbc.sql("ALTER TABLE outgoing_mail ADD CONSTRAINT test_unrecorded CHECK (status <> 'SENT' OR recipient <> '"
				+ email + "')")
			.update();
		try {
			accounts.register(email, "Not Recorded", TestData.PASSWORD, Language.EN, ZoneId.of("Europe/Helsinki"),
					"127.0.0.1");
			// Longer than the sender keeps trying to record it: when the lease runs out,
			// it is sent again
			await().atMost(PATIENCE).until(() -> smtp.getReceivedMessagesForDomain(email).length >= 2);
		}
		finally {
			jdbc.sql("ALTER TABLE outgoing_mail DROP CONSTRAINT test_unrecorded").update();
		}
		// The database is back while the second sender still tries to record it:
		// recorded, and never sent a third time
		await().atMost(PATIENCE).until(() -> "SENT".equals(mailStatus(email)));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.until(() -> smtp.getReceivedMessagesForDomain(email).length == 2);
		var ids = Arrays.stream(smtp.getReceivedMessagesForDomain(email)).map(m -> {
			try {
				return m.getMessageID();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).toList();
		var recorded = jdbc.sql("select message_id from outgoing_mail where recipient = ?")
			.param(email)
			.query(String.class)
			.single();
		assertThat(ids).containsExactly(recorded, recorded);
	}

	@Test
	void connectionsLostMidDeliveryThenEveryMailGoesOutOnce() throws Exception {
		var url = environment.getRequiredProperty("spring.datasource.url");
		// Only PostgreSQL lets a test cut the application's connections from the server
		// side
		Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only");
		var smtp = smtp();
		var second = secondInstance();
		var people = new ArrayList<String>();
		for (int i = 0; i < 12; i++) {
			people.add(TestData.uniqueEmail("cut-" + i));
		}
		var pool = Executors.newFixedThreadPool(3);
		try {
			var work = new ArrayList<Future<?>>();
			for (int i = 0; i < people.size(); i++) {
				var email = people.get(i);
				var service = i % 2 == 0 ? accounts : second.getBean(AccountService.class);
				work.add(pool.submit(() -> {
					try {
						service.register(email, "Cut Off", TestData.PASSWORD, Language.EN, ZoneId.of("Europe/Helsinki"),
								"127.0.0.1");
					}
					catch (RuntimeException e) {
						// refused mid-way: this person has no account and should get no
						// mail
					}
				}));
			}
			work.add(pool.submit(() -> {
				var cutter = JdbcClient
					.create(new DriverManagerDataSource(url, environment.getProperty("spring.datasource.username", ""),
							environment.getProperty("spring.datasource.password", "")));
				for (int i = 0; i < 8; i++) {
					cutter
						.sql("""
								SELECT pg_terminate_backend(pid) FROM pg_stat_activity
								WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'""")
						.query()
						.listOfRows();
					Thread.sleep(150);
				}
				return null;
			}));
			for (var future : work) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		var registered = new ArrayList<String>();
		await().atMost(PATIENCE).ignoreExceptions().until(() -> {
			registered.clear();
			for (var email : people) {
				if (jdbc.sql("select count(*) from account where email = ?")
					.param(email)
					.query(Integer.class)
					.single() > 0) {
					registered.add(email);
				}
			}
			return true;
		});
		assertThat(registered).isNotEmpty();
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> registered.stream().allMatch(e -> "SENT".equals(mailStatus(e))));
		assertExactlyOneEach(smtp, registered);
		for (var email : people) {
			if (!registered.contains(email)) {
				assertThat(smtp.getReceivedMessagesForDomain(email)).isEmpty();
			}
		}
	}

	/**
	 * Each person has exactly one copy, and still has after a while (a late second copy
	 * would show).
	 */
	private static void assertExactlyOneEach(GreenMail smtp, List<String> people) {
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> people.stream().allMatch(e -> smtp.getReceivedMessagesForDomain(e).length == 1));
		for (var email : people) {
			assertThat(smtp.getReceivedMessagesForDomain(email)).as(email).hasSize(1);
		}
	}

	private GreenMail smtp() {
		var smtp = new GreenMail(TestSmtp.setup());
		smtp.start();
		cleanUp.add(smtp::stop);
		return smtp;
	}

	/**
	 * A second instance of the application on the same database and SMTP server, with the
	 * same intervals.
	 */
	private ConfigurableApplicationContext secondInstance() {
		// Command-line arguments, not builder properties: those are defaults, which the
		// application's own would override
		var second = new SpringApplicationBuilder(KindredApplication.class).run("--server.port=0",
				"--kindred.demo.enabled=false", "--spring.main.banner-mode=off",
				"--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
				"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
				"--" + MAIL_EVERY, "--" + MAIL_LEASE, "--" + MAIL_RETRY_FIRST, "--" + MAIL_RETRY_MAX,
				"--" + EVENTS_EVERY, "--" + EVENTS_LEASE, "--" + EVENTS_RETRY_FIRST, "--" + EVENTS_RETRY_MAX);
		cleanUp.add(second::close);
		return second;
	}

	private int attempts(String email) {
		return jdbc.sql("select coalesce(max(attempts), 0) from outgoing_mail where recipient = ?")
			.param(email)
			.query(Integer.class)
			.single();
	}

	private String mailStatus(String email) {
		return jdbc.sql("select status from outgoing_mail where recipient = ?")
			.param(email)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private String publicationStatus(String email) {
		return jdbc
			.sql("select status from event_publication where serialized_event like ? and completion_date is null")
			.param("%" + email + "%")
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private UUID publicationId(String email) {
		return jdbc.sql("select id from event_publication where serialized_event like ?")
			.param("%" + email + "%")
			.query(UUID.class)
			.single();
	}

	private int publicationAttempts(String email) {
		return jdbc.sql("select completion_attempts from event_publication where serialized_event like ?")
			.param("%" + email + "%")
			.query(Integer.class)
			.single();
	}

}
