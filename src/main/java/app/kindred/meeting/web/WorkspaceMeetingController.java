package app.kindred.meeting.web;

import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Forbidden;
import app.kindred.audit.ReadKind;
import app.kindred.audit.SensitiveReads;
import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.identity.CurrentUser;
import app.kindred.meeting.internal.MeetingService;
import app.kindred.meeting.internal.WorkspaceService;
import app.kindred.meeting.internal.WorkspaceService.Person;
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

	private final WorkspaceService workspaces;

	private final SensitiveReads reads;

	WorkspaceMeetingController(WorkspaceService workspaces, SensitiveReads reads) {
		this.workspaces = workspaces;
		this.reads = reads;
	}

	@GetMapping(PAGE)
	String page(@PathVariable ProgrammeId id, @PathVariable UUID group, @PathVariable UUID meeting,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		var page = workspaces.meeting(id, group, meeting, user.id());
		if (!page.mentor()) {
			// A coordinator reads the mentors' notes, debrief and the roll
			reads.recordRead(user.id(), page.members().stream().filter(Person::mentor).map(Person::id).toList(),
					ReadKind.WORKSPACE, page.programme(), "meeting " + meeting);
		}
		if (!model.containsAttribute("notesForm")) {
			model.addAttribute("notesForm", WritingForm.of(page.notes()));
		}
		if (!model.containsAttribute("debriefForm")) {
			model.addAttribute("debriefForm", WritingForm.of(page.debrief()));
		}
		model.addAttribute("workspaceMeeting", page);
		model.addAttribute("programme", page.programme());
		model.addAttribute("zone", MeetingService.zone(page.programme()).getId());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "meeting/workspace-meeting";
	}

	@PostMapping(PAGE + "/notes")
	String notes(@PathVariable ProgrammeId id, @PathVariable UUID group, @PathVariable UUID meeting,
			@AuthenticationPrincipal CurrentUser user, @ModelAttribute("notesForm") WritingForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var page = mentorsPage(id, group, meeting, user);
		if (!form.check(WorkspaceService.NOTES_MAX, List.of(), result)) {
			return page(id, group, meeting, user, model);
		}
		try {
			var changed = workspaces.saveNotes(page.programme().id(), group, meeting, form.value(), form.seenVersion(),
					user.id());
			return saved(id, group, meeting, changed ? "meeting.workspace.notes.saved" : "meeting.unchanged", redirect);
		}
		catch (Refused refused) {
			model.addAttribute("notesForm", form.over(latest(id, group, meeting, user).notes()));
			return refused(refused, "notes", id, group, meeting, user, model, response);
		}
	}

	/**
	 * A debrief naming a participant is told at its field with the name found. Names are
	 * looked for only once the meeting has started: before, the debrief is refused for
	 * that alone.
	 */
	@PostMapping(PAGE + "/debrief")
	String debrief(@PathVariable ProgrammeId id, @PathVariable UUID group, @PathVariable UUID meeting,
			@AuthenticationPrincipal CurrentUser user, @ModelAttribute("debriefForm") WritingForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var page = mentorsPage(id, group, meeting, user);
		if (!form.check(WorkspaceService.DEBRIEF_MAX, page.row().held() ? page.participantNames() : List.of(),
				result)) {
			return page(id, group, meeting, user, model);
		}
		try {
			var changed = workspaces.saveDebrief(page.programme().id(), group, meeting, form.value(),
					form.seenVersion(), user.id());
			return saved(id, group, meeting, changed ? "meeting.workspace.debrief.saved" : "meeting.unchanged",
					redirect);
		}
		catch (Refused refused) {
			if (refused.status() == HttpStatus.CONFLICT) {
				model.addAttribute("debriefForm", form.over(latest(id, group, meeting, user).debrief()));
			}
			return refused(refused, "debrief", id, group, meeting, user, model, response, result);
		}
	}

	/** The ticked people came; everyone else in the group did not. */
	@PostMapping(PAGE + "/attendance")
	String attendance(@PathVariable ProgrammeId id, @PathVariable UUID group, @PathVariable UUID meeting,
			@ModelAttribute AttendanceForm form, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var page = mentorsPage(id, group, meeting, user);
		try {
			workspaces.saveAttendance(page.programme().id(), group, meeting, form.people(), user.id());
			return saved(id, group, meeting, "meeting.workspace.attendance.saved", redirect);
		}
		catch (Refused refused) {
			// A forged or stale tick (someone who left the group meanwhile) is told above
			// the list
			return refused(refused, "attendance", id, group, meeting, user, model, response);
		}
	}

	/**
	 * The page, as its mentors see it; staff may read it but not write (403), anyone else
	 * gets a 404.
	 */
	private WorkspaceService.MeetingPage mentorsPage(ProgrammeId id, UUID group, UUID meeting, CurrentUser user) {
		var page = workspaces.meeting(id, group, meeting, user.id());
		if (!page.mentor()) {
			throw new Forbidden("the group's mentors write the workspace");
		}
		return page;
	}

	/**
	 * Read again after a refusal: the co-mentor's text as saved now, over which the typed
	 * text may be saved.
	 */
	private WorkspaceService.MeetingPage latest(ProgrammeId id, UUID group, UUID meeting, CurrentUser user) {
		return workspaces.meeting(id, group, meeting, user.id());
	}

	private String refused(Refused refused, String section, ProgrammeId id, UUID group, UUID meeting, CurrentUser user,
			Model model, HttpServletResponse response) {
		return refused(refused, section, id, group, meeting, user, model, response, null);
	}

	/**
	 * The page again with the refusal: a conflict above the forms, with the section whose
	 * text was saved meanwhile shown beside the typed one; a value at its field.
	 */
	private String refused(Refused refused, String section, ProgrammeId id, UUID group, UUID meeting, CurrentUser user,
			Model model, HttpServletResponse response, BindingResult form) {
		Refusals.show(refused, form, model, response);
		// Told in its section, which the page opens at (the page's script focuses it)
		model.addAttribute("refusedIn", section);
		if (refused.status() == HttpStatus.CONFLICT) {
			model.addAttribute("conflictIn", section);
		}
		return page(id, group, meeting, user, model);
	}

	private static String saved(ProgrammeId id, UUID group, UUID meeting, String notice, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/programmes/" + id + "/groups/" + group + "/workspace/meetings/" + meeting;
	}

}
