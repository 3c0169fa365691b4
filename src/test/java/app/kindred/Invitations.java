package app.kindred;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationLevel;
import biweekly.parameter.ParticipationStatus;

/**
 * Reading a mailed calendar invitation as Outlook and Gmail do: the text/calendar part
 * beside the text in a multipart/alternative, with its method in the part's content type,
 * parsed with an iCalendar library.
 */
public final class Invitations {

	/**
	 * What the test mail server's senders are configured with (application.properties'
	 * default).
	 */
	public static final String ORGANIZER = "no-reply@kindred.local";

	private Invitations() {
	}

	/**
	 * One calendar part of a message: where it sits, its MIME content type and the
	 * calendar in it.
	 */
	public record CalendarPart(String parentType, String contentType, String fileName, ICalendar calendar) {

		public VEvent event() {
			assertThat(calendar.getEvents()).hasSize(1);
			return calendar.getEvents().getFirst();
		}
	}

	/**
	 * Every calendar part of the message (text/calendar or application/ics), in order.
	 */
	public static List<CalendarPart> parts(MimeMessage message) {
		try {
			var found = new ArrayList<CalendarPart>();
			collect(message, message.getContentType(), found);
			return found;
		}
		catch (MessagingException | IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The one invitation of a message, checked as RFC 5546 and RFC 6047 want it, and
	 * returned: in a multipart/alternative beside the text, as text/calendar with the
	 * method in its content type, the same METHOD inside, organised by Kindred's sender
	 * address in the organisation's name, one attendee (the recipient, who is asked for
	 * no reply), a DTSTAMP; the same calendar also attached as a file.
	 */
	public static VEvent assertInvitation(MimeMessage message, String method, String recipient, String organisationName)
			throws MessagingException {
		var parts = parts(message);
		var invitation = parts.stream().filter(p -> p.contentType().startsWith("text/calendar")).toList();
		assertThat(invitation).as("one text/calendar part in %s", message.getSubject()).hasSize(1);
		var part = invitation.getFirst();
		assertThat(part.parentType()).startsWith("multipart/alternative");
		assertThat(part.contentType().replace(" ", "").toLowerCase()).contains("method=" + method.toLowerCase());
		assertThat(part.calendar().getMethod().getValue()).isEqualTo(method);
		assertThat(parts).filteredOn(p -> p.contentType().startsWith("application/ics"))
			.singleElement()
			.satisfies(file -> assertThat(file.fileName()).endsWith(".ics"));
		var event = part.event();
		assertThat(event.getOrganizer().getEmail()).isEqualTo(ORGANIZER);
		assertThat(event.getOrganizer().getCommonName()).isEqualTo(organisationName);
		assertThat(event.getAttendees()).singleElement().satisfies(a -> {
			assertThat(a.getEmail()).isEqualTo(recipient);
			assertThat(a.getCommonName()).isNotBlank();
			assertThat(a.getParticipationLevel()).isEqualTo(ParticipationLevel.REQUIRED);
			assertThat(a.getParticipationStatus()).isEqualTo(ParticipationStatus.NEEDS_ACTION);
			assertThat(a.getRsvp()).isFalse();
		});
		assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(recipient);
		assertThat(event.getDateTimeStamp()).isNotNull();
		assertThat(event.getStatus().isCancelled()).isEqualTo(method.equals("CANCEL"));
		return event;
	}

	private static void collect(Part part, String parentType, List<CalendarPart> found)
			throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			var multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i), part.getContentType(), found);
			}
			return;
		}
		if (part.isMimeType("text/calendar") || part.isMimeType("application/ics")) {
			try (InputStream in = part.getInputStream()) {
				var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				found.add(new CalendarPart(parentType, part.getContentType(), part.getFileName(),
						Biweekly.parse(text).first()));
			}
		}
	}

}
