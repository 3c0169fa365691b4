package app.kindred.meeting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import biweekly.Biweekly;
import biweekly.ICalendar;

/** Reading the meeting mails GreenMail received, by subject, and their calendar attachments. */
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

	/** Waits until the address has this many such messages (mail is sent after commit), and returns them. */
	static List<MimeMessage> await(GreenMailExtension mail, String address, String subjectStart, int count) {
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> to(mail, address, subjectStart).size() >= count);
		return to(mail, address, subjectStart);
	}

	/** The message's calendar attachment, parsed. */
	static ICalendar calendar(MimeMessage message) {
		try {
			var text = calendarText(message);
			if (text == null) {
				throw new AssertionError("no calendar attached to " + message.getSubject());
			}
			return Biweekly.parse(text).first();
		}
		catch (MessagingException | IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String calendarText(Part part) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			var multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				var found = calendarText(multipart.getBodyPart(i));
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		if (part.isMimeType("text/calendar")) {
			try (InputStream in = part.getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		return null;
	}
}
