package app.kindred.notification.internal;

import java.time.ZoneId;
import java.time.format.FormatStyle;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.assessment.CourseDeadlineNear;
import app.kindred.core.KindredProperties;
import app.kindred.core.Language;
import app.kindred.core.Times;
import app.kindred.core.web.Dates;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeService;

/**
 * Reminds a credit-seeking mentor of a course deadline near for a part they have not yet
 * done, with a link to their course page.
 */
@Component
class CourseMails {

	private final MailComposer mail;

	private final Accounts accounts;

	private final ProgrammeService programmes;

	private final KindredProperties properties;

	CourseMails(MailComposer mail, Accounts accounts, ProgrammeService programmes, KindredProperties properties) {
		this.mail = mail;
		this.accounts = accounts;
		this.programmes = programmes;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(CourseDeadlineNear event) {
		var person = accounts.find(event.account()).orElse(null);
		var programme = programmes.find(event.programme()).orElse(null);
		if (person == null || programme == null) {
			return; // nobody to tell any more
		}
		var language = person.language() == null ? Language.EN : person.language();
		ZoneId zone = programme.zone() == null ? Dates.DEFAULT_ZONE : programme.zone();
		var due = Times.dateTime(FormatStyle.FULL, language.locale()).withZone(zone).format(event.dueAt()) + " ("
				+ zone.getId() + ")";
		var part = mail.text(language, "mail.courseDeadline.part." + event.part().name());
		mail.send(person.email(), language, "courseDeadline", person.displayName(), programme.text(language).name(),
				part, due, properties.link("/programmes/" + programme.id().value() + "/course"));
	}

}
