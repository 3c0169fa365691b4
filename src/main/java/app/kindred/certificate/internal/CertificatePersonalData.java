package app.kindred.certificate.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import app.kindred.certificate.CertificateKind;
import app.kindred.core.Language;
import app.kindred.core.PersonalDataContributor;
import app.kindred.identity.AccountId;

/**
 * The certificates the person holds in "my data": each with its verification code, what
 * it certifies as it was issued, and when and why it was revoked (never who issued or
 * revoked it).
 */
@Component
class CertificatePersonalData implements PersonalDataContributor {

	/**
	 * The tables this export reads about the person (PersonalDataCoverageTests holds
	 * every module to it).
	 */
	static final List<String> TABLES = List.of("certificate");

	record Held(String code, CertificateKind kind, String programme, Instant issuedAt, String issuedBecause,
			Instant revokedAt, String revokeReason, CertificateContent content) {
	}

	private final CertificateStore store;

	CertificatePersonalData(CertificateStore store) {
		this.store = store;
	}

	@Override
	public List<Section> personalData(UUID account) {
		var language = Language.of(LocaleContextHolder.getLocale());
		var held = store.ofHolder(new AccountId(account))
			.stream()
			.map(c -> new Held(c.displayCode(), c.kind(), c.content().programmeName(language), c.issuedAt(),
					c.overrideReason(), c.revokedAt(), c.revokeReason(), c.content()))
			.toList();
		return held.isEmpty() ? List.of() : List.of(new Section("certificate.data.certificates", 70, held));
	}

}
