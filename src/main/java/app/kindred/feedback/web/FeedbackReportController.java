package app.kindred.feedback.web;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.kindred.core.Language;
import app.kindred.core.web.SpreadsheetCsv;
import app.kindred.feedback.internal.FeedbackReports;
import app.kindred.feedback.internal.SurveyReport;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/**
 * A programme's feedback report: the page and its PDF for the programme's coordinators
 * and the organisation's teachers; choosing quotes and the raw answers as CSV for the
 * coordinators. Outsiders get 404, other staff 403 (through {@code ProgrammeAccess}).
 */
@Controller
class FeedbackReportController {

	private final FeedbackReports reports;

	FeedbackReportController(FeedbackReports reports) {
		this.reports = reports;
	}

	@GetMapping("/programmes/{id}/feedback")
	String page(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var language = Language.of(LocaleContextHolder.getLocale());
		var report = reports.report(id, user.id(), language);
		model.addAttribute("report", report);
		model.addAttribute("programme", report.programme());
		model.addAttribute("language", language);
		model.addAttribute("quotable", report.surveys().stream().anyMatch(SurveyReport::anyQuotable));
		return "feedback/report";
	}

	/**
	 * The quotes ticked ({@code items}, the free texts' ids) replace those chosen before;
	 * an id that is not a quotable text shown in this report is refused (422).
	 */
	@PostMapping("/programmes/{id}/feedback/quotes")
	String quotes(@PathVariable ProgrammeId id, @RequestParam(name = "items", required = false) List<UUID> items,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		reports.chooseQuotes(id, items == null ? new HashSet<>() : new HashSet<>(items), user.id());
		redirect.addFlashAttribute("notice", "feedback.quotes.saved");
		return "redirect:/programmes/" + id + "/feedback";
	}

	/**
	 * In the language asked for ({@code fi}, {@code sv}, {@code en}), else the page's.
	 */
	@GetMapping("/programmes/{id}/feedback.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable ProgrammeId id, @RequestParam(required = false) String language,
			@AuthenticationPrincipal CurrentUser user) {
		var download = reports.pdf(id, language, Language.of(LocaleContextHolder.getLocale()), user.id());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(download.filename()).build().toString())
			.body(download.content());
	}

	/** 409 with the reason under five answers. */
	@GetMapping("/programmes/{id}/surveys/{survey}/answers.csv")
	void answers(@PathVariable ProgrammeId id, @PathVariable UUID survey, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) {
		var csv = reports.answers(id, survey, user.id());
		SpreadsheetCsv.write(response, csv.filename(), csv.header(), csv.rows());
	}

}
