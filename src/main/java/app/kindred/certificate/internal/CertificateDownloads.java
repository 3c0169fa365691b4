package app.kindred.certificate.internal;

import java.util.UUID;

import org.springframework.stereotype.Service;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountSummary;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeAccess;

/**
 * A certificate's PDF for its holder and for the coordinators of its programme; to anyone
 * else it is not there. A revoked certificate is refused rather than drawn, so that no
 * copy of it can pass for one in force. Not transactional: the certificate is read first
 * and the PDF drawn after, without holding a connection.
 */
@Service
public class CertificateDownloads {

	private final CertificateStore store;

	private final ProgrammeAccess access;

	private final Accounts accounts;

	private final CertificatePdf pdf;

	CertificateDownloads(CertificateStore store, ProgrammeAccess access, Accounts accounts, CertificatePdf pdf) {
		this.store = store;
		this.access = access;
		this.accounts = accounts;
		this.pdf = pdf;
	}

	/** A PDF to download under its file name. */
	public record Download(String filename, byte[] content) {
	}

	/**
	 * @param lang {@code fi}, {@code sv} or {@code en}; blank for the holder's own
	 * language
	 */
	public Download pdf(UUID id, String lang, AccountId viewer) {
		var certificate = readable(id, viewer);
		var language = lang == null || lang.isBlank() ? holderLanguage(certificate)
				: Language.fromCode(lang).orElseThrow(() -> Refused.invalid("language", "certificate.pdf.language"));
		if (certificate.revoked()) {
			throw Refused.conflict("certificate.pdf.revoked");
		}
		return new Download("certificate-" + certificate.displayCode() + "-" + language.code() + ".pdf",
				pdf.render(certificate, language));
	}

	/**
	 * The certificate, if the viewer holds it or coordinates its programme. Staff in
	 * other roles get the same 404 as everyone else: a certificate is its holder's, not
	 * the organisation's to browse.
	 */
	Certificate readable(UUID id, AccountId viewer) {
		var certificate = store.byId(id).orElseThrow(() -> new NotFoundException("certificate"));
		if (certificate.holder().equals(viewer)) {
			return certificate;
		}
		if (access.coordinates(certificate.organisation(), viewer)) {
			access.coordinated(certificate.programme(), viewer);
			return certificate;
		}
		throw new NotFoundException("certificate");
	}

	private Language holderLanguage(Certificate certificate) {
		return accounts.find(certificate.holder()).map(AccountSummary::language).orElse(Language.EN);
	}

}
