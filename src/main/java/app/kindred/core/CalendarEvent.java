package app.kindred.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationLevel;
import biweekly.parameter.ParticipationStatus;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;

/**
 * One event for people's calendars (RFC 5545). Times are written in UTC, which every
 * calendar shows in its owner's own zone, so nobody's invitation is an hour off across a
 * daylight-saving change. The uid stays the same for the same event, so an update or a
 * cancellation replaces the entry instead of adding another; the sequence grows with each
 * change, so calendars know which version is the newest.
 */
public record CalendarEvent(String uid, Instant starts, Instant ends, String summary, String location,
		String description, boolean cancelled, int sequence) {

	/** Downloads and feeds: a plain calendar file, not a scheduling message. */
	public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8";

	private static final String PRODUCT = "-//Kindred//Compassion mentoring//EN";

	/**
	 * An event that is either as first scheduled (sequence 0) or cancelled once (sequence
	 * 1).
	 */
	public CalendarEvent(String uid, Instant starts, Instant ends, String summary, String location, String description,
			boolean cancelled) {
		this(uid, starts, ends, summary, location, description, cancelled, cancelled ? 1 : 0);
	}

	/**
	 * Someone in a scheduling message: an e-mail address and the name calendars show for
	 * it.
	 */
	public record Party(String email, String name) {
	}

	/**
	 * A mailed invitation (iTIP, RFC 5546, carried by e-mail as RFC 6047 says): the
	 * calendar text and its method, which mail clients also need in the MIME part's
	 * content type to offer it as an invitation and not a file.
	 */
	public record Invitation(String method, byte[] content) {

		public String contentType() {
			return "text/calendar; method=" + method + "; charset=UTF-8";
		}
	}

	/**
	 * A calendar file with these events for downloads and feeds (METHOD:PUBLISH, no
	 * organizer or attendees), under a name that calendars show for a subscribed feed
	 * instead of its address: NAME (RFC 7986) and X-WR-CALNAME, which the calendars that
	 * predate it read.
	 */
	public static byte[] file(String name, List<CalendarEvent> events) {
		var calendar = new ICalendar();
		calendar.setProductId(PRODUCT);
		calendar.setMethod(Method.publish());
		calendar.setName(name);
		calendar.setExperimentalProperty("X-WR-CALNAME", name);
		events.forEach(e -> calendar.addEvent(e.vevent()));
		return write(calendar);
	}

	/**
	 * This event as a scheduling message from the organiser to one attendee: REQUEST
	 * creates or updates the entry, CANCEL (with STATUS:CANCELLED) removes it. One event
	 * per message, since RFC 5546 wants every component of a REQUEST or CANCEL to share
	 * one UID. Kindred processes no replies, so the attendee is asked for none
	 * (RSVP=FALSE) and their calendar keeps the entry as needing action until they accept
	 * it there.
	 */
	public Invitation invitation(Party organizer, Party attendee) {
		var calendar = new ICalendar();
		calendar.setProductId(PRODUCT);
		calendar.setMethod(cancelled ? Method.cancel() : Method.request());
		var event = vevent();
		var from = new Organizer(organizer.name(), organizer.email());
		event.setOrganizer(from);
		var to = new Attendee(attendee.name(), attendee.email());
		to.setParticipationLevel(ParticipationLevel.REQUIRED);
		to.setParticipationStatus(ParticipationStatus.NEEDS_ACTION);
		to.setRsvp(false);
		event.addAttendee(to);
		calendar.addEvent(event);
		return new Invitation(cancelled ? "CANCEL" : "REQUEST", write(calendar));
	}

	private VEvent vevent() {
		var event = new VEvent(); // with DTSTAMP set to now, as every event needs
		event.setUid(uid);
		event.setDateStart(Date.from(starts));
		event.setDateEnd(Date.from(ends));
		event.setSummary(summary);
		if (location != null) {
			event.setLocation(location);
		}
		if (description != null) {
			event.setDescription(description);
		}
		event.setStatus(cancelled ? Status.cancelled() : Status.confirmed());
		event.setSequence(sequence);
		return event;
	}

	private static byte[] write(ICalendar calendar) {
		return Biweekly.write(calendar).go().getBytes(StandardCharsets.UTF_8);
	}
}
