package app.kindred.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Method;
import biweekly.property.Status;

/**
 * One event for people's calendars (RFC 5545). Times are written in UTC, which every calendar shows in its owner's
 * own zone, so nobody's invitation is an hour off across a daylight-saving change. The uid stays the same for the
 * same event, so an update or a cancellation replaces the entry instead of adding another; the sequence grows with
 * each change, so calendars know which version is the newest.
 */
public record CalendarEvent(String uid, Instant starts, Instant ends, String summary, String location,
		String description, boolean cancelled, int sequence) {

	public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8";

	/** An event that is either as first scheduled (sequence 0) or cancelled once (sequence 1). */
	public CalendarEvent(String uid, Instant starts, Instant ends, String summary, String location, String description,
			boolean cancelled) {
		this(uid, starts, ends, summary, location, description, cancelled, cancelled ? 1 : 0);
	}

	/** A calendar file with these events: METHOD:PUBLISH for downloads, REQUEST or CANCEL for mailed invitations. */
	public static byte[] file(List<CalendarEvent> events, boolean invitation) {
		var calendar = new ICalendar();
		calendar.setProductId("-//Kindred//Compassion mentoring//EN");
		boolean cancelling = invitation && !events.isEmpty() && events.stream().allMatch(CalendarEvent::cancelled);
		calendar.setMethod(!invitation ? Method.publish() : cancelling ? Method.cancel() : Method.request());
		for (var e : events) {
			var event = new VEvent();
			event.setUid(e.uid());
			event.setDateStart(Date.from(e.starts()));
			event.setDateEnd(Date.from(e.ends()));
			event.setSummary(e.summary());
			if (e.location() != null) {
				event.setLocation(e.location());
			}
			if (e.description() != null) {
				event.setDescription(e.description());
			}
			event.setStatus(e.cancelled() ? Status.cancelled() : Status.confirmed());
			event.setSequence(e.sequence());
			calendar.addEvent(event);
		}
		return Biweekly.write(calendar).go().getBytes(StandardCharsets.UTF_8);
	}
}
