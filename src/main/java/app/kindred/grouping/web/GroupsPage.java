package app.kindred.grouping.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import app.kindred.core.Language;
import app.kindred.grouping.Formations;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/** The coordinator's groups page, rendered by every handler that answers with it (also to say what was refused). */
@Component
class GroupsPage {

	private final Formations formations;
	private final PublishedGroups published;

	GroupsPage(Formations formations, PublishedGroups published) {
		this.formations = formations;
		this.published = published;
	}

	String render(ProgrammeId id, CurrentUser user, Model model) {
		var overview = formations.overview(id, user.id());
		model.addAttribute("overview", overview);
		model.addAttribute("published", published.published(id));
		model.addAttribute("programme", overview.programme());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		if (!model.containsAttribute("preferences")) {
			model.addAttribute("preferences", PreferencesForm.of(formations.preferences(id)));
		}
		if (!model.containsAttribute("seconds")) {
			model.addAttribute("seconds", 30);
		}
		return "grouping/groups";
	}
}
