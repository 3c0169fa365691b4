package app.kindred.notification.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.core.Times;
import app.kindred.core.CalendarEvent;
import app.kindred.core.KindredProperties;
import app.kindred.core.Language;
import app.kindred.core.web.Dates;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountSummary;
import app.kindred.identity.Accounts;
import app.kindred.meeting.Meeting;
import app.kindred.meeting.MeetingCancelled;
import app.kindred.meeting.MeetingPlaceChanged;
import app.kindred.meeting.MeetingReminderDue;
import app.kindred.meeting.MeetingRescheduled;
import app.kindred.meeting.SessionReminderDue;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;
import java.util.Optional;

/**
 * Tells each member of a group when one of its meetings moves, is cancelled or meets
 * somewhere else, with a calendar file that updates the entry (same uid, higher
 * sequence); and reminds members and mentors before meetings and mentor sessions.
 */
@Component
class MeetingMails {

	private final MailComposer mail;

	private final Accounts accounts;

	private final ProgrammeService programmes;

	private final KindredProperties properties;

	private final Invitations invitations;

	MeetingMails(MailComposer mail, Accounts accounts, ProgrammeService programmes, KindredProperties properties,
			Invitations invitations) {
		this.mail = mail;
		this.accounts = accounts;
		this.programmes = programmes;
		this.properties = properties;
		this.invitations = invitations;
	}

	/** The person and programme a mail is about, or nobody to tell any more. */
	private record To(AccountSummary person, ProgrammeView programme, Language language, String programmeName) {

		Locale locale() {
			return language.locale();
		}

		ZoneId zone() {
			return programme.zone() == null ? Dates.DEFAULT_ZONE : programme.zone();
		}

		String when(Instant instant) {
			return Times.dateTime(FormatStyle.FULL, locale()).withZone(zone()).format(instant) + " (" + zone().getId()
					+ ")";
		}
	}

	@ApplicationModuleListener
	void on(MeetingRescheduled event) {
		to(event.member(), event.meeting().programme()).ifPresent(to -> {
			var m = event.meeting();
			mail.sendWith(ics(to, List.of(m)), to.person().email(), to.language(), "groupMeeting.rescheduled",
					to.person().displayName(), to.programmeName(), m.number(), to.when(m.startsAt()), m.minutes(),
					m.place().text(), link(m.programme()), to.when(event.previousStart()));
		});
	}

	@ApplicationModuleListener
	void on(MeetingCancelled event) {
		to(event.member(), event.meeting().programme()).ifPresent(to -> {
			var m = event.meeting();
			mail.sendWith(ics(to, List.of(m)), to.person().email(), to.language(), "groupMeeting.cancelled",
					to.person().displayName(), to.programmeName(), m.number(), to.when(m.startsAt()), m.minutes(),
					m.place().text(), link(m.programme()));
		});
	}

	@ApplicationModuleListener
	void on(MeetingPlaceChanged event) {
		var first = event.meetings().getFirst();
		to(event.member(), first.programme()).ifPresent(to -> {
			var which = event.meetings()
				.stream()
				.map(m -> mail.text(to.language(), "mail.groupMeeting.line", m.number(), to.when(m.startsAt())))
				.collect(Collectors.joining("\n"));
			mail.sendWith(ics(to, event.meetings()), to.person().email(), to.language(), "groupMeeting.placeChanged",
					to.person().displayName(), to.programmeName(), event.place().text(), event.meetings().size(), which,
					link(first.programme()));
		});
	}

	@ApplicationModuleListener
	void on(MeetingReminderDue event) {
		to(event.member(), event.meeting().programme()).ifPresent(to -> {
			var m = event.meeting();
			mail.send(to.person().email(), to.language(), "groupMeeting.reminder", to.person().displayName(),
					to.programmeName(), m.number(), to.when(m.startsAt()), m.minutes(), m.place().text(),
					link(m.programme()));
		});
	}

	@ApplicationModuleListener
	void on(SessionReminderDue event) {
		var s = event.session();
		to(event.mentor(), s.programme()).ifPresent(to -> {
			var where = s.place() != null && s.videoLink() != null ? s.place() + " · " + s.videoLink()
					: s.place() != null ? s.place() : s.videoLink() != null ? s.videoLink() : "";
			mail.send(to.person().email(), to.language(), "session.reminder", to.person().displayName(),
					to.programmeName(), s.kind().ordinal(), to.when(s.startsAt()), s.minutes(), where,
					properties.link("/programmes/" + s.programme().value() + "/my-training"));
		});
	}

	private Optional<To> to(AccountId account, ProgrammeId programme) {
		var person = accounts.find(account);
		var view = programmes.find(programme);
		if (person.isEmpty() || view.isEmpty()) {
			return Optional.empty(); // nobody to tell any more
		}
		var language = person.get().language() == null ? Language.EN : person.get().language();
		return Optional.of(new To(person.get(), view.get(), language, view.get().text(language).name()));
	}

	/**
	 * The meetings as invitations to this member, one per meeting (RFC 5546 allows one
	 * UID per message): REQUEST updates an entry, CANCEL removes it. A change to several
	 * meetings attaches one file per meeting.
	 */
	private List<Mail.Attachment> ics(To to, List<Meeting> meetings) {
		return meetings.stream()
			.map(m -> invitations.attachment(
					meetings.size() == 1 ? "group-meeting.ics" : "group-meeting-" + m.number() + ".ics",
					new CalendarEvent(m.uid(), m.startsAt(), m.endsAt(),
							mail.text(to.language(), "mail.groupMeeting.calendarSummary", to.programmeName(),
									m.number()),
							m.place().isEmpty() ? null : m.place().text(), link(m.programme()), m.cancelled(),
							m.sequence()),
					to.programme().organisationName(), to.person()))
			.toList();
	}

	private String link(ProgrammeId programme) {
		return properties.link("/programmes/" + programme.value() + "/my-meetings");
	}

}
