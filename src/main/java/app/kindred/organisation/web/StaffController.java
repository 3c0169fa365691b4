package app.kindred.organisation.web;

import java.util.UUID;

import jakarta.validation.Valid;

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

import app.kindred.core.Language;
import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;
import app.kindred.organisation.internal.StaffService;

@Controller
class StaffController {

	private final StaffService staff;

	private final Organisations organisations;

	StaffController(StaffService staff, Organisations organisations) {
		this.staff = staff;
		this.organisations = organisations;
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@GetMapping("/organisations/{id}/staff")
	String show(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", InviteForm.blank());
		return page(id, user, model);
	}

	/**
	 * htmx posts here and gets the staff section back; without JavaScript the whole page
	 * comes back.
	 */
	@PostMapping("/organisations/{id}/staff/invitations")
	String invite(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") InviteForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		organisations.require(id, user.id(), Role.ORG_ADMIN);
		if (result.hasErrors()) {
			return page(id, user, model);
		}
		staff.invite(id, form.email(), form.role(), Language.of(LocaleContextHolder.getLocale()), user.id());
		redirect.addFlashAttribute("notice", "staff.invited");
		return "redirect:/organisations/" + id + "/staff";
	}

	@PostMapping("/organisations/{id}/staff/invitations/{invitationId}/revoke")
	String revoke(@PathVariable OrganisationId id, @PathVariable UUID invitationId,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		staff.revoke(id, invitationId, user.id());
		redirect.addFlashAttribute("notice", "staff.revoked");
		return "redirect:/organisations/" + id + "/staff";
	}

	@PostMapping("/organisations/{id}/staff/{membershipId}/remove")
	String remove(@PathVariable OrganisationId id, @PathVariable UUID membershipId,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		var removed = staff.remove(id, membershipId, user.id());
		redirect.addFlashAttribute("notice", removed ? "staff.removed" : "staff.lastAdmin");
		return "redirect:/organisations/" + id + "/staff";
	}

	private String page(OrganisationId id, CurrentUser user, Model model) {
		model.addAttribute("organisation", organisations.require(id, user.id(), Role.ORG_ADMIN));
		model.addAttribute("staff", staff.staff(id, user.id()));
		model.addAttribute("pending", staff.pending(id, user.id()));
		return "organisation/staff";
	}

}
