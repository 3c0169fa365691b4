package app.kindred.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.identity.AccountService;

@Controller
class PasswordController {

	private final AccountService accounts;

	private final Passwords passwords;

	PasswordController(AccountService accounts, Passwords passwords) {
		this.accounts = accounts;
		this.passwords = passwords;
	}

	@GetMapping("/password/forgot")
	String forgotForm(Model model) {
		model.addAttribute("form", new EmailForm(""));
		return "identity/forgot";
	}

	@PostMapping("/password/forgot")
	String forgot(@Valid @ModelAttribute("form") EmailForm form, BindingResult result, HttpServletRequest request,
			Model model) {
		if (result.hasErrors()) {
			return "identity/forgot";
		}
		// The same answer whether a mail went out, the address is unknown, or a mail
		// limit was reached.
		accounts.requestPasswordReset(form.email(), request.getRemoteAddr());
		model.addAttribute("sent", true);
		return "identity/forgot";
	}

	@GetMapping("/password/reset")
	String resetForm(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("valid", accounts.isResetTokenValid(token));
		model.addAttribute("form", new ResetForm(token, "", ""));
		return "identity/reset";
	}

	@PostMapping("/password/reset")
	String reset(@Valid @ModelAttribute("form") ResetForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		var owner = accounts.resetTokenOwner(form.token());
		// What was typed is answered at its fields first, as on every form; the link's
		// validity after that
		if (owner.isEmpty() && !result.hasErrors()) {
			model.addAttribute("valid", false);
			return "identity/reset";
		}
		owner.ifPresent(o -> passwords.check(form.password(), form.passwordConfirmation(), o.email(), o.displayName(),
				"password", "passwordConfirmation", result));
		if (result.hasErrors()) {
			model.addAttribute("valid", true);
			return "identity/reset";
		}
		if (accounts.resetPassword(form.token(), form.password()) != AccountService.Outcome.DONE) {
			model.addAttribute("valid", false);
			return "identity/reset";
		}
		redirect.addFlashAttribute("notice", "password.reset.done");
		return "redirect:/sign-in";
	}

}
