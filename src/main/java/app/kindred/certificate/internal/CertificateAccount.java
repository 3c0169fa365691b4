package app.kindred.certificate.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.certificate.CertificateKind;
import app.kindred.core.AccountContributor;
import app.kindred.core.HomeContributor;
import app.kindred.core.Language;
import app.kindred.identity.AccountId;

/**
 * The holder's certificates on their account page: each with its verification code, a
 * choice of language for the PDF (their own by default) and the digital credential; a
 * revoked one with the day and the reason, and nothing to download. Nothing at all for
 * someone who holds none.
 */
@Component
class CertificateAccount implements AccountContributor {

	/** After the profile, the password and the calendar feed. */
	static final int ORDER = 100;

	private final CertificateStore store;

	CertificateAccount(CertificateStore store) {
		this.store = store;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Section> sections(HomeContributor.Viewer viewer) {
		var held = store.ofHolder(new AccountId(viewer.account()));
		if (held.isEmpty()) {
			return List.of();
		}
		var rows = held.stream().map(c -> Held.of(c, viewer.language(), viewer.zone())).toList();
		return List.of(new Section(ORDER, "certificate/account", "certificates",
				new Held.All(rows, viewer.language(), List.of(Language.values()))));
	}

	/**
	 * One certificate as its holder sees it, its days in the holder's zone.
	 *
	 * @param code the code as printed, with hyphens
	 */
	record Held(UUID id, CertificateKind kind, String programme, LocalDate issuedOn, String code, boolean revoked,
			LocalDate revokedOn, String revokeReason) {

		static Held of(Certificate c, Language language, ZoneId zone) {
			return new Held(c.id(), c.kind(), c.content().programmeName(language),
					c.issuedAt().atZone(zone).toLocalDate(), c.displayCode(), c.revoked(),
					c.revoked() ? c.revokedAt().atZone(zone).toLocalDate() : null, c.revokeReason());
		}

		/** Every certificate held, the newest first, and the languages a PDF comes in. */
		record All(List<Held> certificates, Language language, List<Language> languages) {
		}

	}

}
