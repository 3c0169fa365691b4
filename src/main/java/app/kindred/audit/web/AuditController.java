package app.kindred.audit.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import app.kindred.audit.ReadKind;
import app.kindred.audit.internal.AuditService;
import app.kindred.core.Language;
import app.kindred.core.web.Dates;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationId;

/**
 * The record of staff reading others' sensitive data: the whole organisation's for its
 * admins, filtered by person (an e-mail address, as reader or as the one read), kind and
 * period, newest first and paged; and each person's own, who read their data.
 */
@Controller
class AuditController {

	private final AuditService audit;

	private final Accounts accounts;

	private final Dates dates;

	AuditController(AuditService audit, Accounts accounts, Dates dates) {
		this.audit = audit;
		this.accounts = accounts;
		this.dates = dates;
	}

	@GetMapping("/organisations/{id}/audit")
	String organisation(@PathVariable OrganisationId id, @RequestParam(required = false) String person,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "0") String page,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response) {
		var language = Language.of(LocaleContextHolder.getLocale());
		var email = person == null ? "" : person.strip();
		// Someone unknown read nothing and was read by nobody: an id no account has
		var who = email.isEmpty() ? null
				: accounts.findByEmail(email).map(a -> a.id()).orElseGet(() -> new AccountId(new UUID(0, 0)));
		var what = Arrays.stream(ReadKind.values())
			.filter(k -> k.name().equals(kind == null ? "" : kind.toUpperCase(Locale.ROOT)))
			.findFirst()
			.orElse(null);
		LocalDate since = null;
		LocalDate until = null;
		String problem = null;
		try {
			since = blank(from) ? null : Dates.parseDate(from);
			until = blank(to) ? null : Dates.parseDate(to);
		}
		catch (DateTimeException bad) {
			problem = "audit.filter.badDate";
		}
		if (problem == null && since != null && until != null && until.isBefore(since)) {
			problem = "audit.filter.toBeforeFrom";
		}
		int number = page.matches("\\d{1,6}") ? Integer.parseInt(page) : 0;
		if (problem != null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		var zone = dates.zone();
		var shown = problem != null ? audit.nothing(id, user.id())
				: audit.organisation(id, user.id(), who, what,
						since == null ? null : since.atStartOfDay(zone).toInstant(),
						until == null ? null : until.plusDays(1).atStartOfDay(zone).toInstant(), number, language);
		model.addAttribute("organisationId", id.value());
		model.addAttribute("page", shown);
		model.addAttribute("problem", problem);
		model.addAttribute("kinds", ReadKind.values());
		model.addAttribute("person", email);
		model.addAttribute("kind", what);
		model.addAttribute("from", from == null ? "" : from.strip());
		model.addAttribute("to", to == null ? "" : to.strip());
		return "audit/organisation";
	}

	@GetMapping("/account/audit")
	String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("entries", audit.ofSubject(user.id(), Language.of(LocaleContextHolder.getLocale())));
		return "audit/mine";
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
