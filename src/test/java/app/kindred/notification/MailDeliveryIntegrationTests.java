package app.kindred.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

import app.kindred.TestSmtp;
import com.icegreen.greenmail.util.GreenMail;

import app.kindred.TestData;
import app.kindred.core.Language;
import app.kindred.identity.AccountRegistered;
import app.kindred.identity.AccountService;

/**
 * A mail that cannot be handed to the SMTP server is not lost: its event stays in the publication registry until a
 * later attempt delivers it, once.
 */
@SpringBootTest
class MailDeliveryIntegrationTests {

	@Autowired
	AccountService accounts;
	@Autowired
	IncompleteEventPublications incomplete;
	@Autowired
	JdbcClient jdbc;

	@Test
	void keepsTheMailWhileTheServerIsDownAndSendsItOnceWhenItIsBack() throws Exception {
		var email = TestData.uniqueEmail("patient");
		accounts.register(email, "Pat Patient", TestData.PASSWORD, Language.EN, ZoneId.of("Europe/Helsinki"), "127.0.0.1");
		await().atMost(Duration.ofSeconds(20)).until(() -> pendingFor(email) == 1 && failedFor(email) == 1);

		var smtp = new GreenMail(TestSmtp.setup());
		smtp.start();
		try {
			incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof AccountRegistered r && r.email().equals(email));
			assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
			await().atMost(Duration.ofSeconds(10)).until(() -> pendingFor(email) == 0);
			incomplete.resubmitIncompletePublications(p -> true);
			Thread.sleep(500); // give a wrongly repeated delivery the chance to show
			assertThat(smtp.getReceivedMessagesForDomain(email)).hasSize(1);
		}
		finally {
			smtp.stop();
		}
	}

	private int pendingFor(String email) {
		return jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
			.param("%" + email + "%").query(Integer.class).single();
	}

	private int failedFor(String email) {
		return jdbc.sql("select count(*) from event_publication where status = 'FAILED' and serialized_event like ?")
			.param("%" + email + "%").query(Integer.class).single();
	}
}
