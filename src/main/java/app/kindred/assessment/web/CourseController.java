package app.kindred.assessment.web;

import java.time.Clock;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import app.kindred.assessment.internal.CourseHub;
import app.kindred.core.Language;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/**
 * The mentor's own course page: the course (code, credits, outcomes, criteria, deadlines)
 * and each of its parts in order. Only the mentor herself sees it; anyone else gets a
 * 404.
 */
@Controller
class CourseController {

	private final CourseHub hub;

	private final Clock clock;

	CourseController(CourseHub hub, Clock clock) {
		this.hub = hub;
		this.clock = clock;
	}

	@GetMapping("/programmes/{id}/course")
	String page(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var page = hub.page(id, user.id());
		model.addAttribute("page", page);
		model.addAttribute("course", page.course());
		model.addAttribute("programme", page.course().programme());
		model.addAttribute("deadlines", CourseHub.deadlines(page.course()));
		model.addAttribute("now", clock.instant());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "assessment/course";
	}

}
