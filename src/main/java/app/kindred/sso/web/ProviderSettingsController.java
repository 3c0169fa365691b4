package app.kindred.sso.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.KindredProperties;
import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.identity.CurrentUser;
import app.kindred.identity.ExternalSignIn;
import app.kindred.organisation.OrganisationId;
import app.kindred.sso.internal.ProviderService;

/**
 * An organisation's sign-in through its university's provider, for its admins: the
 * issuer, the client registered there, the button's name, and whether its staff may still
 * sign in with a password.
 */
@Controller
class ProviderSettingsController {

	private final ProviderService providers;

	private final KindredProperties properties;

	ProviderSettingsController(ProviderService providers, KindredProperties properties) {
		this.providers = providers;
		this.properties = properties;
	}

	@GetMapping("/organisations/{id}/sign-in")
	String page(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var view = providers.view(id, user.id());
		model.addAttribute("form", ProviderForm.of(view));
		return render(id, user, view, model);
	}

	@PostMapping("/organisations/{id}/sign-in")
	String save(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") ProviderForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var view = providers.view(id, user.id());
		var checked = form.check(result);
		if (checked.isEmpty()) {
			response.setStatus(422);
			return render(id, user, view, model);
		}
		try {
			providers.save(id, checked.get(), user.id());
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return render(id, user, view, model);
		}
		redirect.addFlashAttribute("notice", "sso.settings.saved");
		return "redirect:/organisations/" + id + "/sign-in";
	}

	private String render(OrganisationId id, CurrentUser user, ProviderService.View view, Model model) {
		model.addAttribute("organisation", providers.administered(id, user.id()));
		model.addAttribute("view", view);
		model.addAttribute("canSeal", providers.canSeal());
		model.addAttribute("redirectUri", properties.link(ExternalSignIn.CALLBACK + id.value()));
		return "sso/settings";
	}

}
