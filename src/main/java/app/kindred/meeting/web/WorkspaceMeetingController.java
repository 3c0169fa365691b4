package app.kindred.meeting.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Forbidden;
import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.identity.CurrentUser;
import app.kindred.meeting.Meetings;
import app.kindred.meeting.WorkspaceRefused;
import app.kindred.meeting.Workspaces;
import app.kindred.programme.ProgrammeId;

/**
 * One meeting in the mentors' workspace: its full plan, the co-mentors' planning notes,
 * attendance and the debrief. Mentors write; the programme's coordinators read. Text too
 * long, a name in a debrief or a tick for someone not in the group comes back with what
 * was typed (422); a meeting not started or cancelled, or a co-mentor's save in between,
 * answers 409 with both texts shown; nothing changes in either case.
 */
@Controller
class WorkspaceMeetingController {

	private static final String PAGE = "/programmes/{id}/groups/{group}/workspace/meetings/{meeting}";

	private final Workspaces workspaces;

	WorkspaceMeetingController(Workspaces workspaces) {
		this.workspaces = workspaces;
	}

	@GetMapping(PAGE)
	String page(@PathVariable UUID id, @PathVariable UUID group, @PathVariable UUID meeting,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		var page = workspaces.meeting(new ProgrammeId(id), group, meeting, user.id());
		if (!model.containsAttribute("notesForm")) {
			model.addAttribute("notesForm", WritingForm.of(page.notes()));
		}
		if (!model.containsAttribute("debriefForm")) {
			model.addAttribute("debriefForm", WritingForm.of(page.debrief()));
		}
		model.addAttribute("workspaceMeeting", page);
		model.addAttribute("programme", page.programme());
		model.addAttribute("zone", Meetings.zone(page.programme()).getId());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "meeting/workspace-meeting";
	}

	@PostMapping(PAGE + "/notes")
	String notes(@PathVariable UUID id, @PathVariable UUID group, @PathVariable UUID meeting,
			@AuthenticationPrincipal CurrentUser user, @ModelAttribute("notesForm") WritingForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var page = mentorsPage(id, group, meeting, user);
		if (!form.check(Workspaces.NOTES_MAX, result)) {
			return invalid(id, group, meeting, user, model, response);
		}
		try {
			var changed = workspaces.saveNotes(page.programme().id(), group, meeting, form.value(), form.seenVersion(),
					user.id());
			return saved(id, group, meeting, changed ? "meeting.workspace.notes.saved" : "meeting.unchanged", redirect);
		}
		catch (WorkspaceRefused refused) {
			model.addAttribute("notesForm", form.over(latest(id, group, meeting, user).notes()));
			return refused(refused, "notes", id, group, meeting, user, model, response);
		}
	}

	@PostMapping(PAGE + "/debrief")
	String debrief(@PathVariable UUID id, @PathVariable UUID group, @PathVariable UUID meeting,
			@AuthenticationPrincipal CurrentUser user, @ModelAttribute("debriefForm") WritingForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var page = mentorsPage(id, group, meeting, user);
		if (!form.check(Workspaces.DEBRIEF_MAX, result)) {
			return invalid(id, group, meeting, user, model, response);
		}
		try {
			var changed = workspaces.saveDebrief(page.programme().id(), group, meeting, form.value(),
					form.seenVersion(), user.id());
			return saved(id, group, meeting, changed ? "meeting.workspace.debrief.saved" : "meeting.unchanged",
					redirect);
		}
		catch (Workspaces.NamesSomeone named) {
			result.rejectValue("text", "meeting.workspace.debrief.namesSomeone", new Object[] { named.name() }, null);
			return invalid(id, group, meeting, user, model, response);
		}
		catch (WorkspaceRefused refused) {
			model.addAttribute("debriefForm", form.over(latest(id, group, meeting, user).debrief()));
			return refused(refused, "debrief", id, group, meeting, user, model, response);
		}
	}

	/** The ticked people came; everyone else in the group did not. */
	@PostMapping(PAGE + "/attendance")
	String attendance(@PathVariable UUID id, @PathVariable UUID group, @PathVariable UUID meeting,
			@RequestParam(name = "present", required = false) List<String> present,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var page = mentorsPage(id, group, meeting, user);
		Set<AccountId> came = new HashSet<>();
		try {
			for (var value : present == null ? List.<String>of() : present) {
				came.add(new AccountId(UUID.fromString(value.strip())));
			}
			workspaces.saveAttendance(page.programme().id(), group, meeting, came, user.id());
		}
		catch (IllegalArgumentException e) {
			// A forged or stale tick (someone who left the group meanwhile): told above
			// the list
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("refusal", "meeting.workspace.attendance.notInGroup");
			return page(id, group, meeting, user, model);
		}
		catch (WorkspaceRefused refused) {
			return refused(refused, "attendance", id, group, meeting, user, model, response);
		}
		return saved(id, group, meeting, "meeting.workspace.attendance.saved", redirect);
	}

	/**
	 * The page, as its mentors see it; staff may read it but not write (403), anyone else
	 * gets a 404.
	 */
	private Workspaces.MeetingPage mentorsPage(UUID id, UUID group, UUID meeting, CurrentUser user) {
		var page = workspaces.meeting(new ProgrammeId(id), group, meeting, user.id());
		if (!page.mentor()) {
			throw new Forbidden("the group's mentors write the workspace");
		}
		return page;
	}

	/**
	 * Read again after a refusal: the co-mentor's text as saved now, over which the typed
	 * text may be saved.
	 */
	private Workspaces.MeetingPage latest(UUID id, UUID group, UUID meeting, CurrentUser user) {
		return workspaces.meeting(new ProgrammeId(id), group, meeting, user.id());
	}

	private String invalid(UUID id, UUID group, UUID meeting, CurrentUser user, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(id, group, meeting, user, model);
	}

	private String refused(WorkspaceRefused refused, String section, UUID id, UUID group, UUID meeting,
			CurrentUser user, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("refusal", "meeting.workspace.refused." + refused.reason());
		model.addAttribute("conflictIn", section);
		return page(id, group, meeting, user, model);
	}

	private static String saved(UUID id, UUID group, UUID meeting, String notice, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/programmes/" + id + "/groups/" + group + "/workspace/meetings/" + meeting;
	}

}
