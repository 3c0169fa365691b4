package app.kindred.certificate.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.certificate.internal.CertificateService;
import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.core.web.Confirmation;
import app.kindred.core.web.Refusals;
import app.kindred.identity.AccountId;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;

/**
 * The coordinators' certificates page: who qualifies for which certificate and why not,
 * the certificates issued and revoked; issuing to all who qualify (after a confirmation
 * saying how many will be told), to one person (with a reason when overriding the rule),
 * and revoking with a reason. A participant asks for their own participation certificate
 * from their Home. A refused form comes back on the page at its row's field (422).
 */
@Controller
class CertificatesController {

	private final CertificateService certificates;

	private final ProgrammeAccess access;

	CertificatesController(CertificateService certificates, ProgrammeAccess access) {
		this.certificates = certificates;
		this.access = access;
	}

	@GetMapping("/programmes/{id}/certificates")
	String page(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return render(id, user, model);
	}

	/**
	 * Without {@code confirmed}, answers the confirmation saying how many will be told;
	 * with it (or when nobody would be), issues.
	 */
	@PostMapping("/programmes/{id}/certificates/issue")
	String issueAll(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			@RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes redirect) {
		if (!confirmed) {
			var told = certificates.toBeToldOfIssueAll(id, user.id());
			if (told.certificates() > 0) {
				model.addAttribute("programme", access.coordinated(id, user.id()));
				model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
				return Confirmation.ask("certificate.issue.confirm.title")
					.detail("certificate.issue.confirm.detail", told.certificates())
					.told(told.people(), "certificate.issue.confirm.toldWho")
					.confirm("/programmes/" + id.value() + "/certificates/issue", "certificate.issue.confirm.button")
					.back("/programmes/" + id.value() + "/certificates", "certificate.issue.confirm.back")
					.show(model);
			}
		}
		var issued = certificates.issueAll(id, user.id());
		redirect.addFlashAttribute("notice",
				issued.isEmpty() ? "certificate.issue.all.none" : "certificate.issue.all.done");
		return "redirect:/programmes/" + id + "/certificates";
	}

	@PostMapping("/programmes/{id}/certificates/issue/{account}")
	String issue(@PathVariable ProgrammeId id, @PathVariable AccountId account,
			@Valid @ModelAttribute("issueForm") IssueForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		access.coordinated(id, user.id());
		var kind = form.check(result);
		model.addAttribute("issueFor", account.value() + ":" + form.kind());
		if (kind.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(id, user, model);
		}
		try {
			var issued = certificates.issue(id, account, kind.get(), form.reason(), user.id());
			redirect.addFlashAttribute("notice",
					issued.issuedNow() ? "certificate.issue.one.done" : "certificate.issue.one.already");
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return render(id, user, model);
		}
		return "redirect:/programmes/" + id + "/certificates";
	}

	@PostMapping("/programmes/{id}/certificates/{certificate}/revoke")
	String revoke(@PathVariable ProgrammeId id, @PathVariable UUID certificate,
			@Valid @ModelAttribute("revokeForm") RevokeForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		certificates.certificate(id, certificate, user.id());
		var reason = form.check(result);
		model.addAttribute("revokeFor", certificate);
		if (reason.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(id, user, model);
		}
		try {
			certificates.revoke(id, certificate, reason.get(), user.id());
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return render(id, user, model);
		}
		redirect.addFlashAttribute("notice", "certificate.issue.revoke.done");
		return "redirect:/programmes/" + id + "/certificates";
	}

	/**
	 * A participant's own request: 404 where the programme offers none or they have no
	 * place in its groups, 409 while the rolls record too few meetings attended.
	 */
	@PostMapping("/programmes/{id}/certificates/request")
	String request(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		var issued = certificates.request(id, user.id());
		redirect.addFlashAttribute("notice",
				issued.issuedNow() ? "certificate.issue.request.done" : "certificate.issue.request.already");
		return "redirect:/";
	}

	private String render(ProgrammeId id, CurrentUser user, Model model) {
		var overview = certificates.overview(id, user.id());
		model.addAttribute("overview", overview);
		model.addAttribute("programme", overview.programme());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		if (!model.containsAttribute("issueForm")) {
			model.addAttribute("issueForm", IssueForm.empty());
		}
		if (!model.containsAttribute("revokeForm")) {
			model.addAttribute("revokeForm", RevokeForm.empty());
		}
		return "certificate/certificates";
	}

}
