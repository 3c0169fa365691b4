package app.kindred.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.core.PersonalDataContributor;

/**
 * The account itself in "my data": address, name, language, time zone, when it was made
 * and verified, and the links mailed to it. Never the password's hash or a token's hash.
 */
@Component
class IdentityPersonalData implements PersonalDataContributor {

	/**
	 * The tables this export reads about the person (PersonalDataCoverageTests holds
	 * every module to it).
	 */
	static final List<String> TABLES = List.of("account", "account_token");

	record Account(String email, String displayName, Language language, String timeZone, Instant createdAt,
			Instant verifiedAt, List<Link> mailedLinks) {
	}

	record Link(String purpose, Instant expiresAt, Instant usedAt) {
	}

	private final AccountDataStore store;

	IdentityPersonalData(AccountDataStore store) {
		this.store = store;
	}

	@Override
	public List<Section> personalData(UUID account) {
		return store.account(account).map(row -> {
			var links = store.tokens(account)
				.stream()
				.map(t -> new Link(t.purpose(), instant(t.expiresAt()), instant(t.usedAt())))
				.toList();
			return List.of(new Section("identity.data.account", 0,
					new Account(row.email(), row.displayName(), Language.valueOf(row.preferredLanguage()),
							row.timeZone(), instant(row.createdAt()), instant(row.emailVerifiedAt()), links)));
		}).orElse(List.of());
	}

	private static Instant instant(OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}

}
