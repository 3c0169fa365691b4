package app.kindred.notification.internal;

import java.time.format.FormatStyle;
import java.util.function.BiFunction;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.core.Times;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountSummary;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.ApplicantPromoted;
import app.kindred.recruitment.ApplicationClosingSoon;
import app.kindred.recruitment.ApplicationDecided;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.ApplicationWithdrawn;
import app.kindred.recruitment.CoordinatorDecided;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.core.KindredProperties;

/**
 * Tells people at once whether they got a place, await approval or wait, when they move
 * up, what a coordinator decided, that they withdrew, and that a window closes soon.
 */
@Component
class RecruitmentMails {

	private final MailComposer mail;

	private final Accounts accounts;

	private final ProgrammeService programmes;

	private final KindredProperties properties;

	RecruitmentMails(MailComposer mail, Accounts accounts, ProgrammeService programmes, KindredProperties properties) {
		this.mail = mail;
		this.accounts = accounts;
		this.programmes = programmes;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(ApplicationDecided event) {
		var kind = switch (event.state()) {
			case SEATED -> "seated";
			case AWAITING -> "awaiting";
			default -> "waiting";
		};
		send(event.account(), event.programme(), event.role(), kind, event.position());
	}

	@ApplicationModuleListener
	void on(ApplicantPromoted event) {
		send(event.account(), event.programme(), event.role(), "promoted", 0);
	}

	@ApplicationModuleListener
	void on(CoordinatorDecided event) {
		var kind = switch (event.decision()) {
			case ACCEPT -> event.state() == ApplicationState.SEATED ? "accepted" : "acceptedWaiting";
			case DECLINE -> "declined";
			case RETURN -> "returned";
		};
		send(event.account(), event.programme(), event.role(), kind, event.position());
	}

	/**
	 * Confirms a withdrawal, saying what the person gave up: a place, a place in line, or
	 * an application.
	 */
	@ApplicationModuleListener
	void on(ApplicationWithdrawn event) {
		var kind = switch (event.from()) {
			case SEATED -> "withdrawn.seated";
			case WAITING -> "withdrawn.waiting";
			default -> "withdrawn.applied";
		};
		send(event.account(), event.programme(), event.role(), kind, 0);
	}

	/**
	 * {2} is the closing time in the programme's time zone, written in the person's
	 * language.
	 */
	@ApplicationModuleListener
	void on(ApplicationClosingSoon event) {
		send(event.account(), event.programme(), event.role(), "closingSoon", (person, view) -> {
			var zone = view.zone();
			return Times.dateTime(FormatStyle.MEDIUM, person.language().locale()).format(event.closes().atZone(zone))
					+ " (" + zone.getId() + ")";
		});
	}

	private void send(AccountId account, ProgrammeId programme, RecruitmentRole role, String kind, int position) {
		send(account, programme, role, kind, (person, view) -> position);
	}

	private void send(AccountId account, ProgrammeId programme, RecruitmentRole role, String kind,
			BiFunction<AccountSummary, ProgrammeView, Object> detail) {
		var person = accounts.find(account).orElse(null);
		var view = programmes.find(programme).orElse(null);
		if (person == null || view == null) {
			return; // the account or programme is gone; nobody to tell
		}
		var link = properties.link("/programmes/" + programme.value() + "/applications/" + role.path());
		mail.send(person.email(), person.language(), "signUp." + kind, person.displayName(),
				view.text(person.language()).name(), detail.apply(person, view), link);
	}

}
