package app.kindred.feedback.internal;

import java.util.Map;

import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.core.web.PdfDocuments;

/**
 * A programme's feedback report as a PDF, drawn from {@code feedback/report-pdf} over the
 * same fragments as the page ({@link PdfDocuments}: A4, fonts embedded, tagged), its
 * charts as SVG.
 */
@Component
public class FeedbackPdf {

	private final PdfDocuments pdfs;

	FeedbackPdf(PdfDocuments pdfs) {
		this.pdfs = pdfs;
	}

	public byte[] render(ProgrammeReport report, Language language) {
		return pdfs.render("feedback/report-pdf", "pdf/feedback.css",
				Map.of("report", report, "programme", report.programme(), "language", language), language.locale());
	}

}
