package app.kindred.grouping.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.grouping.internal.ProposalService;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;

/**
 * The coordinator changes the proposal by hand: moves, swaps, pins, adds and removes
 * groups. Every change is checked against the rules again, and one that breaks a hard
 * rule is kept with a warning. While a run is under way the proposal is about to be
 * replaced, so changes are refused (409) rather than lost.
 */
@Controller
class ProposalController {

	private final ProposalService proposals;

	private final ProgrammeAccess access;

	private final GroupsPage page;

	ProposalController(ProposalService proposals, ProgrammeAccess access, GroupsPage page) {
		this.proposals = proposals;
		this.access = access;
		this.page = page;
	}

	/** Moves someone into a group of the proposal, or out of every group ("none"). */
	@PostMapping("/programmes/{id}/groups/move")
	String move(@PathVariable ProgrammeId id, @RequestParam(required = false) UUID person,
			@RequestParam(defaultValue = "none") String group, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return change(id, user, null, model, response, redirect, "grouping.moved",
				() -> proposals.move(id, person, "none".equals(group) ? null : FormIds.uuid(group), user.id()));
	}

	/** Two people trade places in one step. */
	@PostMapping("/programmes/{id}/groups/swap")
	String swap(@PathVariable ProgrammeId id, @RequestParam(required = false) UUID person,
			@RequestParam(required = false) UUID other, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return change(id, user, null, model, response, redirect, "grouping.swapped",
				() -> proposals.swap(id, person, other, user.id()));
	}

	@PostMapping("/programmes/{id}/groups/pin")
	String pin(@PathVariable ProgrammeId id, @RequestParam(required = false) UUID person,
			@RequestParam(defaultValue = "true") boolean pinned, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return change(id, user, null, model, response, redirect, pinned ? "grouping.pinned" : "grouping.unpinned",
				() -> proposals.pin(id, person, pinned, user.id()));
	}

	/**
	 * A new, empty group at a weekly time, in a language, remote or on a campus; what the
	 * programme does not offer is said at the field, with what was chosen kept.
	 */
	@PostMapping("/programmes/{id}/groups/add")
	String add(@PathVariable ProgrammeId id, @ModelAttribute("newGroup") NewGroupForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return change(id, user, result, model, response, redirect, "grouping.added",
				() -> proposals.addGroup(id, form.slotKey(), form.chosenLanguage(), form.mode(), user.id()));
	}

	@PostMapping("/programmes/{id}/groups/remove")
	String remove(@PathVariable ProgrammeId id, @RequestParam(defaultValue = "") String group,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return change(id, user, null, model, response, redirect, "grouping.removed",
				() -> proposals.removeGroup(id, FormIds.uuid(group), user.id()));
	}

	/**
	 * @param form the form's binding result, for a refusal at its field; {@code null} for
	 * forms that only name people and groups
	 */
	private String change(ProgrammeId id, CurrentUser user, BindingResult form, Model model,
			HttpServletResponse response, RedirectAttributes redirect, String done, Runnable change) {
		// Who may change it comes first, before what the form names is looked at
		access.coordinated(id, user.id());
		try {
			change.run();
		}
		catch (Refused refused) {
			Refusals.show(refused, form, model, response);
			return page.render(id, user, model);
		}
		redirect.addFlashAttribute("notice", done);
		return "redirect:/programmes/" + id + "/groups";
	}

}
