package app.kindred.notification.internal;

import java.time.format.FormatStyle;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.core.Times;
import app.kindred.feedback.SurveyInvited;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeService;

/**
 * Asks a person to answer a survey, or reminds them once: the programme, the survey, when
 * it closes (in the organisation's zone) and their own link, which opens the survey in
 * their language without signing in. The mail says that answers are anonymous, as the
 * page does.
 */
@Component
class SurveyMails {

	private final MailComposer mail;

	private final Accounts accounts;

	private final ProgrammeService programmes;

	SurveyMails(MailComposer mail, Accounts accounts, ProgrammeService programmes) {
		this.mail = mail;
		this.accounts = accounts;
		this.programmes = programmes;
	}

	@ApplicationModuleListener
	void on(SurveyInvited event) {
		var person = accounts.find(event.person()).orElse(null);
		var programme = programmes.find(event.programme()).orElse(null);
		if (person == null || programme == null) {
			return; // nobody to tell any more
		}
		var language = person.language() == null ? Language.EN : person.language();
		var closes = Times.dateTime(FormatStyle.LONG, language.locale())
			.format(event.closesAt().atZone(programme.zone()));
		mail.send(person.email(), language, event.reminder() ? "surveyReminder" : "surveyInvited", person.displayName(),
				programme.text(language).name(), event.title(), closes, event.link() + "?lang=" + language.code());
	}

}
