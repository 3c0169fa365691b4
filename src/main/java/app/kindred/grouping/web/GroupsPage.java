package app.kindred.grouping.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import app.kindred.core.Language;
import app.kindred.grouping.PublishedGroups;
import app.kindred.grouping.internal.FormationService;
import app.kindred.grouping.internal.ProposalService;
import app.kindred.grouping.internal.PublishedOverviewService;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/**
 * The coordinator's groups page, rendered by every handler that answers with it (also to
 * say what was refused).
 */
@Component
class GroupsPage {

	private final FormationService formations;

	private final PublishedGroups published;

	private final PublishedOverviewService publishedOverview;

	private final ProposalService proposals;

	GroupsPage(FormationService formations, PublishedGroups published, PublishedOverviewService publishedOverview,
			ProposalService proposals) {
		this.formations = formations;
		this.published = published;
		this.publishedOverview = publishedOverview;
		this.proposals = proposals;
	}

	String render(ProgrammeId id, CurrentUser user, Model model) {
		var overview = formations.overview(id, user.id());
		model.addAttribute("overview", overview);
		var isPublished = published.published(id);
		model.addAttribute("published", isPublished);
		if (isPublished) {
			model.addAttribute("publishedGroups", publishedOverview.overview(id, user.id()));
		}
		else if (overview.proposal().filter(p -> !p.broken().isEmpty()).isPresent()) {
			// Which group breaks which rule, and who in it: what to change before
			// publishing
			model.addAttribute("breaches", proposals.breaches(overview.programme()));
		}
		model.addAttribute("programme", overview.programme());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		if (!model.containsAttribute("preferences")) {
			model.addAttribute("preferences", PreferencesForm.of(formations.preferences(id)));
		}
		if (!model.containsAttribute("run")) {
			model.addAttribute("run", RunForm.initial());
		}
		if (!model.containsAttribute("newGroup")) {
			model.addAttribute("newGroup", NewGroupForm.initial());
		}
		return "grouping/groups";
	}

}
