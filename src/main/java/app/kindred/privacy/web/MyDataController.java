package app.kindred.privacy.web;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.kindred.core.Language;
import app.kindred.core.web.Dates;
import app.kindred.identity.CurrentUser;
import app.kindred.privacy.internal.MyDataPdf;
import app.kindred.privacy.internal.PersonalDataExport;
import app.kindred.privacy.internal.ReadableData;

/**
 * "My data": everything Kindred holds about the signed-in person, as a page, as JSON and
 * as a PDF. There is no way to ask for anyone else's: the account is always the one
 * signed in.
 */
@Controller
class MyDataController {

	private final PersonalDataExport export;

	private final ReadableData readable;

	private final MyDataPdf pdf;

	private final Dates dates;

	MyDataController(PersonalDataExport export, ReadableData readable, MyDataPdf pdf, Dates dates) {
		this.export = export;
		this.readable = readable;
		this.pdf = pdf;
		this.dates = dates;
	}

	@GetMapping("/account/data")
	String page(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAllAttributes(readableModel(user));
		return "privacy/my-data";
	}

	@GetMapping("/account/data.json")
	ResponseEntity<byte[]> json(@AuthenticationPrincipal CurrentUser user) {
		var body = export.json(export.of(user.id().value()));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("kindred-my-data.json").build().toString())
			.body(body);
	}

	@GetMapping("/account/data.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user) {
		var body = pdf.render(readableModel(user), LocaleContextHolder.getLocale());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("kindred-my-data.pdf").build().toString())
			.body(body);
	}

	private Map<String, Object> readableModel(CurrentUser user) {
		var data = export.of(user.id().value());
		var locale = LocaleContextHolder.getLocale();
		var model = new HashMap<String, Object>();
		model.put("sections", readable.sections(data.sections(), locale, dates.zone()));
		model.put("madeAt", dates.dateTime(data.madeAt()));
		model.put("person", user.displayName());
		model.put("language", Language.of(locale));
		return model;
	}

}
