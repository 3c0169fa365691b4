package app.kindred.feedback.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import app.kindred.core.Language;
import app.kindred.feedback.internal.NetworkReports;
import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationId;

/**
 * A network's pooled report, for its admins and coordinators; optionally only the
 * programmes whose term starts in one year.
 */
@Controller
class NetworkReportController {

	private final NetworkReports reports;

	NetworkReportController(NetworkReports reports) {
		this.reports = reports;
	}

	@GetMapping("/organisations/{id}/report")
	String report(@PathVariable OrganisationId id, @RequestParam(required = false) Integer year,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("report", reports.report(id, user.id(), year, Language.of(LocaleContextHolder.getLocale())));
		return "feedback/network-report";
	}

}
