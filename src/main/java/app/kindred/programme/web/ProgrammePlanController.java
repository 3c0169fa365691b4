package app.kindred.programme.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

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
import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.internal.PlanVersionId;
import app.kindred.programme.internal.ProgrammePlanService;

/**
 * The session plan a programme uses: its staff preview the whole plan; its coordinators
 * pick the published version the groups will follow.
 */
@Controller
class ProgrammePlanController {

	private final ProgrammePlanService plans;

	private final ProgrammeAccess access;

	ProgrammePlanController(ProgrammePlanService plans, ProgrammeAccess access) {
		this.plans = plans;
		this.access = access;
	}

	@ModelAttribute("allLanguages")
	Language[] languages() {
		return Language.values();
	}

	@GetMapping("/programmes/{id}/plan")
	String page(@PathVariable ProgrammeId id, @RequestParam(name = "in", required = false) String in,
			@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		var programmePlan = plans.programmePlan(id, user.id());
		var programme = programmePlan.programme();
		var coordinator = access.coordinates(programme, user.id());
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
	String choose(@PathVariable ProgrammeId id, @RequestParam(required = false) PlanVersionId version,
			@AuthenticationPrincipal CurrentUser user, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			plans.choose(id, version, user.id());
		}
		catch (Refused refused) {
			Refusals.show(refused, null, model, response);
			return page(id, null, user, model, locale);
		}
		redirect.addFlashAttribute("notice", "plans.chosen");
		return "redirect:/programmes/" + id + "/plan";
	}

}
