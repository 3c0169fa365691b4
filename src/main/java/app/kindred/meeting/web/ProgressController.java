package app.kindred.meeting.web;

import java.time.Clock;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import app.kindred.core.Language;
import app.kindred.identity.CurrentUser;
import app.kindred.meeting.internal.GroupProgressService;
import app.kindred.programme.ProgrammeId;

/**
 * The coordinator's view of how every group of a programme is doing: meetings held,
 * attendance, open flags.
 */
@Controller
class ProgressController {

	private final GroupProgressService progress;

	private final Clock clock;

	ProgressController(GroupProgressService progress, Clock clock) {
		this.progress = progress;
		this.clock = clock;
	}

	@GetMapping("/programmes/{id}/progress")
	String page(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var overview = progress.overview(id, user.id());
		model.addAttribute("progress", overview);
		model.addAttribute("programme", overview.programme());
		model.addAttribute("now", clock.instant());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "meeting/progress";
	}

}
