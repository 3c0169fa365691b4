package app.kindred.certificate.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;

import app.kindred.core.KindredProperties;
import app.kindred.core.Language;
import app.kindred.core.web.Dates;
import app.kindred.organisation.OrganisationLogos;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Organisations;

/**
 * A certificate as a PDF in the language the holder chooses: drawn from a template
 * ({@code certificate/pdf}) out of what the certificate fixed on the day it was issued,
 * A4, its fonts embedded so that every name (Łukasz, Nguyễn, ä ö å) prints as written,
 * tagged for screen readers (PDF/UA) with its title and language, with the organisation's
 * logo when it has one, and the verification code, its address and a QR code of that
 * address.
 */
@Component
public class CertificatePdf {

	static final String FONT = "DejaVu Sans";

	private final ITemplateEngine templates;

	private final KindredProperties kindred;

	private final Organisations organisations;

	private final OrganisationLogos logos;

	CertificatePdf(ITemplateEngine templates, KindredProperties kindred, Organisations organisations,
			OrganisationLogos logos) {
		this.templates = templates;
		this.kindred = kindred;
		this.organisations = organisations;
		this.logos = logos;
	}

	/**
	 * The public address that verifies the certificate, as printed and in the QR code.
	 */
	public String verifyUrl(Certificate certificate) {
		return kindred.link(certificate.verifyPath());
	}

	public byte[] render(Certificate certificate, Language language) {
		var content = certificate.content();
		var organisation = organisations.find(certificate.organisation());
		var zone = organisation.map(OrganisationSummary::zone).orElse(Dates.DEFAULT_ZONE);
		var url = verifyUrl(certificate);
		var variables = new HashMap<String, Object>();
		variables.put("css", css());
		variables.put("certificate", certificate);
		variables.put("content", content);
		variables.put("language", language);
		variables.put("format", new Format(language.locale()));
		variables.put("programme", content.programmeName(language));
		variables.put("roleText", content.roleTexts().get(language));
		variables.put("outcomes", outcomes(content.course(), language));
		variables.put("issuedOn", certificate.issuedAt().atZone(zone).toLocalDate());
		variables.put("verifyUrl", url);
		variables.put("qr", QrCodes.pngDataUri(url));
		variables.put("logo", logos.logo(certificate.organisation()).orElse(null));
		var html = templates.process("certificate/pdf", new Context(language.locale(), variables));
		var out = new ByteArrayOutputStream();
		try {
			var builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfUaAccessibility(true);
			builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
			builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
			// An SVG logo was checked on upload; drawn with scripts off and nothing
			// fetched
			// all the same
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

	private static List<String> outcomes(CertificateContent.Course course, Language language) {
		if (course == null || course.outcomes().isEmpty()) {
			return List.of();
		}
		var wanted = course.outcomes().get(language);
		return wanted != null ? wanted : course.outcomes().values().iterator().next();
	}

	/** Dates and hours as the certificate's language writes them. */
	public record Format(Locale locale) {

		public String date(LocalDate date) {
			return date == null ? ""
					: DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
		}

		public String shortDate(LocalDate date) {
			return date == null ? ""
					: DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
		}

		/**
		 * Minutes as hours, with at most two decimals: 210 as "3.5", or "3,5" in Finnish.
		 */
		public String hours(int minutes) {
			return number(minutes / 60.0);
		}

		public String number(double value) {
			var format = NumberFormat.getNumberInstance(locale);
			format.setMinimumFractionDigits(0);
			format.setMaximumFractionDigits(2);
			return format.format(value);
		}

	}

	private static String css() {
		try (var in = new ClassPathResource("pdf/certificate.css").getInputStream()) {
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
