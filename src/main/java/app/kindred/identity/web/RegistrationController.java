package app.kindred.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Language;
import app.kindred.core.web.Dates;
import app.kindred.identity.AccountService;

@Controller
class RegistrationController {

	private final AccountService accounts;

	private final Dates dates;

	private final Passwords passwords;

	RegistrationController(AccountService accounts, Dates dates, Passwords passwords) {
		this.accounts = accounts;
		this.dates = dates;
		this.passwords = passwords;
	}

	@GetMapping("/register")
	String form(Model model) {
		model.addAttribute("form", RegistrationForm.empty());
		return "identity/register";
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult result,
			HttpServletRequest request, RedirectAttributes redirect) {
		passwords.check(form.password(), form.passwordConfirmation(), form.email(), form.displayName(), "password",
				"passwordConfirmation", result);
		if (result.hasErrors()) {
			return "identity/register";
		}
		// A taken address gets the same answer as a new one; its owner is told by mail
		// instead.
		accounts.register(form.email(), form.displayName(), form.password(),
				Language.of(LocaleContextHolder.getLocale()), dates.zone(), request.getRemoteAddr());
		redirect.addFlashAttribute("email", form.email());
		return "redirect:/register/check-mail";
	}

	@GetMapping("/register/check-mail")
	String checkMail() {
		return "identity/check-mail";
	}

	@GetMapping("/verify")
	String verify(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("verified", accounts.verify(token) == AccountService.Outcome.DONE);
		model.addAttribute("form", new EmailForm(""));
		return "identity/verified";
	}

	@GetMapping("/verify/resend")
	String resendForm(Model model) {
		model.addAttribute("form", new EmailForm(""));
		return "identity/resend";
	}

	@PostMapping("/verify/resend")
	String resend(@Valid @ModelAttribute("form") EmailForm form, BindingResult result, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return "identity/resend";
		}
		accounts.resendVerification(form.email(), request.getRemoteAddr());
		redirect.addFlashAttribute("email", form.email());
		return "redirect:/register/check-mail";
	}

}
