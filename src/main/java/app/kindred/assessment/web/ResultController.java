package app.kindred.assessment.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import app.kindred.assessment.internal.AssessmentService;
import app.kindred.core.Language;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/**
 * A credit-seeking mentor's result: the decision in force with its justification and
 * criteria, the earlier ones, and after a fail how to supplement. Only for the mentor
 * herself; anyone else gets a 404.
 */
@Controller
class ResultController {

	private final AssessmentService assessment;

	ResultController(AssessmentService assessment) {
		this.assessment = assessment;
	}

	@GetMapping("/programmes/{id}/course/result")
	String result(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var page = assessment.result(id, user.id());
		model.addAttribute("page", page);
		model.addAttribute("programme", page.course().programme());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "assessment/result";
	}

}
