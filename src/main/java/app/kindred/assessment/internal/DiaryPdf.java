package app.kindred.assessment.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * A mentor's diary as a PDF for their portfolio: drawn from a template
 * ({@code assessment/diary-pdf}), A4, its fonts embedded so that every name (Łukasz,
 * Nguyễn, ä ö å) prints as written, tagged for screen readers (PDF/UA) with its title and
 * language.
 */
@Component
public class DiaryPdf {

	static final String FONT = "DejaVu Sans";

	private final ITemplateEngine templates;

	DiaryPdf(ITemplateEngine templates) {
		this.templates = templates;
	}

	/** The diary as a PDF, in the writer's language and time zone. */
	public byte[] render(Map<String, Object> model, Locale locale) {
		var variables = new HashMap<String, Object>(model);
		variables.put("css", css());
		var html = templates.process("assessment/diary-pdf", new Context(locale, variables));
		var out = new ByteArrayOutputStream();
		try {
			var builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfUaAccessibility(true);
			builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
			builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static String css() {
		try (var in = new ClassPathResource("pdf/diary.css").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream font(String file) {
		try {
			return new ClassPathResource("fonts/" + file).getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
