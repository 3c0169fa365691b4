package app.kindred.privacy.internal;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.kindred.core.web.PdfDocuments;

/**
 * "My data" as a PDF: the readable page drawn from {@code privacy/my-data-pdf} as every
 * Kindred document is ({@link PdfDocuments}): A4, fonts embedded, tagged for screen
 * readers with its title and language.
 */
@Component
public class MyDataPdf {

	private final PdfDocuments pdfs;

	MyDataPdf(PdfDocuments pdfs) {
		this.pdfs = pdfs;
	}

	public byte[] render(Map<String, Object> model, Locale locale) {
		return pdfs.render("privacy/my-data-pdf", "pdf/my-data.css", model, locale);
	}

}
