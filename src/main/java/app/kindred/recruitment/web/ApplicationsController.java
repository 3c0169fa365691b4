package app.kindred.recruitment.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;

import app.kindred.core.Language;
import app.kindred.core.web.Dates;
import app.kindred.core.web.SpreadsheetCsv;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.Applications;
import app.kindred.recruitment.RecruitmentRole;

/** Coordinators follow the call for mentors and the sign-up, and export them. */
@Controller
class ApplicationsController {

	private final Applications applications;
	private final MessageSource messages;
	private final Dates dates;

	ApplicationsController(Applications applications, MessageSource messages, Dates dates) {
		this.applications = applications;
		this.messages = messages;
		this.dates = dates;
	}

	@GetMapping("/programmes/{id}/applications")
	String list(@PathVariable UUID id, @RequestParam(defaultValue = "participant") String role,
			@RequestParam(required = false) String state, @AuthenticationPrincipal CurrentUser user, Model model) {
		var programmeId = new ProgrammeId(id);
		var as = role(role);
		var overview = applications.overview(programmeId, as, state(state), user.id());
		model.addAttribute("programme", overview.programme());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		model.addAttribute("role", as);
		model.addAttribute("roles", RecruitmentRole.values());
		model.addAttribute("states", ApplicationState.values());
		model.addAttribute("state", state(state));
		model.addAttribute("counts", overview.counts());
		model.addAttribute("applicants", overview.applicants());
		model.addAttribute("audit", overview.audit());
		return "recruitment/applications";
	}

	/** Removing someone needs a reason for the audit trail; without one the page comes back with a 422. */
	@PostMapping("/programmes/{id}/applications/{applicationId}/remove")
	String remove(@PathVariable UUID id, @PathVariable UUID applicationId, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "participant") String role, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (reason.isBlank() || reason.length() > 500) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("removeError", "applications.remove.reasonRequired");
			return list(id, role, null, user, model);
		}
		applications.remove(new ProgrammeId(id), applicationId, reason, user.id());
		redirect.addFlashAttribute("notice", "applications.removed");
		return "redirect:/programmes/" + id + "/applications?role=" + role(role).path();
	}

	@GetMapping("/programmes/{id}/applications.csv")
	void export(@PathVariable UUID id, @RequestParam(defaultValue = "participant") String role,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		var as = role(role);
		var locale = LocaleContextHolder.getLocale();
		var rows = applications.list(new ProgrammeId(id), as, null, user.id())
			.stream()
			.map(a -> List.of(String.valueOf(a.arrival()), text("signUp.state." + a.state() + ".short", locale),
					a.position() == 0 ? "" : String.valueOf(a.position()), a.name(), a.email(), a.languages(),
					text("signUp.delivery." + a.delivery() + ".short", locale), nullToEmpty(a.department()),
					nullToEmpty(a.motivation()), nullToEmpty(a.experience()), dates.dateTime(a.createdAt())))
			.toList();
		var header = Arrays.stream(new String[] { "arrival", "state", "position", "name", "email", "languages",
				"delivery", "department", "motivation", "experience", "submitted" })
			.map(column -> text("applications.column." + column, locale))
			.toList();
		SpreadsheetCsv.write(response, "applications-" + as.path() + ".csv", header, rows);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	private static ApplicationState state(String value) {
		return value == null || value.isBlank() ? null
				: Arrays.stream(ApplicationState.values()).filter(s -> s.name().equals(value)).findFirst().orElse(null);
	}

	private static RecruitmentRole role(String path) {
		return RecruitmentRole.fromPath(path);
	}
}
