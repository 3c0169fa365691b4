package app.kindred.meeting.web;

import java.time.Clock;
import java.util.UUID;

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

import app.kindred.core.Language;
import app.kindred.identity.CurrentUser;
import app.kindred.meeting.internal.MeetingService;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;

/**
 * The coordinator's page of a programme's meetings: every group's schedule and place, and
 * the breaks.
 */
@Controller
class MeetingsController {

	private final MeetingService meetings;

	private final ProgrammeAccess access;

	private final Clock clock;

	MeetingsController(MeetingService meetings, ProgrammeAccess access, Clock clock) {
		this.meetings = meetings;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/programmes/{id}/meetings")
	String page(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		if (!model.containsAttribute("breakForm")) {
			model.addAttribute("breakForm", BreakForm.blank());
		}
		var overview = meetings.overview(id, user.id());
		model.addAttribute("overview", overview);
		model.addAttribute("programme", overview.programme());
		model.addAttribute("now", clock.instant());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "meeting/meetings";
	}

	@PostMapping("/programmes/{id}/meetings/breaks")
	String addBreak(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("breakForm") BreakForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		var programme = access.coordinated(id, user.id());
		var checked = form.check(result);
		if (checked.isEmpty()) {
			return page(id, user, model);
		}
		meetings.addBreak(programme.id(), checked.get().firstDay(), checked.get().lastDay(), user.id());
		redirect.addFlashAttribute("notice", "meeting.break.added");
		return "redirect:/programmes/" + id + "/meetings";
	}

	@PostMapping("/programmes/{id}/meetings/breaks/{breakId}/remove")
	String removeBreak(@PathVariable ProgrammeId id, @PathVariable UUID breakId,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		meetings.removeBreak(id, breakId, user.id());
		redirect.addFlashAttribute("notice", "meeting.break.removed");
		return "redirect:/programmes/" + id + "/meetings";
	}

}
