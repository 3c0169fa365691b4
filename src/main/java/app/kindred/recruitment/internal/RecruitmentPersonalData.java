package app.kindred.recruitment.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.core.PersonalDataContributor;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeService;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.SignUpAnswers;

/**
 * The person's applications in "my data": each with every answer they gave (the
 * coordinator's own questions with their texts, choices by name), its state and the
 * hand-made decisions about it with their reasons (never who made them).
 */
@Component
class RecruitmentPersonalData implements PersonalDataContributor {

	/**
	 * The tables this export reads about the person (PersonalDataCoverageTests holds
	 * every module to it).
	 */
	static final List<String> TABLES = List.of("application", "application_audit");

	record Application(String programme, RecruitmentRole role, ApplicationState state, Instant sentAt,
			Instant decidedAt, Instant withdrawnAt, Answers answers, List<ApplicationStore.OwnAudit> decisions) {
	}

	record Answers(List<Language> languages, SignUpAnswers.Delivery delivery, String department, String motivation,
			String experience, List<String> campuses, Map<String, Call.Availability> availability, boolean forCredit,
			String studentNumber, String coMentor, List<Answer> questions, List<String> consents) {
	}

	record Answer(String question, String answer) {
	}

	private final ApplicationStore applications;

	private final CallStore calls;

	private final ProgrammeService programmes;

	RecruitmentPersonalData(ApplicationStore applications, CallStore calls, ProgrammeService programmes) {
		this.applications = applications;
		this.calls = calls;
		this.programmes = programmes;
	}

	@Override
	public List<Section> personalData(UUID account) {
		var language = Language.of(LocaleContextHolder.getLocale());
		var own = applications.applicationsOf(new AccountId(account))
			.stream()
			.map(a -> new Application(programmes.find(a.programme()).map(p -> p.text(language).name()).orElse(null),
					a.role(), a.state(), a.createdAt(), a.decidedAt(), a.withdrawnAt(),
					answers(a.answers(), calls.find(a.programme(), a.role()).orElse(null), language),
					applications.auditOf(a.id())))
			.toList();
		return own.isEmpty() ? List.of() : List.of(new Section("recruitment.data.applications", 20, own));
	}

	private static Answers answers(SignUpAnswers a, Call call, Language language) {
		var d = a.details();
		var questions = d.custom().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> {
			var question = call == null ? null : call.question(e.getKey()).orElse(null);
			return question == null ? new Answer(e.getKey(), String.join(" ", e.getValue()))
					: new Answer(question.label(language), question.answer(e.getValue(), language));
		}).toList();
		var consents = d.consents().stream().map(id -> {
			var consent = call == null ? null
					: call.consents().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
			return consent == null ? id : consent.text(language);
		}).toList();
		return new Answers(a.languages().stream().sorted().toList(), a.delivery(), a.department(), a.motivation(),
				a.experience(), d.campuses(), d.availability(), d.forCredit(), d.studentNumber(), d.coMentor(),
				questions, consents);
	}

}
