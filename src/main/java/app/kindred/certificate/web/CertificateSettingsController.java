package app.kindred.certificate.web;

import java.util.EnumMap;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
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

import app.kindred.certificate.internal.CertificateService;
import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;

/**
 * A programme's certificate settings, for its coordinators: the rule for mentors, whether
 * participants may ask for a certificate and after how many meetings, the role's text per
 * language and who signs.
 */
@Controller
class CertificateSettingsController {

	private final CertificateService certificates;

	private final ProgrammeAccess access;

	private final MessageSource messages;

	CertificateSettingsController(CertificateService certificates, ProgrammeAccess access, MessageSource messages) {
		this.certificates = certificates;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/programmes/{id}/certificates/settings")
	String page(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", CertificateSettingsForm.of(certificates.settings(id, user.id())));
		return render(id, user, model);
	}

	@PostMapping("/programmes/{id}/certificates/settings")
	String save(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") CertificateSettingsForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		access.coordinated(id, user.id());
		var checked = form.check(result);
		if (checked.isEmpty()) {
			return render(id, user, model);
		}
		try {
			certificates.saveSettings(id, checked.get(), user.id());
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return render(id, user, model);
		}
		redirect.addFlashAttribute("notice", "certificate.settings.saved");
		return "redirect:/programmes/" + id + "/certificates/settings";
	}

	private String render(ProgrammeId id, CurrentUser user, Model model) {
		// Kindred's own role text in each language, shown beside its field
		var defaults = new EnumMap<Language, String>(Language.class);
		for (var language : Language.values()) {
			defaults.put(language, messages.getMessage("certificate.role.default", null, language.locale()));
		}
		model.addAttribute("programme", access.coordinated(id, user.id()));
		model.addAttribute("defaultRoleTexts", defaults);
		model.addAttribute("languages", Language.values());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "certificate/settings";
	}

}
