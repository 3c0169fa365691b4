package app.kindred.privacy.web;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

import app.kindred.privacy.internal.PrivacyNoticeService;
import app.kindred.core.Language;
import app.kindred.core.web.PublicRoutes;
import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationId;

/**
 * Privacy notices: an organisation's, public to everyone in the viewer's language (or
 * another, said so), Kindred's general one, the admins' editing of their organisation's,
 * and the acknowledgement of the notice Home shows after the first sign-in.
 */
@Controller
class PrivacyNoticeController {

	private final PrivacyNoticeService notices;

	PrivacyNoticeController(PrivacyNoticeService notices) {
		this.notices = notices;
	}

	@GetMapping("/organisations/{id}/privacy")
	String notice(@PathVariable OrganisationId id, Model model) {
		model.addAttribute("notice", notices.notice(id, Language.of(LocaleContextHolder.getLocale())));
		return "privacy/notice-page";
	}

	@GetMapping("/privacy")
	String general(Model model) {
		model.addAttribute("notice", null);
		return "privacy/notice-page";
	}

	@GetMapping("/organisations/{id}/privacy-notice/edit")
	String edit(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var editing = notices.editing(id, user.id());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", PrivacyNoticeForm.of(editing.texts()));
		}
		model.addAttribute("organisation", editing.organisation());
		return "privacy/notice-edit";
	}

	@PostMapping("/organisations/{id}/privacy-notice/edit")
	String save(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") PrivacyNoticeForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		var editing = notices.editing(id, user.id());
		if (result.hasErrors()) {
			model.addAttribute("organisation", editing.organisation());
			return "privacy/notice-edit";
		}
		notices.save(id, user.id(), form.texts());
		redirect.addFlashAttribute("notice", "privacy.notice.saved");
		return "redirect:/organisations/" + id + "/privacy-notice/edit";
	}

	/** Read: Home no longer shows it. Back to Home, where it stood. */
	@PostMapping("/account/privacy-notice/seen")
	String seen(@AuthenticationPrincipal CurrentUser user) {
		notices.acknowledge(user.id());
		return "redirect:/";
	}

	@Configuration(proxyBeanMethods = false)
	static class Routes {

		@Bean
		PublicRoutes privacyNoticeRoutes() {
			return () -> List.of("/privacy", "/organisations/*/privacy");
		}

	}

}
