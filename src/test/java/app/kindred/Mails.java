package app.kindred;

import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.time.Duration;
import org.awaitility.Awaitility;

/** Reading what GreenMail received. */
public final class Mails {

	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	private Mails() {
	}

	/**
	 * Waits until the address has received this many messages (mail is sent after commit,
	 * asynchronously).
	 */
	public static MimeMessage[] await(GreenMailExtension mail, String address, int count) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.until(() -> mail.getReceivedMessagesForDomain(address).length >= count);
		return mail.getReceivedMessagesForDomain(address);
	}

	public static String body(MimeMessage message) {
		return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
	}

	/**
	 * The first link in a message, as a path with its query (the test server's address is
	 * not real).
	 */
	public static String linkPath(MimeMessage message) {
		var matcher = LINK.matcher(body(message));
		if (!matcher.find()) {
			throw new AssertionError("no link in: " + body(message));
		}
		return matcher.group().replaceFirst("^https?://[^/]+", "");
	}

}
