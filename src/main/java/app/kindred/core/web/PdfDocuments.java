package app.kindred.core.web;

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
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;

/**
 * Kindred's documents as PDFs (a mentor's diary, a certificate): a Thymeleaf template
 * drawn by openhtmltopdf on PDFBox, its fonts (DejaVu Sans, in the template's CSS as
 * {@value #FONT}) embedded so that every name (Łukasz, Nguyễn, ä ö å) prints as written,
 * tagged for screen readers (PDF/UA) with the title and language the template gives. The
 * template finds its stylesheet's text as {@code css}.
 */
@Component
public class PdfDocuments {

	public static final String FONT = "DejaVu Sans";

	private final ITemplateEngine templates;

	PdfDocuments(ITemplateEngine templates) {
		this.templates = templates;
	}

	/**
	 * The template as a PDF in the locale's language.
	 * @param template the Thymeleaf template, e.g. {@code assessment/diary-pdf}
	 * @param stylesheet the class path of its CSS, e.g. {@code pdf/diary.css}
	 */
	public byte[] render(String template, String stylesheet, Map<String, Object> model, Locale locale) {
		var variables = new HashMap<String, Object>(model);
		variables.put("css", text(stylesheet));
		var html = templates.process(template, new Context(locale, variables));
		var out = new ByteArrayOutputStream();
		try {
			var builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfUaAccessibility(true);
			builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
			builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
			// SVG (an organisation's logo) was checked on upload; drawn with scripts off
			// and nothing fetched all the same
			builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static String text(String resource) {
		try (var in = new ClassPathResource(resource).getInputStream()) {
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
