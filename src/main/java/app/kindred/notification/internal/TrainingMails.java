package app.kindred.notification.internal;

import java.time.ZoneId;
import java.time.format.FormatStyle;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.core.Times;
import app.kindred.core.CalendarEvent;
import app.kindred.core.KindredProperties;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeService;
import app.kindred.training.MentorInvited;

/**
 * Tells each mentor of a training or supervision session, or its cancellation, with a
 * calendar invitation.
 */
@Component
class TrainingMails {

	private final MailComposer mail;

	private final Accounts accounts;

	private final ProgrammeService programmes;

	private final KindredProperties properties;

	private final Invitations invitations;

	TrainingMails(MailComposer mail, Accounts accounts, ProgrammeService programmes, KindredProperties properties,
			Invitations invitations) {
		this.mail = mail;
		this.accounts = accounts;
		this.programmes = programmes;
		this.properties = properties;
		this.invitations = invitations;
	}

	@ApplicationModuleListener
	void on(MentorInvited event) {
		var person = accounts.find(event.mentor()).orElse(null);
		var programme = programmes.find(event.session().programme()).orElse(null);
		if (person == null || programme == null) {
			return; // nobody to tell any more
		}
		var session = event.session();
		var locale = person.language().locale();
		var zone = programme.zone() == null ? ZoneId.of("Europe/Helsinki") : programme.zone();
		var when = Times.dateTime(FormatStyle.FULL, locale).withZone(zone).format(session.startsAt()) + " ("
				+ zone.getId() + ")";
		var where = session.place() != null ? session.place() : session.videoLink() != null ? session.videoLink() : "";
		var link = properties.link("/programmes/" + programme.id().value() + "/my-training");
		var kind = session.cancelled() ? "session.cancelled" : "session.scheduled";
		var ics = invitations.attachment("session.ics",
				new CalendarEvent(session.id() + "@kindred", session.startsAt(), session.endsAt(),
						event.programmeName(), where.isEmpty() ? null : where, link, session.cancelled()),
				programme.organisationName(), person);
		mail.sendWith(List.of(ics), person.email(), person.language(), kind, person.displayName(),
				event.programmeName(), session.kind().ordinal(), when, session.minutes(), where, link);
	}

}
