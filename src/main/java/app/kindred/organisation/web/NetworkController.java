package app.kindred.organisation.web;

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

import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.internal.NetworkService;

/**
 * A network's members and invitations (for its admins), and for a university the networks
 * it takes part in and the invitations waiting for its admins' answer.
 */
@Controller
class NetworkController {

	private final NetworkService networks;

	NetworkController(NetworkService networks) {
		this.networks = networks;
	}

	@GetMapping("/organisations/{id}/network")
	String show(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", NetworkInviteForm.blank());
		return page(id, user, model);
	}

	@PostMapping("/organisations/{id}/network/members")
	String invite(@PathVariable OrganisationId id, @AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") NetworkInviteForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		var page = page(id, user, model);
		if (result.hasErrors()) {
			return page;
		}
		try {
			networks.invite(id, form.organisation(), user.id());
		}
		catch (Refused refused) {
			Refusals.show(refused, result, model, response);
			return page;
		}
		redirect.addFlashAttribute("notice", "network.invited");
		return "redirect:/organisations/" + id + "/network";
	}

	@PostMapping("/organisations/{id}/network/members/{member}/remove")
	String remove(@PathVariable OrganisationId id, @PathVariable OrganisationId member,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		networks.remove(id, member, user.id());
		redirect.addFlashAttribute("notice", "network.removed");
		return "redirect:/organisations/" + id + "/network";
	}

	@PostMapping("/organisations/{id}/network/memberships/{network}/accept")
	String accept(@PathVariable OrganisationId id, @PathVariable OrganisationId network,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		networks.accept(id, network, user.id());
		redirect.addFlashAttribute("notice", "network.accepted");
		return "redirect:/organisations/" + id + "/network";
	}

	@PostMapping("/organisations/{id}/network/memberships/{network}/decline")
	String decline(@PathVariable OrganisationId id, @PathVariable OrganisationId network,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		networks.decline(id, network, user.id());
		redirect.addFlashAttribute("notice", "network.declined");
		return "redirect:/organisations/" + id + "/network";
	}

	@PostMapping("/organisations/{id}/network/memberships/{network}/leave")
	String leave(@PathVariable OrganisationId id, @PathVariable OrganisationId network,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		networks.leave(id, network, user.id());
		redirect.addFlashAttribute("notice", "network.left");
		return "redirect:/organisations/" + id + "/network";
	}

	private String page(OrganisationId id, CurrentUser user, Model model) {
		model.addAttribute("overview", networks.overview(id, user.id()));
		return "organisation/network";
	}

}
