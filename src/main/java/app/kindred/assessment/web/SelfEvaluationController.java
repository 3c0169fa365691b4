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
import app.kindred.assessment.internal.Objective;
import app.kindred.assessment.internal.ObjectiveService;
import app.kindred.assessment.internal.SelfEvaluationService;
import app.kindred.assessment.internal.Student;
import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/**
 * A credit-seeking mentor's self-evaluation. It cannot be changed once in, so sending the
 * form first shows it back to check ({@code confirmed} absent), and only the check step's
 * button submits it; only the mentor herself opens the page (anyone else: 404).
 */
@Controller
class SelfEvaluationController {

	private final Courses courses;

	private final SelfEvaluationService evaluations;

	private final ObjectiveService objectives;

	private final Clock clock;

	SelfEvaluationController(Courses courses, SelfEvaluationService evaluations, ObjectiveService objectives,
			Clock clock) {
		this.courses = courses;
		this.evaluations = evaluations;
		this.objectives = objectives;
		this.clock = clock;
	}

	@GetMapping("/programmes/{id}/course/self-evaluation")
	String page(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var student = courses.creditStudent(id, user.id());
		if (!model.containsAttribute("selfEvaluationForm")) {
			model.addAttribute("selfEvaluationForm", SelfEvaluationForm.blank());
		}
		return show(student, model, false);
	}

	@PostMapping("/programmes/{id}/course/self-evaluation")
	String submit(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("selfEvaluationForm") SelfEvaluationForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var student = courses.creditStudent(id, user.id());
		if (evaluations.submitted(id, user.id())) {
			Refusals.show(Refused.conflict("assessment.selfEvaluation.alreadySubmitted"), null, model, response);
			return show(student, model, false);
		}
		if (objectives.objectives(student).size() < Objective.FEWEST) {
			Refusals.show(Refused.conflict("assessment.selfEvaluation.objectivesFirst"), null, model, response);
			return show(student, model, false);
		}
		var subjects = evaluations.subjects(student, language());
		if (!form.check(evaluations, student.course(), subjects, result) || Boolean.FALSE.equals(form.confirmed())) {
			return show(student, model, false);
		}
		if (form.confirmed() == null) {
			return show(student, model, true);
		}
		try {
			evaluations.submit(student, form.parsed(subjects), form.text());
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return show(student, model, false);
		}
		redirect.addFlashAttribute("notice", "assessment.selfEvaluation.done");
		return "redirect:/programmes/" + id + "/course/self-evaluation";
	}

	private String show(Student student, Model model, boolean review) {
		var course = student.course();
		var language = language();
		Instant due = course.selfEvaluationDue().equals(Instant.MAX) ? null : course.selfEvaluationDue();
		model.addAttribute("programme", course.programme());
		model.addAttribute("language", language);
		model.addAttribute("scale", course.ratingScale());
		model.addAttribute("subjects", evaluations.subjects(student, language));
		model.addAttribute("evaluation", evaluations.evaluation(student).orElse(null));
		model.addAttribute("objectivesWritten", objectives.objectives(student).size() >= Objective.FEWEST);
		model.addAttribute("review", review);
		model.addAttribute("due", due);
		model.addAttribute("late", due != null && clock.instant().isAfter(due));
		return "assessment/self-evaluation";
	}

	private static Language language() {
		return Language.of(LocaleContextHolder.getLocale());
	}

}
