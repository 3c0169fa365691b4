package app.kindred.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;

import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.core.Language;
import app.kindred.identity.AccountService;

/**
 * A mail that cannot be handed to the SMTP server is not lost: it waits in
 * {@code outgoing_mail}, is tried again on a schedule and sent once when the server is
 * back; its event publication is complete as soon as it is recorded. Attachments come out
 * of storage byte for byte, with their content type as composed.
 */
@SpringBootTest(
		properties = { "kindred.mail.every=PT0.5S", "kindred.mail.retry-first=PT0.5S", "kindred.mail.retry-max=PT1S" })
class MailDeliveryIntegrationTests {

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutgoingMailStore store;

	@Autowired
	OutgoingMailSender sender;

	@Test
	void keepsTheMailWhileTheServerIsDownAndSendsItOnceWhenItIsBack() throws Exception {
		var email = TestData.uniqueEmail("patient");
		accounts.register(email, "Pat Patient", TestData.PASSWORD, Language.EN, ZoneId.of("Europe/Helsinki"),
				"127.0.0.1");
		// Tried at once and again by the schedule, failing while no server listens; the
		// event is done with
		await().atMost(Duration.ofSeconds(20)).until(() -> attempts(email) >= 2);
		assertThat(incompletePublicationsFor(email)).isZero();
		assertThat(status(email)).isEqualTo("PENDING");

		var smtp = new GreenMail(TestSmtp.setup());
		smtp.start();
		try {
			assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
			await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(email)));
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.until(() -> smtp.getReceivedMessagesForDomain(email).length == 1);
			var message = smtp.getReceivedMessagesForDomain(email)[0];
			assertThat(message.getMessageID()).isEqualTo(messageId(email));
			// Sent: what it said is gone from the table, that it was sent is kept until
			// the retention ends
			assertThat(jdbc
				.sql("select count(*) from outgoing_mail where recipient = ? and subject is null and body is null")
				.param(email)
				.query(Integer.class)
				.single()).isOne();
		}
		finally {
			smtp.stop();
		}
	}

	@Test
	void attachmentsKeepTheirBytesAndContentTypeThroughStorageAndSmtp() throws Exception {
		var email = TestData.uniqueEmail("calendar");
		var bytes = new byte[4096];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (i * 31 + 7); // every byte value, NUL and invalid UTF-8
											// included
		}
		var type = "text/calendar; method=REQUEST; charset=UTF-8";
		var id = UUID.randomUUID();
		var smtp = new GreenMail(TestSmtp.setup());
		smtp.start();
		try {
			store.insert(id, "<" + id + "@test.example>", null, 0, "test", new Mail(email, "Invitation",
					"See the attachment.", List.of(new Mail.Attachment("x.ics", type, bytes))), Instant.now());
			var loaded = store.load(id).orElseThrow().mail().attachments().getFirst();
			assertThat(loaded.contentType()).isEqualTo(type);
			assertThat(loaded.content()).isEqualTo(bytes);

			sender.soon(id);
			assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
			// One invitation travels as the calendar part of a multipart/alternative, and
			// once more as a file
			var message = smtp.getReceivedMessagesForDomain(email)[0];
			var calendar = part(message, p -> p.getContentType().toLowerCase().startsWith("text/calendar"));
			assertThat(calendar.getContentType()).contains("text/calendar", "method=REQUEST", "charset=UTF-8");
			assertThat(calendar.getInputStream().readAllBytes()).isEqualTo(bytes);
			var file = part(message, p -> "x.ics".equals(p.getFileName()));
			assertThat(file.getInputStream().readAllBytes()).isEqualTo(bytes);
		}
		finally {
			smtp.stop();
		}
	}

	private int attempts(String email) {
		return jdbc.sql("select coalesce(max(attempts), 0) from outgoing_mail where recipient = ?")
			.param(email)
			.query(Integer.class)
			.single();
	}

	private String status(String email) {
		return jdbc.sql("select status from outgoing_mail where recipient = ?")
			.param(email)
			.query(String.class)
			.single();
	}

	private String messageId(String email) {
		return jdbc.sql("select message_id from outgoing_mail where recipient = ?")
			.param(email)
			.query(String.class)
			.single();
	}

	private int incompletePublicationsFor(String email) {
		return jdbc
			.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
			.param("%" + email + "%")
			.query(Integer.class)
			.single();
	}

	private interface PartTest {

		boolean test(Part part) throws Exception;

	}

	/** The first part, at any depth, that matches. */
	private static Part part(Part root, PartTest matches) throws Exception {
		if (matches.test(root)) {
			return root;
		}
		if (root.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				var found = partOrNull(multipart.getBodyPart(i), matches);
				if (found != null) {
					return found;
				}
			}
		}
		throw new AssertionError("no matching part in " + root.getContentType());
	}

	private static Part partOrNull(Part root, PartTest matches) throws Exception {
		try {
			return part(root, matches);
		}
		catch (AssertionError notHere) {
			return null;
		}
	}

}
