package app.kindred.assessment.web;

import java.util.List;

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

import app.kindred.assessment.internal.AssessmentService;
import app.kindred.audit.ReadKind;
import app.kindred.audit.SensitiveReads;
import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.identity.AccountId;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/**
 * The teachers' assessment: the overview of every credit-seeking mentor, and one mentor's
 * page with the parts of their course a teacher may read and the decision form. A forged
 * mentor (not a credit student of this programme) is a 404; a decision that breaks a rule
 * comes back at its field with what was typed (422), nothing stored.
 */
@Controller
class AssessmentController {

	private final AssessmentService assessment;

	private final SensitiveReads reads;

	AssessmentController(AssessmentService assessment, SensitiveReads reads) {
		this.assessment = assessment;
		this.reads = reads;
	}

	@GetMapping("/programmes/{id}/assessment")
	String overview(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var overview = assessment.overview(id, user.id());
		model.addAttribute("overview", overview);
		model.addAttribute("programme", overview.course().programme());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "assessment/overview";
	}

	@GetMapping("/programmes/{id}/assessment/{mentor}")
	String mentor(@PathVariable ProgrammeId id, @PathVariable AccountId mentor,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		var page = assessment.mentor(id, mentor, user.id());
		// The teacher reads the mentor's self-evaluation and their co-mentors'
		// evaluations of
		// them
		reads.recordRead(user.id(), List.of(mentor), ReadKind.EVALUATION, page.course().programme(), "assessment");
		if (!model.containsAttribute("decisionForm")) {
			model.addAttribute("decisionForm", DecisionForm.empty());
		}
		model.addAttribute("page", page);
		model.addAttribute("programme", page.course().programme());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "assessment/mentor";
	}

	@PostMapping("/programmes/{id}/assessment/{mentor}")
	String decide(@PathVariable ProgrammeId id, @PathVariable AccountId mentor,
			@AuthenticationPrincipal CurrentUser user, @ModelAttribute("decisionForm") DecisionForm form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var page = assessment.mentor(id, mentor, user.id());
		var checked = form.check(page.course(), binding);
		if (checked.isEmpty()) {
			return mentor(id, mentor, user, model);
		}
		try {
			var decided = checked.get();
			assessment.decide(id, mentor, user.id(), decided.result(), decided.met(), decided.justification());
		}
		catch (Refused refused) {
			Refusals.show(refused, binding, model, response);
			return mentor(id, mentor, user, model);
		}
		redirect.addFlashAttribute("notice", "assessment.decision.saved");
		return "redirect:/programmes/" + id + "/assessment/" + mentor;
	}

}
