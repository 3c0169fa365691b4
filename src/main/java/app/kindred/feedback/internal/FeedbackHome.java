package app.kindred.feedback.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.HomeContributor;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeAccess;

/**
 * Surveys on Home: for whoever a survey invited and has not answered, a task leading to
 * it; for coordinators, once a programme's groups are published or it has surveys, its
 * surveys open now with how many answered, and the schedule page.
 */
@Component
class FeedbackHome implements HomeContributor {

	private final SurveyService surveys;

	private final ProgrammeAccess access;

	private final PublishedGroups groups;

	FeedbackHome(SurveyService surveys, ProgrammeAccess access, PublishedGroups groups) {
		this.surveys = surveys;
		this.access = access;
		this.groups = groups;
	}

	/** A programme's surveys as its coordinators see them on Home. */
	record Coordinated(UUID programme, List<SurveyService.Scheduled> open, int scheduled) {

		public String link() {
			return "/programmes/" + programme + "/surveys";
		}

	}

	/** A survey the person is asked to answer. */
	record Asked(UUID survey, String title) {

		public String link() {
			return "/surveys/" + survey;
		}

	}

	@Override
	public List<Part> parts(Viewer viewer) {
		var account = new AccountId(viewer.account());
		var parts = new ArrayList<Part>();
		for (var programme : access.coordinatedBy(account)) {
			var all = surveys.scheduled(programme.id(), viewer.language());
			if (all.isEmpty() && !groups.published(programme.id())) {
				continue;
			}
			var open = all.stream().filter(s -> s.survey().openAt(viewer.now())).toList();
			parts.add(Part.of(programme.id().value(), Role.COORDINATOR, 85, "feedback/home", "coordinator",
					new Coordinated(programme.id().value(), open, all.size())));
		}
		for (var waiting : surveys.waitingFor(account, viewer.language())) {
			var survey = waiting.survey();
			var asked = new Asked(survey.id(), waiting.title());
			var role = survey.kind().asksMentors() ? Role.MENTOR : Role.PARTICIPANT;
			parts.add(Part.of(survey.programme().value(), role, 85, "feedback/home", "asked", asked)
				.needing(List.of(Task.of("feedback.home.task.answer", asked.link(), asked.title()))));
		}
		return parts;
	}

}
