package app.kindred.organisation.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;
import app.kindred.organisation.internal.LogoService;

/**
 * The organisation's logo for its certificates, set by its admins. Uploads larger than
 * the servlet's multipart limit never reach here: Tomcat refuses them with the 413 page.
 */
@Controller
class LogoController {

	private final LogoService logos;

	private final Organisations organisations;

	LogoController(LogoService logos, Organisations organisations) {
		this.logos = logos;
		this.organisations = organisations;
	}

	@GetMapping("/organisations/{id}/logo")
	String show(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", LogoForm.blank());
		return page(id, user, model);
	}

	@PostMapping("/organisations/{id}/logo")
	String upload(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("form") LogoForm form, BindingResult result, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		organisations.require(id, user.id(), Role.ORG_ADMIN);
		var content = form.check(result);
		if (content.isEmpty()) {
			return page(id, user, model);
		}
		try {
			logos.upload(id, content.get(), user.id());
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return page(id, user, model);
		}
		redirect.addFlashAttribute("notice", "organisation.logo.saved");
		return "redirect:/organisations/" + id + "/logo";
	}

	@PostMapping("/organisations/{id}/logo/remove")
	String remove(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		var removed = logos.remove(id, user.id());
		redirect.addFlashAttribute("notice", removed ? "organisation.logo.removed" : "organisation.logo.none");
		return "redirect:/organisations/" + id + "/logo";
	}

	private String page(OrganisationId id, CurrentUser user, Model model) {
		model.addAttribute("organisation", organisations.require(id, user.id(), Role.ORG_ADMIN));
		model.addAttribute("logo", logos.logo(id, user.id()).orElse(null));
		model.addAttribute("maxKilobytes", LogoService.MAX_KILOBYTES);
		return "organisation/logo";
	}

}
