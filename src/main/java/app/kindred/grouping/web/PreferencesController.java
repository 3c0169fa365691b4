package app.kindred.grouping.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.grouping.internal.FormationService;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;

/**
 * The coordinator weighs the preferences and sets the department limit the programme's
 * groups are formed with.
 */
@Controller
class PreferencesController {

	private final FormationService formations;

	private final ProgrammeAccess access;

	private final GroupsPage page;

	PreferencesController(FormationService formations, ProgrammeAccess access, GroupsPage page) {
		this.formations = formations;
		this.access = access;
		this.page = page;
	}

	@PostMapping("/programmes/{id}/groups/preferences")
	String change(@PathVariable ProgrammeId id, @ModelAttribute("preferences") PreferencesForm form,
			BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var programme = access.coordinated(id, user.id());
		var checked = form.check(result);
		if (checked.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("preferencesOpen", true);
			return page.render(programme.id(), user, model);
		}
		formations.changePreferences(programme.id(), checked.get(), user.id());
		redirect.addFlashAttribute("notice", "grouping.preferences.saved");
		return "redirect:/programmes/" + id + "/groups";
	}

}
