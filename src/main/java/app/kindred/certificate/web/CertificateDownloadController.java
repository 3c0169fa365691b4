package app.kindred.certificate.web;

import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import app.kindred.certificate.internal.CertificateDownloads;
import app.kindred.identity.CurrentUser;

/** A certificate as a PDF, for its holder and its programme's coordinators. */
@Controller
class CertificateDownloadController {

	private final CertificateDownloads downloads;

	CertificateDownloadController(CertificateDownloads downloads) {
		this.downloads = downloads;
	}

	/**
	 * In the language asked for ({@code fi}, {@code sv}, {@code en}), else the holder's;
	 * a language Kindred does not speak is refused with a 422 page saying which it does.
	 */
	@GetMapping("/account/certificates/{certificate}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID certificate, @RequestParam(required = false) String language,
			@AuthenticationPrincipal CurrentUser user) {
		var download = downloads.pdf(certificate, language, user.id());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(download.filename()).build().toString())
			.body(download.content());
	}

}
