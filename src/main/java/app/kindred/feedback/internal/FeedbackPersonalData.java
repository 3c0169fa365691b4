package app.kindred.feedback.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.core.PersonalDataContributor;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;

/**
 * Feedback in "my data": only the surveys the person was invited to, and whether they
 * were reminded and answered. The answers themselves are anonymous: nothing links them to
 * anyone, so they are not looked up and cannot be.
 */
@Component
class FeedbackPersonalData implements PersonalDataContributor {

	/**
	 * The tables this export reads about the person (PersonalDataCoverageTests holds
	 * every module to it).
	 */
	static final List<String> TABLES = List.of("survey_invitation");

	record Invitation(String programme, String survey, String moment, OffsetDateTime opensAt, OffsetDateTime closesAt,
			OffsetDateTime invitedAt, boolean reminded, boolean answered) {
	}

	private final InvitationStore store;

	private final ProgrammeService programmes;

	FeedbackPersonalData(InvitationStore store, ProgrammeService programmes) {
		this.store = store;
		this.programmes = programmes;
	}

	@Override
	public List<Section> personalData(UUID account) {
		var language = Language.of(LocaleContextHolder.getLocale());
		var invitations = store.invitationsOf(new AccountId(account))
			.stream()
			.map(i -> new Invitation(
					programmes.find(new ProgrammeId(i.programmeId())).map(p -> p.text(language).name()).orElse(null),
					i.kind(), i.moment(), i.opensAt(), i.closesAt(), i.invitedAt(), i.reminded(), i.answered()))
			.toList();
		return invitations.isEmpty() ? List.of() : List.of(new Section("feedback.data.surveys", 90, invitations));
	}

}
