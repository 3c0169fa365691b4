package app.kindred.notification.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.announcement.AnnouncementMade;
import app.kindred.announcement.Announcements;
import app.kindred.core.KindredProperties;
import app.kindred.core.Language;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeService;

/**
 * Mails a coordinator's announcement to one person, addressed to them alone, in the
 * version of their language or else the first written. The link leads to Kindred's front
 * page, where their Home shows it until they dismiss it.
 */
@Component
class AnnouncementMails {

	private final MailComposer mail;

	private final Accounts accounts;

	private final ProgrammeService programmes;

	private final Announcements announcements;

	private final KindredProperties properties;

	AnnouncementMails(MailComposer mail, Accounts accounts, ProgrammeService programmes, Announcements announcements,
			KindredProperties properties) {
		this.mail = mail;
		this.accounts = accounts;
		this.programmes = programmes;
		this.announcements = announcements;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(AnnouncementMade event) {
		var person = accounts.find(event.recipient()).orElse(null);
		var programme = programmes.find(event.programme()).orElse(null);
		if (person == null || programme == null) {
			return; // nobody to tell any more
		}
		var language = person.language() == null ? Language.EN : person.language();
		var version = announcements.version(event.announcement(), language).orElse(null);
		if (version == null) {
			return; // the announcement is gone with its programme
		}
		mail.send(person.email(), language, "announcement", person.displayName(), programme.text(language).name(),
				version.subject(), version.body(), properties.link("/"));
	}

}
