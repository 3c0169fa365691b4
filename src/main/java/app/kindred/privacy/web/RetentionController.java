package app.kindred.privacy.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Language;
import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationId;
import app.kindred.privacy.internal.ErasureService;
import app.kindred.privacy.internal.RetentionService;

/**
 * The organisation admin's privacy settings: the retention period after a programme's
 * end, which checks hold an erasure back, and the dry run of what retention will remove
 * from each programme and when.
 */
@Controller
class RetentionController {

	private final RetentionService retention;

	private final ErasureService erasure;

	RetentionController(RetentionService retention, ErasureService erasure) {
		this.retention = retention;
		this.erasure = erasure;
	}

	@GetMapping("/organisations/{id}/retention")
	String show(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var settings = retention.settings(id, user.id());
		model.addAttribute("form",
				RetentionForm.of(settings.retentionMonths(), erasure.holdKinds().keySet(), settings.waivedHolds()));
		return page(id, user, model);
	}

	@PostMapping("/organisations/{id}/retention")
	String save(@PathVariable OrganisationId id, @ModelAttribute("form") RetentionForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		retention.organisation(id, user.id());
		var kinds = erasure.holdKinds().keySet();
		var months = form.check(result, kinds);
		if (months == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(id, user, model);
		}
		retention.save(id, months, form.waived(kinds), user.id());
		redirect.addFlashAttribute("notice", "retention.saved");
		return "redirect:/organisations/" + id + "/retention";
	}

	private String page(OrganisationId id, CurrentUser user, Model model) {
		model.addAttribute("organisation", retention.organisation(id, user.id()));
		model.addAttribute("kinds", erasure.holdKinds());
		model.addAttribute("planned", retention.dryRun(id, user.id()));
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "privacy/retention";
	}

}
