package app.kindred.identity.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.kindred.core.Language;
import app.kindred.core.web.DatabaseFailures;
import app.kindred.identity.AccountService;
import app.kindred.identity.CurrentUser;
import app.kindred.identity.ExternalSignIn;

@Controller
class SignInController {

	private final AccountService accounts;

	private final ObjectProvider<ExternalSignIn> external;

	SignInController(AccountService accounts, ObjectProvider<ExternalSignIn> external) {
		this.accounts = accounts;
		this.external = external;
	}

	/** How long a throttled client still waits, as the message with that key says it. */
	record Wait(String key, long amount) {
	}

	@GetMapping("/sign-in")
	String signIn(@RequestParam(required = false) String error, HttpSession session, Authentication authentication,
			HttpServletRequest request, Model model) {
		if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		var email = session.getAttribute(CurrentUser.SIGN_IN_EMAIL);
		session.removeAttribute(CurrentUser.SIGN_IN_EMAIL);
		model.addAttribute("email", email == null ? "" : email);
		var sso = external.getIfAvailable();
		model.addAttribute("providers", buttons(sso));
		if (error != null) {
			var externalKey = sso == null ? Optional.<String>empty() : sso.messageKey(error);
			model.addAttribute("errorKey", externalKey.orElseGet(() -> switch (error) {
				case "throttled" -> "signIn.error.throttled";
				case "unverified" -> "signIn.error.unverified";
				case "unavailable" -> "signIn.error.unavailable";
				case "passwordOff" -> "signIn.error.passwordOff";
				default -> "signIn.error.bad";
			}));
		}
		if ("throttled".equals(error) && email instanceof String typed) {
			// Asked again rather than carried in the link, so the time shown is the one
			// the server will hold to.
			accounts.signInWait(typed, request.getRemoteAddr()).ifPresent(wait -> {
				long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
				model.addAttribute("retryIn", seconds < 60 ? new Wait("signIn.retry.seconds", seconds)
						: new Wait("signIn.retry.minutes", (seconds + 59) / 60));
			});
		}
		return "identity/sign-in";
	}

	/**
	 * The universities' buttons; none while the database is away, so that the page can
	 * still say why signing in did not work.
	 */
	private static List<ExternalSignIn.Button> buttons(ExternalSignIn sso) {
		if (sso == null) {
			return List.of();
		}
		try {
			return sso.buttons(Language.of(LocaleContextHolder.getLocale()));
		}
		catch (RuntimeException e) {
			if (DatabaseFailures.unavailable(e)) {
				return List.of();
			}
			throw e;
		}
	}

}
