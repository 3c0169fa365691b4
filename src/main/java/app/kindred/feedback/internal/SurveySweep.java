package app.kindred.feedback.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.core.KindredProperties;
import app.kindred.core.Language;
import app.kindred.core.Tokens;
import app.kindred.feedback.SurveyInvited;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountSummary;
import app.kindred.identity.Accounts;
import app.kindred.recruitment.RecruitmentRole;

/**
 * Invitations, the one reminder, and the answers of closed surveys, with any number of
 * instances sweeping at once. Each invitation is claimed by inserting its row (the
 * primary key lets one transaction win) in the transaction that stores its link's hash
 * and publishes the mail's event; each reminder by a conditional update of its
 * invitation, the same way. A lost claim publishes nothing. Answers still held when a
 * survey closes are written under the survey's row lock.
 */
@Component
public class SurveySweep {

	private final SurveyStore surveys;

	private final InvitationStore invitations;

	private final ResponseStore responses;

	private final PublishedGroups groups;

	private final Accounts accounts;

	private final KindredProperties properties;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SurveySweep(SurveyStore surveys, InvitationStore invitations, ResponseStore responses, PublishedGroups groups,
			Accounts accounts, KindredProperties properties, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.surveys = surveys;
		this.invitations = invitations;
		this.responses = responses;
		this.groups = groups;
		this.accounts = accounts;
		this.properties = properties;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${kindred.feedback.every:PT1M}",
			initialDelayString = "${kindred.feedback.every:PT1M}")
	void scheduled() {
		sweep();
	}

	/** What one sweep did: invitations and reminders it claimed, surveys it wrote. */
	public record Swept(int invited, int reminded, int written) {
	}

	public Swept sweep() {
		var now = clock.instant();
		int invited = 0;
		int reminded = 0;
		for (var survey : surveys.openAt(now)) {
			var asked = invitations.invited(survey.id());
			for (var person : audience(survey)) {
				if (!asked.contains(person) && claim(() -> invite(survey, person))) {
					invited++;
				}
			}
			if (!now.isBefore(survey.remindAt())) {
				for (var person : invitations.toRemind(survey.id())) {
					if (claim(() -> remind(survey, person))) {
						reminded++;
					}
				}
			}
		}
		int written = 0;
		for (var survey : surveys.closedUnwritten(now)) {
			if (claim(() -> write(survey))) {
				written++;
			}
		}
		return new Swept(invited, reminded, written);
	}

	/** The members of the programme's published groups whom the survey asks. */
	private Set<AccountId> audience(Survey survey) {
		var role = survey.kind().asksMentors() ? RecruitmentRole.MENTOR : RecruitmentRole.PARTICIPANT;
		return Set.copyOf(groups.groups(survey.programme())
			.stream()
			.flatMap(g -> g.members().stream())
			.filter(m -> m.role() == role)
			.map(PublishedGroups.GroupMember::person)
			.toList());
	}

	private boolean invite(Survey survey, AccountId person) {
		invitations.invite(survey.id(), person, clock.instant());
		tell(survey, person, false);
		return true;
	}

	private boolean remind(Survey survey, AccountId person) {
		if (!invitations.claimReminder(survey.id(), person)) {
			return false;
		}
		tell(survey, person, true);
		return true;
	}

	/** A new link each time, so the reminder works even if the invitation was deleted. */
	private void tell(Survey survey, AccountId person, boolean reminder) {
		var token = Tokens.newToken();
		invitations.link(Tokens.hash(token), survey.id(), person);
		Language language = accounts.find(person).map(AccountSummary::language).orElse(null);
		language = language == null ? Language.EN : language;
		events.publishEvent(new SurveyInvited(survey.id(), survey.programme(), person, survey.kind(),
				SurveyDefinition.in(survey.form().title(), language), properties.link("/surveys/answer/" + token),
				survey.closesAt(), reminder));
	}

	private boolean write(Survey closed) {
		var survey = surveys.lock(closed.id()).orElse(null);
		if (survey == null || survey.written()) {
			return false;
		}
		responses.writeHeld(survey.id(), survey.organisation().value(), survey.formKey(), survey.moment(),
				survey.form());
		surveys.markWritten(survey.id());
		return true;
	}

	private interface Claim {

		boolean claim();

	}

	/** Runs one claim in its own transaction; false when another instance won it. */
	private boolean claim(Claim claim) {
		try {
			return Boolean.TRUE.equals(transactions.execute(status -> claim.claim()));
		}
		catch (DuplicateKeyException | PessimisticLockingFailureException lost) {
			// Another instance claimed it first, or holds it now: if that one rolls back,
			// a later sweep claims it
			return false;
		}
	}

}
