package app.kindred.organisation.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.NotFoundException;
import app.kindred.core.web.PublicRoutes;
import app.kindred.identity.CurrentUser;
import app.kindred.organisation.internal.StaffService;

@Controller
class InvitationController {

	private final StaffService staff;

	InvitationController(StaffService staff) {
		this.staff = staff;
	}

	@GetMapping("/invitations/{token}")
	String show(@PathVariable String token, @AuthenticationPrincipal CurrentUser user, Model model) {
		var invitation = staff.invitation(token).orElseThrow(() -> new NotFoundException("invitation"));
		model.addAttribute("invitation", invitation);
		model.addAttribute("signedInAs", user == null ? null : user.email());
		return "organisation/invitation";
	}

	/**
	 * A protected address to sign in through: afterwards Spring Security brings the user
	 * back to the invitation.
	 */
	@GetMapping("/invitations/{token}/sign-in")
	String signInFirst(@PathVariable String token) {
		return "redirect:/invitations/" + token;
	}

	@PostMapping("/invitations/{token}")
	String accept(@PathVariable String token, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		if (user == null) {
			return "redirect:/invitations/" + token + "/sign-in";
		}
		return switch (staff.accept(token, user.id(), user.email())) {
			case ACCEPTED -> "redirect:/organisations/" + staff.organisationOf(token).value();
			case WRONG_ACCOUNT -> {
				redirect.addFlashAttribute("notice", "invitation.wrongAccount");
				yield "redirect:/invitations/" + token;
			}
			case CLOSED -> {
				redirect.addFlashAttribute("notice", "invitation.closed");
				yield "redirect:/invitations/" + token;
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	static class Routes {

		/**
		 * Reading an invitation needs no account yet; accepting one does (POST is not
		 * opened here).
		 */
		@Bean
		PublicRoutes invitationRoutes() {
			return () -> List.of("/invitations/*");
		}

	}

}
