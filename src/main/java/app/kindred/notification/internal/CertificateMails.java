package app.kindred.notification.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.certificate.CertificateIssued;
import app.kindred.certificate.CertificateKind;
import app.kindred.certificate.CertificateRevoked;
import app.kindred.core.KindredProperties;
import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;

/**
 * Tells a certificate's holder that it was issued, or revoked. The mail carries a link to
 * their account page, where they download it signed in, never the file: a mail may be
 * read anywhere and forwarded. The reason for a revocation stays on that page too.
 */
@Component
class CertificateMails {

	private final MailComposer mail;

	private final Accounts accounts;

	private final ProgrammeService programmes;

	private final KindredProperties properties;

	CertificateMails(MailComposer mail, Accounts accounts, ProgrammeService programmes, KindredProperties properties) {
		this.mail = mail;
		this.accounts = accounts;
		this.programmes = programmes;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(CertificateIssued event) {
		tell("certificateIssued", event.holder(), event.programme(), event.kind());
	}

	@ApplicationModuleListener
	void on(CertificateRevoked event) {
		tell("certificateRevoked", event.holder(), event.programme(), event.kind());
	}

	private void tell(String kind, AccountId holder, ProgrammeId id, CertificateKind certificate) {
		var person = accounts.find(holder).orElse(null);
		var programme = programmes.find(id).orElse(null);
		if (person == null || programme == null) {
			return; // nobody to tell any more
		}
		var language = person.language() == null ? Language.EN : person.language();
		mail.send(person.email(), language, kind, person.displayName(), programme.text(language).name(),
				certificate.ordinal(), properties.link("/account"));
	}

}
