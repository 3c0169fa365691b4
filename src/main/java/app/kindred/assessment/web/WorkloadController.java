package app.kindred.assessment.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
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

import app.kindred.assessment.internal.Courses;
import app.kindred.assessment.internal.WorkloadPart;
import app.kindred.assessment.internal.WorkloadService;
import app.kindred.core.Refused;
import app.kindred.core.web.Dates;
import app.kindred.core.web.Refusals;
import app.kindred.core.Language;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/**
 * A credit-seeking mentor's workload: the hours attendance counts, the hours they logged,
 * each part against its target and the total against the course's; they log more and
 * remove their own entries. Nobody else's page: anyone else gets a 404.
 */
@Controller
class WorkloadController {

	private final Courses courses;

	private final WorkloadService workloads;

	private final Dates dates;

	WorkloadController(Courses courses, WorkloadService workloads, Dates dates) {
		this.courses = courses;
		this.workloads = workloads;
		this.dates = dates;
	}

	@GetMapping("/programmes/{id}/course/workload")
	String page(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var student = courses.creditStudent(id, user.id());
		var days = workloads.days(student.course());
		if (!model.containsAttribute("workloadForm")) {
			model.addAttribute("workloadForm", WorkloadForm.blank(days.last()));
		}
		model.addAttribute("student", student);
		model.addAttribute("programme", student.course().programme());
		model.addAttribute("workload", workloads.workload(student));
		model.addAttribute("days", days);
		model.addAttribute("parts", WorkloadPart.values());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "assessment/workload";
	}

	@PostMapping("/programmes/{id}/course/workload")
	String log(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("workloadForm") WorkloadForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var student = courses.creditStudent(id, user.id());
		var checked = form.check(workloads.days(student.course()), dates, result);
		if (checked.isEmpty()) {
			return page(id, user, model);
		}
		try {
			var c = checked.get();
			workloads.log(id, user.id(), c.part(), c.date(), c.minutes(), c.note());
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return page(id, user, model);
		}
		redirect.addFlashAttribute("notice", "assessment.workload.logged");
		return "redirect:/programmes/" + id + "/course/workload";
	}

	@PostMapping("/programmes/{id}/course/workload/{entry}/delete")
	String delete(@PathVariable ProgrammeId id, @PathVariable UUID entry, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		workloads.delete(id, user.id(), entry);
		redirect.addFlashAttribute("notice", "assessment.workload.deleted");
		return "redirect:/programmes/" + id + "/course/workload";
	}

}
