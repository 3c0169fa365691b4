package app.kindred.assessment.web;

import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.assessment.internal.Courses;
import app.kindred.assessment.internal.WorkloadService;
import app.kindred.core.NotFoundException;
import app.kindred.core.Language;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/**
 * The programme's reading list for a credit-seeking mentor, who marks what they read.
 * Anyone else gets a 404.
 */
@Controller
class ReadingController {

	private final Courses courses;

	private final WorkloadService workloads;

	ReadingController(Courses courses, WorkloadService workloads) {
		this.courses = courses;
		this.workloads = workloads;
	}

	@GetMapping("/programmes/{id}/course/reading")
	String page(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var student = courses.creditStudent(id, user.id());
		model.addAttribute("programme", student.course().programme());
		model.addAttribute("reading", workloads.readingOf(id, user.id()));
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "assessment/reading";
	}

	/**
	 * Marks an item read ({@code read=true}) or not; the item is optional here so that
	 * someone who may not mark gets the 404 before a missing item is told.
	 */
	@PostMapping("/programmes/{id}/course/reading")
	String mark(@PathVariable ProgrammeId id, @RequestParam(required = false) UUID item,
			@RequestParam(defaultValue = "true") boolean read, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		courses.creditStudent(id, user.id());
		if (item == null) {
			throw new NotFoundException("reading");
		}
		workloads.markRead(id, user.id(), item, read);
		redirect.addFlashAttribute("notice", read ? "assessment.reading.marked" : "assessment.reading.unmarked");
		return "redirect:/programmes/" + id + "/course/reading#item-" + item;
	}

}
