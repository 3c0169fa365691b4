package app.kindred.identity.web;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.kindred.identity.CurrentUser;

@Controller
class SignInController {

	@GetMapping("/sign-in")
	String signIn(@RequestParam(required = false) String error, HttpSession session, Authentication authentication,
			Model model) {
		if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		var email = session.getAttribute(CurrentUser.SIGN_IN_EMAIL);
		session.removeAttribute(CurrentUser.SIGN_IN_EMAIL);
		model.addAttribute("email", email == null ? "" : email);
		if (error != null) {
			model.addAttribute("errorKey", switch (error) {
				case "throttled" -> "signIn.error.throttled";
				case "unverified" -> "signIn.error.unverified";
				case "unavailable" -> "signIn.error.unavailable";
				default -> "signIn.error.bad";
			});
		}
		return "identity/sign-in";
	}
}
