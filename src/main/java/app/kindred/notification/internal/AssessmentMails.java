package app.kindred.notification.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.assessment.AssessmentDecided;
import app.kindred.core.KindredProperties;
import app.kindred.core.Language;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeService;

/**
 * Tells a credit-seeking mentor that their teacher decided, and the result. The
 * justification stays out of the mail, which may be read anywhere: the link leads to the
 * mentor's result page, where they read it signed in.
 */
@Component
class AssessmentMails {

	private final MailComposer mail;

	private final Accounts accounts;

	private final ProgrammeService programmes;

	private final KindredProperties properties;

	AssessmentMails(MailComposer mail, Accounts accounts, ProgrammeService programmes, KindredProperties properties) {
		this.mail = mail;
		this.accounts = accounts;
		this.programmes = programmes;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(AssessmentDecided event) {
		var person = accounts.find(event.account()).orElse(null);
		var programme = programmes.find(event.programme()).orElse(null);
		if (person == null || programme == null) {
			return; // nobody to tell any more
		}
		var language = person.language() == null ? Language.EN : person.language();
		mail.send(person.email(), language, "assessmentDecided", person.displayName(), programme.text(language).name(),
				event.result() == AssessmentDecided.Result.PASS ? 0 : 1,
				properties.link("/programmes/" + event.programme() + "/course/result"));
	}

}
