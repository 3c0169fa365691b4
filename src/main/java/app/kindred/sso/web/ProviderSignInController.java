package app.kindred.sso.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.web.PublicRoutes;
import app.kindred.identity.ExternalSignIn;
import app.kindred.organisation.OrganisationId;
import app.kindred.sso.internal.OrganisationRegistrations;
import app.kindred.sso.internal.PendingLink;
import app.kindred.sso.internal.SignInService;

/**
 * The way into a provider's sign-in, and proving that an existing account is one's own
 * before a provider's sign-in is joined to it: by the account's password once, or by a
 * link mailed to its address.
 */
@Controller
class ProviderSignInController {

	/** Longer than any password an account can have. */
	private static final int MAX_PASSWORD = 1000;

	private final OrganisationRegistrations registrations;

	private final SignInService service;

	private final AuthenticationManager authentication;

	private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	ProviderSignInController(OrganisationRegistrations registrations, SignInService service,
			AuthenticationManager authentication) {
		this.registrations = registrations;
		this.service = service;
		this.authentication = authentication;
	}

	@Bean
	static PublicRoutes ssoRoutes() {
		return () -> List.of("/sign-in/with/*", "/sign-in/link", "/sign-in/link/mail", "/sign-in/link/confirm");
	}

	/**
	 * Asks the provider's discovery first, so that a provider that cannot be reached is a
	 * message on the sign-in page rather than an error from the redirect.
	 */
	@GetMapping("/sign-in/with/{id}")
	String start(@PathVariable OrganisationId id) {
		if (registrations.registration(id).isEmpty()) {
			return "redirect:/sign-in?error=sso-unavailable";
		}
		return "redirect:" + ExternalSignIn.AUTHORIZE + "/" + id.value();
	}

	@GetMapping("/sign-in/link")
	String linkPage(HttpSession session, Model model) {
		if (!(session.getAttribute(PendingLink.ATTRIBUTE) instanceof PendingLink pending)) {
			return "redirect:/sign-in";
		}
		model.addAttribute("pending", pending);
		return "sso/link";
	}

	/**
	 * The account's password, checked as any sign-in is (throttled), proves it: the
	 * provider's sign-in is joined to it and the person is signed in.
	 */
	@PostMapping("/sign-in/link")
	String linkByPassword(@RequestParam(required = false) String password, HttpSession session,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!(session.getAttribute(PendingLink.ATTRIBUTE) instanceof PendingLink pending)) {
			return "redirect:/sign-in";
		}
		model.addAttribute("pending", pending);
		if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD) {
			response.setStatus(422);
			model.addAttribute("errorKey", "sso.link.password.required");
			return "sso/link";
		}
		try {
			var attempt = UsernamePasswordAuthenticationToken.unauthenticated(pending.email(), password);
			attempt.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
			var result = authentication.authenticate(attempt);
			service.link(pending);
			session.removeAttribute(PendingLink.ATTRIBUTE);
			request.changeSessionId();
			var holder = SecurityContextHolder.getContextHolderStrategy();
			var context = holder.createEmptyContext();
			context.setAuthentication(result);
			holder.setContext(context);
			contexts.saveContext(context, request, response);
			return "redirect:/?linked";
		}
		catch (AuthenticationException e) {
			response.setStatus(422);
			model.addAttribute("errorKey", switch (e.getClass().getSimpleName()) {
				case "SignInThrottledException" -> "sso.link.password.throttled";
				case "PasswordSignInOffException" -> "sso.link.password.off";
				case "InternalAuthenticationServiceException" -> "sso.error.unavailable";
				default -> "sso.link.password.wrong";
			});
			return "sso/link";
		}
	}

	@PostMapping("/sign-in/link/mail")
	String linkByMail(HttpSession session, Model model) {
		if (!(session.getAttribute(PendingLink.ATTRIBUTE) instanceof PendingLink pending)) {
			return "redirect:/sign-in";
		}
		model.addAttribute("pending", pending);
		model.addAttribute("sent", service.mailLink(pending));
		return "sso/link-sent";
	}

	@GetMapping("/sign-in/link/confirm")
	String confirmPage(@RequestParam(required = false) String token, Model model) {
		var target = service.linkTarget(token);
		if (target.isEmpty()) {
			throw new NotFoundException("link");
		}
		model.addAttribute("token", token);
		model.addAttribute("providerName", service.providerName(target.get(), language()));
		return "sso/link-confirm";
	}

	/** A button, not the link itself, joins the accounts: mail scanners open links. */
	@PostMapping("/sign-in/link/confirm")
	String confirm(@RequestParam(required = false) String token, HttpSession session, Model model) {
		var organisation = service.confirmLink(token);
		if (organisation.isEmpty()) {
			throw new NotFoundException("link");
		}
		session.removeAttribute(PendingLink.ATTRIBUTE);
		model.addAttribute("providerName", service.providerName(organisation.get(), language()));
		model.addAttribute("startPath", "/sign-in/with/" + organisation.get().value());
		return "sso/linked";
	}

	private static Language language() {
		return Language.of(LocaleContextHolder.getLocale());
	}

}
