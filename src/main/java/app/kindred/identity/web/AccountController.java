package app.kindred.identity.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.AccountContributor;
import app.kindred.core.HomeContributor;
import app.kindred.core.Language;
import app.kindred.core.web.Dates;
import app.kindred.identity.CurrentUser;
import app.kindred.identity.SignedIn;
import app.kindred.identity.AccountService;
import app.kindred.identity.LikelyZones;

@Controller
class AccountController {

	private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

	/** Offered to everyone among the likely zones: where Kindred's universities are. */
	private static final List<ZoneId> REGION = List.of(Dates.DEFAULT_ZONE, ZoneId.of("Europe/Stockholm"));

	private final AccountService accounts;

	private final Passwords passwords;

	private final List<LikelyZones> likelyZones;

	private final List<AccountContributor> contributors;

	private final Clock clock;

	AccountController(AccountService accounts, Passwords passwords, List<LikelyZones> likelyZones,
			List<AccountContributor> contributors, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.likelyZones = likelyZones;
		this.contributors = contributors;
		this.clock = clock;
	}

	/**
	 * What other modules show on the account page (the certificates held), drawn after
	 * the profile and the password.
	 */
	@ModelAttribute("sections")
	List<AccountContributor.Section> sections(@AuthenticationPrincipal CurrentUser user, Model model) {
		var viewer = new HomeContributor.Viewer(user.id().value(), Language.of(LocaleContextHolder.getLocale()),
				user.zone(), clock.instant());
		model.addAttribute("viewer", viewer);
		return contributors.stream()
			.flatMap(c -> c.sections(viewer).stream())
			.sorted(Comparator.comparingInt(AccountContributor.Section::order))
			.toList();
	}

	/**
	 * The zones to offer first: the person's own, those of the organisations and
	 * programmes they take part in, and the region's; the rest of the full list after
	 * them. The browser's own zone joins the first ones by script.
	 */
	@ModelAttribute("zones")
	Zones zones(@AuthenticationPrincipal CurrentUser user) {
		// The person's own zone first, even one the full list does not name (an offset),
		// so that saving keeps it
		var likely = new LinkedHashSet<String>();
		likely.add(user.zone().getId());
		likelyZones.forEach(z -> z.of(user.id()).forEach(zone -> likely.add(zone.getId())));
		REGION.forEach(zone -> likely.add(zone.getId()));
		return new Zones(List.copyOf(likely), ZONES.stream().filter(z -> !likely.contains(z)).toList());
	}

	record Zones(List<String> likely, List<String> others) {
	}

	@ModelAttribute("languages")
	Language[] languages() {
		return Language.values();
	}

	@GetMapping("/account")
	String show(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", new ProfileForm(user.displayName(), user.language(), user.zone().getId()));
		model.addAttribute("passwordForm", PasswordChangeForm.empty());
		return "identity/account";
	}

	@PostMapping("/account")
	String update(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ProfileForm form,
			BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		var zone = form.check(result);
		if (zone.isEmpty()) {
			model.addAttribute("passwordForm", PasswordChangeForm.empty());
			return "identity/account";
		}
		accounts.updateProfile(user.id(), form.displayName(), form.language(), zone.get());
		user.refresh(form.displayName().strip(), form.language(), zone.get());
		SignedIn.remember(request);
		redirect.addFlashAttribute("notice", "account.saved");
		return "redirect:/account";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("passwordForm") PasswordChangeForm form, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		passwords.check(form.newPassword(), form.newPasswordConfirmation(), user.email(), user.displayName(),
				"newPassword", "newPasswordConfirmation", result);
		if (!result.hasErrors() && accounts.changePassword(user, form.currentPassword(),
				form.newPassword()) == AccountService.Outcome.WRONG_PASSWORD) {
			result.rejectValue("currentPassword", "account.password.wrong");
		}
		if (result.hasErrors()) {
			model.addAttribute("form", new ProfileForm(user.displayName(), user.language(), user.zone().getId()));
			return "identity/account";
		}
		// Every other session of the account has ended; this one stays, under a new id,
		// with the new credentials version.
		SignedIn.remember(request);
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		redirect.addFlashAttribute("notice", "account.password.changed");
		return "redirect:/account";
	}

}
