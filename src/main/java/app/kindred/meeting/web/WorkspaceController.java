package app.kindred.meeting.web;

import java.time.Clock;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Forbidden;
import app.kindred.audit.ReadKind;
import app.kindred.audit.SensitiveReads;
import app.kindred.core.Language;
import app.kindred.identity.CurrentUser;
import app.kindred.meeting.internal.StaffAttentionService;
import app.kindred.meeting.internal.WorkspaceService;
import app.kindred.meeting.internal.WorkspaceService.Person;
import app.kindred.programme.ProgrammeId;

/**
 * The mentor pair's workspace of one group: its meetings with their plans and what was
 * recorded, and the "needs staff attention" flag, which the group's mentors raise and the
 * programme's coordinators resolve. Who may open it is decided by
 * {@link WorkspaceService}: anyone else gets a 404, other staff a 403.
 */
@Controller
class WorkspaceController {

	private final WorkspaceService workspaces;

	private final StaffAttentionService attention;

	private final Clock clock;

	private final SensitiveReads reads;

	WorkspaceController(WorkspaceService workspaces, StaffAttentionService attention, SensitiveReads reads,
			Clock clock) {
		this.workspaces = workspaces;
		this.attention = attention;
		this.reads = reads;
		this.clock = clock;
	}

	@GetMapping("/programmes/{id}/groups/{group}/workspace")
	String page(@PathVariable ProgrammeId id, @PathVariable UUID group, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		var workspace = workspaces.workspace(id, group, user.id());
		if (!workspace.mentor()) {
			// The coordinators read the mentors' workspace, and their request for
			// attention with its note
			var mentors = workspace.members().stream().filter(Person::mentor).map(Person::id).toList();
			reads.recordRead(user.id(), mentors, ReadKind.WORKSPACE, workspace.programme(), "group " + group);
			if (workspace.flag() != null) {
				reads.recordRead(user.id(), mentors, ReadKind.ATTENTION_REQUEST, workspace.programme(),
						"group " + group);
			}
		}
		if (!model.containsAttribute("attentionForm")) {
			model.addAttribute("attentionForm", AttentionForm.blank());
		}
		model.addAttribute("workspace", workspace);
		model.addAttribute("programme", workspace.programme());
		model.addAttribute("now", clock.instant());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "meeting/workspace";
	}

	/**
	 * Raised once: while the flag is open, raising it again tells nobody again. A note
	 * too long is told at its field.
	 */
	@PostMapping("/programmes/{id}/groups/{group}/workspace/attention")
	String raise(@PathVariable ProgrammeId id, @PathVariable UUID group, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("attentionForm") AttentionForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		var workspace = workspaces.workspace(id, group, user.id());
		if (!workspace.mentor()) {
			throw new Forbidden("the group's mentors raise the flag");
		}
		if (result.hasErrors()) {
			return page(id, group, user, model);
		}
		var raised = attention.raise(workspace.programme().id(), group, form.note(), user.id());
		redirect.addFlashAttribute("notice",
				raised ? "meeting.workspace.attention.raised" : "meeting.workspace.attention.alreadyOpen");
		return "redirect:/programmes/" + id + "/groups/" + group + "/workspace";
	}

	@PostMapping("/programmes/{id}/groups/{group}/workspace/attention/resolve")
	String resolve(@PathVariable ProgrammeId id, @PathVariable UUID group, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		var resolved = attention.resolve(id, group, user.id());
		redirect.addFlashAttribute("notice",
				resolved ? "meeting.workspace.attention.resolved" : "meeting.workspace.attention.noneOpen");
		return "redirect:/programmes/" + id + "/groups/" + group + "/workspace";
	}

}
