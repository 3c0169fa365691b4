package app.kindred.grouping.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.grouping.internal.GroupChangeService;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;

/**
 * Changes to the groups after publishing, made one at a time without rebuilding the rest:
 * someone added, removed (a mentor dropping out) or moved; the people affected are told.
 */
@Controller
class PublishedChangesController {

	private final GroupChangeService changes;

	private final ProgrammeAccess access;

	private final GroupsPage page;

	PublishedChangesController(GroupChangeService changes, ProgrammeAccess access, GroupsPage page) {
		this.changes = changes;
		this.access = access;
		this.page = page;
	}

	/**
	 * Puts someone in no group into a published group; they and the group's mentors are
	 * told.
	 */
	@PostMapping("/programmes/{id}/groups/published/add")
	String add(@PathVariable ProgrammeId id, @RequestParam(defaultValue = "") String person,
			@RequestParam(defaultValue = "") String group, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return change(id, user, model, response, redirect, "grouping.change.added",
				() -> changes.add(id, FormIds.uuid(person), FormIds.uuid(group), user.id()));
	}

	/** Takes someone out of their published group, such as a mentor dropping out. */
	@PostMapping("/programmes/{id}/groups/published/remove")
	String remove(@PathVariable ProgrammeId id, @RequestParam(defaultValue = "") String person,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return change(id, user, model, response, redirect, "grouping.change.removed",
				() -> changes.remove(id, FormIds.uuid(person), user.id()));
	}

	/** Moves someone from their published group to another. */
	@PostMapping("/programmes/{id}/groups/published/move")
	String movePublished(@PathVariable ProgrammeId id, @RequestParam(defaultValue = "") String person,
			@RequestParam(defaultValue = "") String group, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return change(id, user, model, response, redirect, "grouping.change.moved",
				() -> changes.move(id, FormIds.uuid(person), FormIds.uuid(group), user.id()));
	}

	/**
	 * Makes one change to the published groups: kept even when it breaks a hard rule (the
	 * page names the rule), and refused with a 409, nothing changed, when it no longer
	 * fits, such as someone another coordinator placed first.
	 */
	private String change(ProgrammeId id, CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect, String done, Runnable change) {
		// Who may change them comes first, before what the form names is looked at
		access.coordinated(id, user.id());
		try {
			change.run();
		}
		catch (Refused refused) {
			Refusals.show(refused, null, model, response);
			return page.render(id, user, model);
		}
		redirect.addFlashAttribute("notice", done);
		return "redirect:/programmes/" + id + "/groups";
	}

}
