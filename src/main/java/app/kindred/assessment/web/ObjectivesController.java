package app.kindred.assessment.web;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;

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

import app.kindred.assessment.internal.Courses;
import app.kindred.assessment.internal.ObjectiveService;
import app.kindred.assessment.internal.Student;
import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/**
 * A credit-seeking mentor's own learning objectives, written and revised as one list
 * until the self-evaluation; only the mentor herself opens the page (anyone else: 404).
 */
@Controller
class ObjectivesController {

	private final Courses courses;

	private final ObjectiveService objectives;

	private final Clock clock;

	ObjectivesController(Courses courses, ObjectiveService objectives, Clock clock) {
		this.courses = courses;
		this.objectives = objectives;
		this.clock = clock;
	}

	@GetMapping("/programmes/{id}/course/objectives")
	String page(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var student = courses.creditStudent(id, user.id());
		if (!model.containsAttribute("objectivesForm")) {
			model.addAttribute("objectivesForm", ObjectivesForm.of(objectives.objectives(student)));
		}
		return show(student, model);
	}

	@PostMapping("/programmes/{id}/course/objectives")
	String save(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("objectivesForm") ObjectivesForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var student = courses.creditStudent(id, user.id());
		if (!objectives.revisable(student)) {
			Refusals.show(Refused.conflict("assessment.objectives.final"), null, model, response);
			return show(student, model);
		}
		var drafts = form.check(objectives, student.course(), result);
		if (result.hasErrors()) {
			return show(student, model);
		}
		try {
			objectives.save(student, drafts);
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return show(student, model);
		}
		redirect.addFlashAttribute("notice", "assessment.objectives.saved");
		return "redirect:/programmes/" + id + "/course/objectives";
	}

	private String show(Student student, Model model) {
		var course = student.course();
		var language = Language.of(LocaleContextHolder.getLocale());
		Instant due = course.objectivesDue().equals(Instant.MAX) ? null : course.objectivesDue();
		model.addAttribute("programme", course.programme());
		model.addAttribute("language", language);
		model.addAttribute("outcomes", course.outcomes());
		model.addAttribute("saved", objectives.objectives(student));
		model.addAttribute("revisable", objectives.revisable(student));
		model.addAttribute("due", due);
		model.addAttribute("late", due != null && clock.instant().isAfter(due));
		return "assessment/objectives";
	}

}
