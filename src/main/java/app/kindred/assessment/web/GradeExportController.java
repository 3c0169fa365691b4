package app.kindred.assessment.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.kindred.assessment.AssessmentDecided.Result;
import app.kindred.assessment.internal.GradeExportService;
import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.core.web.Refusals;
import app.kindred.core.web.SpreadsheetCsv;
import app.kindred.identity.CurrentUser;
import app.kindred.programme.ProgrammeId;

/**
 * The grade export: a preview of what a new export of the passed and of the failed would
 * hold, bad student numbers first, and the CSV itself (the layout in the README, "Grade
 * export"). A result other than PASS or FAIL is a 422 on the preview; a course without a
 * code is refused (409), nothing recorded.
 */
@Controller
class GradeExportController {

	private static final String PAGE = "/programmes/{id}/assessment/export";

	private final GradeExportService exports;

	GradeExportController(GradeExportService exports) {
		this.exports = exports;
	}

	@GetMapping(PAGE)
	String preview(@PathVariable ProgrammeId id, @AuthenticationPrincipal CurrentUser user, Model model) {
		var preview = exports.preview(id, user.id());
		model.addAttribute("preview", preview);
		model.addAttribute("programme", preview.course().programme());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		return "assessment/export";
	}

	@PostMapping(PAGE)
	String export(@PathVariable ProgrammeId id, @RequestParam(required = false) String result,
			@RequestParam(defaultValue = "false") String everything, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response) {
		try {
			if (!"PASS".equals(result) && !"FAIL".equals(result)) {
				// Checked after access, so that a stranger learns nothing from the answer
				exports.preview(id, user.id());
				throw Refused.invalid("result", "assessment.export.resultUnknown");
			}
			var export = exports.export(id, user.id(), Result.valueOf(result), "true".equals(everything));
			SpreadsheetCsv.write(response, export.filename(), export.header(), export.rows());
			return null;
		}
		catch (Refused refused) {
			Refusals.show(refused, null, model, response);
			return preview(id, user, model);
		}
	}

}
