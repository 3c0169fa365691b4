package app.kindred.notification;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.recruitment.ApplicantPromoted;
import app.kindred.recruitment.ApplicationDecided;
import app.kindred.recruitment.ApplicationRemoved;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.RecruitmentRole;

/** Tells people at once whether they got a place, where they wait, and when they move up. */
@Component
class RecruitmentMails {

	private final MailComposer mail;
	private final Accounts accounts;
	private final ProgrammeService programmes;
	private final app.kindred.core.KindredProperties properties;

	RecruitmentMails(MailComposer mail, Accounts accounts, ProgrammeService programmes,
			app.kindred.core.KindredProperties properties) {
		this.mail = mail;
		this.accounts = accounts;
		this.programmes = programmes;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(ApplicationDecided event) {
		var kind = event.state() == ApplicationState.SEATED ? "seated" : "waiting";
		send(event.account(), event.programme(), event.role(), kind, event.position());
	}

	@ApplicationModuleListener
	void on(ApplicantPromoted event) {
		send(event.account(), event.programme(), event.role(), "promoted", 0);
	}

	@ApplicationModuleListener
	void on(ApplicationRemoved event) {
		send(event.account(), event.programme(), event.role(), "removed", 0);
	}

	private void send(AccountId account, ProgrammeId programme, RecruitmentRole role, String kind, int position) {
		var person = accounts.find(account).orElse(null);
		var view = programmes.find(programme).orElse(null);
		if (person == null || view == null) {
			return; // the account or programme is gone; nobody to tell
		}
		var link = properties.link("/programmes/" + programme.value() + "/applications/" + role.path());
		mail.send(person.email(), person.language(), "signUp." + kind, person.displayName(),
				view.text(person.language()).name(), position, link);
	}
}
