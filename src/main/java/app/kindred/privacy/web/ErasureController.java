package app.kindred.privacy.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.web.Confirmation;
import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationId;
import app.kindred.privacy.ErasureRequestId;
import app.kindred.privacy.internal.ErasureService;

/**
 * Erasure: a person asks on their account (a page that says what happens first), the
 * coordinators of the organisations they take part in see the request with what holds it
 * back, and carry it out (after a confirmation) or refuse it with a reason. Anyone who is
 * not staff of the organisation gets 404, staff who do not coordinate 403, and a request
 * of another organisation is not there (404).
 */
@Controller
class ErasureController {

	private final ErasureService erasure;

	ErasureController(ErasureService erasure) {
		this.erasure = erasure;
	}

	@GetMapping("/account/erasure")
	String ask(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("latest", erasure.latest(user.id()).orElse(null));
		return "privacy/erasure-ask";
	}

	/** A second open request is refused (409) by the service. */
	@PostMapping("/account/erasure")
	String asked(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		erasure.ask(user.id());
		redirect.addFlashAttribute("notice", "erasure.asked");
		return "redirect:/account/erasure";
	}

	@PostMapping("/account/erasure/withdraw")
	String withdraw(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		erasure.withdraw(user.id());
		redirect.addFlashAttribute("notice", "erasure.withdrawn");
		return "redirect:/account/erasure";
	}

	@GetMapping("/organisations/{id}/erasures")
	String list(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("requests", erasure.open(id, user.id()));
		model.addAttribute("organisation", erasure.organisation(id, user.id()));
		return "privacy/erasures";
	}

	@GetMapping("/organisations/{id}/erasures/{request}")
	String show(@PathVariable OrganisationId id, @PathVariable ErasureRequestId request,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("refuse", RefuseForm.blank());
		return page(id, request, user, model);
	}

	/**
	 * Asks first: erasing cannot be undone and tells the person by e-mail. A hold that
	 * applies, or a request decided meanwhile, is refused with a 409.
	 */
	@PostMapping("/organisations/{id}/erasures/{request}/erase")
	String erase(@PathVariable OrganisationId id, @PathVariable ErasureRequestId request,
			@RequestParam(defaultValue = "false") boolean confirmed, @AuthenticationPrincipal CurrentUser user,
			Model model, RedirectAttributes redirect) {
		if (!confirmed) {
			var pending = erasure.pending(id, request, user.id());
			if (pending.request().open() && !pending.held()) {
				var base = "/organisations/" + id + "/erasures/" + request;
				return Confirmation.ask("erasure.confirm.title", pending.person().displayName())
					.detail("erasure.confirm.detail")
					.detail("erasure.confirm.kept")
					.told(1, "erasure.confirm.toldWho")
					.confirm(base + "/erase", "erasure.confirm.button")
					.back(base, "erasure.confirm.back")
					.show(model);
			}
		}
		erasure.carryOut(id, request, user.id());
		redirect.addFlashAttribute("notice", "erasure.done");
		return "redirect:/organisations/" + id + "/erasures";
	}

	@PostMapping("/organisations/{id}/erasures/{request}/refuse")
	String refuse(@PathVariable OrganisationId id, @PathVariable ErasureRequestId request,
			@ModelAttribute("refuse") RefuseForm form, BindingResult result, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!form.check(result)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(id, request, user, model);
		}
		erasure.refuse(id, request, form.reason(), user.id());
		redirect.addFlashAttribute("notice", "erasure.refusedDone");
		return "redirect:/organisations/" + id + "/erasures";
	}

	private String page(OrganisationId id, ErasureRequestId request, CurrentUser user, Model model) {
		model.addAttribute("pending", erasure.pending(id, request, user.id()));
		model.addAttribute("organisation", erasure.organisation(id, user.id()));
		return "privacy/erasure";
	}

}
