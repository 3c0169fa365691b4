package app.kindred.notification;

import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.core.KindredProperties;
import app.kindred.grouping.GroupPublished;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeService;
import app.kindred.recruitment.Call;

/** Tells each person their group once the coordinator publishes the groups, or that none could take them. */
@Component
class GroupMails {

	private final MailComposer mail;
	private final Accounts accounts;
	private final ProgrammeService programmes;
	private final KindredProperties properties;

	GroupMails(MailComposer mail, Accounts accounts, ProgrammeService programmes, KindredProperties properties) {
		this.mail = mail;
		this.accounts = accounts;
		this.programmes = programmes;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(GroupPublished event) {
		var person = accounts.find(event.person()).orElse(null);
		var programme = programmes.find(event.programme()).orElse(null);
		if (person == null || programme == null) {
			return; // nobody to tell any more
		}
		var language = person.language();
		var name = programme.text(language).name();
		if (!event.placed()) {
			mail.send(person.email(), language, "group.none", person.displayName(), name);
			return;
		}
		var locale = language.locale();
		var when = Call.Slot.ofKey(event.slot())
			.map(slot -> slot.day().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " "
					+ DateTimeFormatter.ofPattern("HH:mm", locale).format(slot.starts()))
			.orElse(event.slot());
		var where = event.campus() != null ? event.campus()
				: programme.settings().videoLink() != null ? programme.settings().videoLink() : "";
		var link = properties.link("/programmes/" + programme.id().value() + "/my-group");
		mail.send(person.email(), language, "group.assigned", person.displayName(), name, event.number(), when,
				event.language().ordinal(), where, link, event.role() == app.kindred.grouping.FormationProblem.Role.MENTOR ? 1 : 0);
	}
}
