package app.kindred.privacy.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataContributor;
import app.kindred.identity.AccountId;

/**
 * The person's requests to be erased in "my data": when asked, what became of each, when
 * and why (never which coordinator decided); and when they acknowledged the privacy
 * notice.
 */
@Component
class PrivacyPersonalData implements PersonalDataContributor {

	/**
	 * The tables this export reads about the person (PersonalDataCoverageTests holds
	 * every module to it).
	 */
	static final List<String> TABLES = List.of("erasure_request", "privacy_notice_seen");

	record Asked(Instant askedAt, ErasureStore.Status status, Instant decidedAt, String reason) {
	}

	private final ErasureStore store;

	private final PrivacyNoticeService notices;

	PrivacyPersonalData(ErasureStore store, PrivacyNoticeService notices) {
		this.store = store;
		this.notices = notices;
	}

	@Override
	public List<Section> personalData(UUID account) {
		var asked = store.allOf(account)
			.stream()
			.map(r -> new Asked(r.askedAt(), r.status(), r.decidedAt(), r.reason()))
			.toList();
		var sections = new ArrayList<Section>();
		if (!asked.isEmpty()) {
			sections.add(new Section("erasure.data.requests", 95, asked));
		}
		var seen = notices.seenAt(new AccountId(account));
		if (seen != null) {
			sections.add(new Section("privacy.data.noticeSeen", 96, seen));
		}
		return sections;
	}

}
