package app.kindred.feedback.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.feedback.SurveyKind;
import app.kindred.feedback.UnattendedSurveys;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * The demo's way into the feedback module: each step is the service call its page makes,
 * so the demo's answers are checked, held back and written in batches like anyone's.
 */
@Service
class UnattendedSurveyService implements UnattendedSurveys {

	private final SurveyService surveys;

	private final SurveyStore store;

	private final SurveySweep sweep;

	private final AnswerService answers;

	UnattendedSurveyService(SurveyService surveys, SurveyStore store, SurveySweep sweep, AnswerService answers) {
		this.surveys = surveys;
		this.store = store;
		this.sweep = sweep;
		this.answers = answers;
	}

	@Override
	public UUID schedule(ProgrammeId programme, String formKey, At at, Instant opens, Instant closes,
			AccountId coordinator) {
		return surveys.add(programme, formKey, Moment.valueOf(at.name()), opens, closes, coordinator).id();
	}

	@Override
	public int sendInvitations() {
		return sweep.sweep().invited();
	}

	@Override
	public Form form(UUID id) {
		var survey = store.find(id).orElseThrow(() -> new NotFoundException("survey"));
		var form = survey.form();
		var questions = form.questions().stream().map(q -> {
			var scale = q.scale() == null ? null : form.scales().get(q.scale());
			return new Question(q.key(), q.type() == SurveyDefinition.QuestionType.TEXT,
					scale == null ? 0 : scale.min(), scale == null ? 0 : scale.max(), q.reverse(), q.quotable());
		}).toList();
		return new Form(id, survey.kind(), questions,
				survey.kind() == SurveyKind.MEASURE ? AnswerCheck.CODE_FIELDS : List.of());
	}

	@Override
	public void answer(UUID survey, AccountId person, Language language, Map<String, List<String>> sent) {
		var respondent = answers.signedIn(survey, person);
		var checked = answers.check(respondent, sent);
		if (!checked.ok()) {
			// The fields only: never the values, which are the person's answer
			throw new IllegalArgumentException("The answer has problems at " + checked.problems().keySet());
		}
		answers.answer(respondent, language, checked);
	}

}
