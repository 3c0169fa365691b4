package app.kindred.grouping.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Language;
import app.kindred.grouping.Formations;
import app.kindred.grouping.Mode;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/**
 * The coordinator changes the proposal by hand: moves, swaps, pins, adds and removes
 * groups. Every change is checked against the rules again, and one that breaks a hard
 * rule is kept with a warning. While a run is under way the proposal is about to be
 * replaced, so changes are refused (409) rather than lost.
 */
@Controller
class ProposalController {

	private final Formations formations;

	private final GroupsPage page;

	ProposalController(Formations formations, GroupsPage page) {
		this.formations = formations;
		this.page = page;
	}

	/** Moves someone into a group of the proposal, or out of every group ("none"). */
	@PostMapping("/programmes/{id}/groups/move")
	String move(@PathVariable UUID id, @RequestParam(required = false) UUID person,
			@RequestParam(defaultValue = "none") String group, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return change(id, user, model, response, redirect, "grouping.moved", () -> formations.move(new ProgrammeId(id),
				person, "none".equals(group) ? null : FormIds.uuid(group), user.id()));
	}

	/** Two people trade places in one step. */
	@PostMapping("/programmes/{id}/groups/swap")
	String swap(@PathVariable UUID id, @RequestParam(required = false) UUID person,
			@RequestParam(required = false) UUID other, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return change(id, user, model, response, redirect, "grouping.swapped",
				() -> formations.swap(new ProgrammeId(id), person, other, user.id()));
	}

	@PostMapping("/programmes/{id}/groups/pin")
	String pin(@PathVariable UUID id, @RequestParam(required = false) UUID person,
			@RequestParam(defaultValue = "true") boolean pinned, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return change(id, user, model, response, redirect, pinned ? "grouping.pinned" : "grouping.unpinned",
				() -> formations.pin(new ProgrammeId(id), person, pinned, user.id()));
	}

	/**
	 * A new, empty group at a weekly time, in a language, remote or on a campus ("remote"
	 * or the campus's name).
	 */
	@PostMapping("/programmes/{id}/groups/add")
	String add(@PathVariable UUID id, @RequestParam(defaultValue = "") String slot,
			@RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String place,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var chosen = Language.fromCode(language).orElse(null);
		var mode = "remote".equals(place) ? Mode.REMOTE : Mode.onCampus(place);
		try {
			return change(id, user, model, response, redirect, "grouping.added",
					() -> formations.addGroup(new ProgrammeId(id), slot, chosen, mode, user.id()));
		}
		catch (Formations.NotOffered refused) {
			// Said at the field, with what was chosen kept
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("addError", refused.field());
			model.addAttribute("addSlot", slot);
			model.addAttribute("addLanguage", language);
			model.addAttribute("addPlace", place);
			return page.render(new ProgrammeId(id), user, model);
		}
	}

	@PostMapping("/programmes/{id}/groups/remove")
	String remove(@PathVariable UUID id, @RequestParam(defaultValue = "") String group,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return change(id, user, model, response, redirect, "grouping.removed",
				() -> formations.removeGroup(new ProgrammeId(id), FormIds.uuid(group), user.id()));
	}

	private String change(UUID id, CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect, String done, Runnable change) {
		// Who may change it comes first, before what the form names is looked at
		formations.programme(new ProgrammeId(id), user.id());
		try {
			change.run();
		}
		catch (Formations.ProposalBusy busy) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("notice", "grouping.busy");
			return page.render(new ProgrammeId(id), user, model);
		}
		redirect.addFlashAttribute("notice", done);
		return "redirect:/programmes/" + id + "/groups";
	}

}
