package app.kindred.notification.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.core.KindredProperties;
import app.kindred.core.Language;
import app.kindred.identity.Accounts;
import app.kindred.meeting.StaffAttentionRequested;
import app.kindred.programme.ProgrammeService;

/**
 * Tells a coordinator that a group asks for staff attention. The mail names only the
 * programme and the group's number and links to the group's workspace: the mentors' note
 * and everyone's names stay behind the sign-in, since mail is read on shared screens and
 * forwarded.
 */
@Component
class StaffAttentionMails {

	private final MailComposer mail;

	private final Accounts accounts;

	private final ProgrammeService programmes;

	private final KindredProperties properties;

	StaffAttentionMails(MailComposer mail, Accounts accounts, ProgrammeService programmes,
			KindredProperties properties) {
		this.mail = mail;
		this.accounts = accounts;
		this.programmes = programmes;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(StaffAttentionRequested event) {
		var person = accounts.find(event.coordinator()).orElse(null);
		var programme = programmes.find(event.programme()).orElse(null);
		if (person == null || programme == null) {
			return; // nobody to tell any more
		}
		var language = person.language() == null ? Language.EN : person.language();
		var link = properties
			.link("/programmes/" + event.programme().value() + "/groups/" + event.group() + "/workspace");
		mail.send(person.email(), language, "staffAttention", person.displayName(), programme.text(language).name(),
				event.groupNumber(), link);
	}

}
