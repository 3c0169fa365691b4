package app.kindred.assessment.internal;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.kindred.core.web.PdfDocuments;

/**
 * A mentor's diary as a PDF for their portfolio: drawn from a template
 * ({@code assessment/diary-pdf}) as every Kindred document is ({@link PdfDocuments}): A4,
 * fonts embedded, tagged for screen readers with its title and language.
 */
@Component
public class DiaryPdf {

	private final PdfDocuments pdfs;

	DiaryPdf(PdfDocuments pdfs) {
		this.pdfs = pdfs;
	}

	/** The diary as a PDF, in the writer's language and time zone. */
	public byte[] render(Map<String, Object> model, Locale locale) {
		return pdfs.render("assessment/diary-pdf", "pdf/diary.css", model, locale);
	}

}
