package app.kindred.meeting.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.awaitility.Awaitility;

/**
 * Reading the meeting mails GreenMail received, by subject (their invitations:
 * {@link app.kindred.Invitations}).
 */
final class MeetingMailbox {

	private MeetingMailbox() {
	}

	/** The messages to this address whose subject starts so. */
	static List<MimeMessage> to(GreenMailExtension mail, String address, String subjectStart) {
		return Arrays.stream(mail.getReceivedMessagesForDomain(address)).filter(m -> {
			try {
				return m.getSubject().startsWith(subjectStart);
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	/**
	 * Waits until the address has this many such messages (mail is sent after commit),
	 * and returns them.
	 */
	static List<MimeMessage> await(GreenMailExtension mail, String address, String subjectStart, int count) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> to(mail, address, subjectStart).size() >= count);
		return to(mail, address, subjectStart);
	}

}
