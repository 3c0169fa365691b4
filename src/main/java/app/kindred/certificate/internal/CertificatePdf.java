package app.kindred.certificate.internal;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import app.kindred.core.KindredProperties;
import app.kindred.core.Language;
import app.kindred.core.web.Dates;
import app.kindred.core.web.PdfDocuments;
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

	private final PdfDocuments pdfs;

	private final KindredProperties kindred;

	private final Organisations organisations;

	private final OrganisationLogos logos;

	CertificatePdf(PdfDocuments pdfs, KindredProperties kindred, Organisations organisations, OrganisationLogos logos) {
		this.pdfs = pdfs;
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
		return pdfs.render("certificate/pdf", "pdf/certificate.css", variables, language.locale());
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

}
