package app.kindred.feedback.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.core.Tokens;
import app.kindred.feedback.SurveyKind;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeService;

/**
 * Answering a survey, by an e-mailed link or signed in. The person is marked as having
 * answered, and the answer is held back without them (see {@link ResponseStore}), in one
 * transaction under the invitation's row lock; once five are held they are written
 * together. Nothing in this path logs, publishes an event, or keeps anything in the
 * session: the answer must not be traceable to whoever gave it.
 */
@Service
public class AnswerService {

	/** What the answer page shows: the survey's form in the language chosen. */
	public record Page(UUID survey, String programmeName, Language programmeLanguage, SurveyKind kind,
			SurveyDefinition form, Language language, List<Language> languages) {

		public boolean measure() {
			return kind == SurveyKind.MEASURE;
		}

		public String title() {
			return SurveyDefinition.in(form.title(), language);
		}

		/** A text of the form in the page's language. */
		public String text(Map<Language, String> texts) {
			return SurveyDefinition.in(texts, language);
		}

		/** A LIKERT question's points, each with its label. */
		public List<Point> points(SurveyDefinition.Question question) {
			var scale = form.scales().get(question.scale());
			if (scale == null) {
				return List.of();
			}
			var labels = list(scale.labels());
			var points = new ArrayList<Point>();
			for (int p = scale.min(); p <= scale.max(); p++) {
				int i = p - scale.min();
				points.add(new Point(String.valueOf(p), i < labels.size() ? labels.get(i) : String.valueOf(p)));
			}
			return points;
		}

		/** A SINGLE or MULTIPLE question's options, numbered from 1. */
		public List<Point> options(SurveyDefinition.Question question) {
			var labels = list(question.options());
			var options = new ArrayList<Point>();
			for (int i = 0; i < AnswerCheck.optionCount(question); i++) {
				options.add(new Point(String.valueOf(i + 1), labels.get(i)));
			}
			return options;
		}

		private List<String> list(Map<Language, List<String>> lists) {
			if (lists == null || lists.isEmpty()) {
				return List.of();
			}
			return Optional.ofNullable(lists.get(language))
				.or(() -> Optional.ofNullable(lists.get(Language.EN)))
				.orElseGet(() -> lists.values().iterator().next());
		}

	}

	/** A value to choose, as the page sends it, and its label. */
	public record Point(String value, String label) {
	}

	/** Whom the answer comes from, found from a link or the signed-in account. */
	public record Respondent(UUID survey, AccountId person) {
	}

	private final SurveyStore surveys;

	private final InvitationStore invitations;

	private final ResponseStore responses;

	private final PublishedGroups groups;

	private final ProgrammeService programmes;

	private final Clock clock;

	AnswerService(SurveyStore surveys, InvitationStore invitations, ResponseStore responses, PublishedGroups groups,
			ProgrammeService programmes, Clock clock) {
		this.surveys = surveys;
		this.invitations = invitations;
		this.responses = responses;
		this.groups = groups;
		this.programmes = programmes;
		this.clock = clock;
	}

	/**
	 * The respondent a link's token stands for; 404 for a token never sent or of a
	 * removed survey.
	 */
	@Transactional(readOnly = true)
	public Respondent byLink(String token) {
		if (token == null || token.length() > 100) {
			throw new NotFoundException("survey");
		}
		var invitation = invitations.byLink(Tokens.hash(token)).orElseThrow(() -> new NotFoundException("survey"));
		return new Respondent(invitation.survey(), invitation.person());
	}

	/** The signed-in person as the survey's respondent; 404 unless it invited them. */
	@Transactional(readOnly = true)
	public Respondent signedIn(UUID survey, AccountId person) {
		var invitation = invitations.find(survey, person).orElseThrow(() -> new NotFoundException("survey"));
		return new Respondent(invitation.survey(), invitation.person());
	}

	/**
	 * The page to answer on, in the language wanted if the form speaks it; 409 when the
	 * survey is closed or the person has answered.
	 */
	@Transactional(readOnly = true)
	public Page page(Respondent respondent, Language wanted) {
		var survey = surveys.find(respondent.survey()).orElseThrow(() -> new NotFoundException("survey"));
		var invitation = invitations.find(respondent.survey(), respondent.person())
			.orElseThrow(() -> new NotFoundException("survey"));
		refuseUnlessOpen(survey, invitation);
		var programme = programmes.find(survey.programme()).orElseThrow(() -> new NotFoundException("programme"));
		var language = AnswerCheck.language(survey.form(), wanted);
		return new Page(survey.id(), programme.text(language).name(), programme.textLanguage(language), survey.kind(),
				survey.form(), language, AnswerCheck.languages(survey.form()));
	}

	/** The answer checked against the survey's form, changing nothing. */
	@Transactional(readOnly = true)
	public AnswerCheck.Checked check(Respondent respondent, Map<String, List<String>> sent) {
		var survey = surveys.find(respondent.survey()).orElseThrow(() -> new NotFoundException("survey"));
		return AnswerCheck.check(survey, sent);
	}

	/**
	 * Takes a checked answer: refused (409) when the person answered meanwhile or the
	 * survey is not open; otherwise marks them answered and holds the answer, writing the
	 * survey's held answers once there are enough of them.
	 */
	@Transactional
	public void answer(Respondent respondent, Language language, AnswerCheck.Checked checked) {
		if (!checked.ok()) {
			throw new IllegalArgumentException("an answer with problems is not taken");
		}
		var invitation = invitations.lock(respondent.survey(), respondent.person())
			.orElseThrow(() -> new NotFoundException("survey"));
		var survey = surveys.find(respondent.survey()).orElseThrow(() -> new NotFoundException("survey"));
		refuseUnlessOpen(survey, invitation);
		invitations.markAnswered(survey.id(), respondent.person());
		var programme = programmes.find(survey.programme()).orElseThrow(() -> new NotFoundException("programme"));
		var group = groups.groupsOf(respondent.person())
			.stream()
			.filter(g -> g.programme().equals(survey.programme()))
			.map(PublishedGroups.Group::id)
			.findFirst()
			.orElse(null);
		var day = clock.instant().atZone(programme.zone()).toLocalDate();
		responses.hold(new Answer(survey.id(), group, AnswerCheck.language(survey.form(), language), day,
				checked.pairCode(), checked.items()));
		if (responses.held(survey.id()) >= ResponseStore.BATCH) {
			var locked = surveys.lock(survey.id()).orElseThrow();
			// Counted again under the lock: another answer may have written the batch
			// meanwhile, and fewer than five are never written while the survey is open
			if (responses.held(survey.id()) >= ResponseStore.BATCH) {
				responses.writeHeld(locked.id(), locked.organisation().value(), locked.formKey(), locked.moment(),
						locked.form());
			}
		}
	}

	private void refuseUnlessOpen(Survey survey, InvitationStore.Invitation invitation) {
		if (invitation.answered()) {
			throw Refused.conflict("feedback.answer.answeredAlready");
		}
		if (!survey.openAt(clock.instant())) {
			throw Refused.conflict("feedback.answer.closed");
		}
	}

}
