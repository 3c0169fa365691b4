package app.kindred.programme.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Language;
import app.kindred.identity.CurrentUser;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;
import app.kindred.programme.PlanRefused;
import app.kindred.programme.PlanVersionId;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.SessionPlans;
import java.util.List;

/**
 * The session plan a programme uses: its staff preview the whole plan; its coordinators
 * pick the published version the groups will follow.
 */
@Controller
class ProgrammePlanController {

	private final SessionPlans plans;

	private final ProgrammeService programmes;

	private final Organisations organisations;

	ProgrammePlanController(SessionPlans plans, ProgrammeService programmes, Organisations organisations) {
		this.plans = plans;
		this.programmes = programmes;
		this.organisations = organisations;
	}

	@ModelAttribute("allLanguages")
	Language[] languages() {
		return Language.values();
	}

	@GetMapping("/programmes/{id}/plan")
	String page(@PathVariable UUID id, @RequestParam(name = "in", required = false) String in,
			@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		var programmePlan = plans.programmePlan(new ProgrammeId(id), user.id());
		var programme = programmePlan.programme();
		var coordinator = organisations.rolesOf(programme.organisation(), user.id()).contains(Role.COORDINATOR);
		// The locale as resolved now, so that the request that switches language already
		// shows the new one
		var language = Language.of(locale);
		model.addAttribute("programme", programme);
		model.addAttribute("programmePlan", programmePlan);
		model.addAttribute("isCoordinator", coordinator);
		model.addAttribute("choices", coordinator ? plans.choices(programme.id(), user.id()) : List.of());
		model.addAttribute("language", language);
		model.addAttribute("textLinks", TextLanguageLinks.of("/programmes/" + id + "/plan"));
		model.addAttribute("textLanguage", Language.fromCode(in).orElse(language));
		return "programme/plans/programme";
	}

	@PostMapping("/programmes/{id}/plan")
	String choose(@PathVariable UUID id, @RequestParam(required = false) UUID version,
			@AuthenticationPrincipal CurrentUser user, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		var programme = programmes.forStaff(new ProgrammeId(id), user.id());
		organisations.require(programme.organisation(), user.id(), Role.COORDINATOR);
		try {
			if (version == null) {
				throw new PlanRefused(PlanRefused.Reason.NOT_PUBLISHED);
			}
			plans.choose(programme.id(), new PlanVersionId(version), user.id());
		}
		catch (PlanRefused refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("chooseError", "plans.choose.invalid");
			return page(id, null, user, model, locale);
		}
		redirect.addFlashAttribute("notice", "plans.chosen");
		return "redirect:/programmes/" + id + "/plan";
	}

}
