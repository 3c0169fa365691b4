package app.kindred.announcement.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.announcement.AnnouncementId;
import app.kindred.core.HomeContributor;
import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.recruitment.RecruitmentRole;

/**
 * Every announcement the person has not dismissed, first among their programme's parts of
 * Home, in their language where it was written in it.
 */
@Component
class AnnouncementsOnHome implements HomeContributor {

	static final String TEMPLATE = "announcement/home";

	static final String FRAGMENT = "announcement";

	/**
	 * What the fragment draws: the texts in {@code language}, when it was sent, and where
	 * its "Dismiss" button posts.
	 */
	record OnHome(AnnouncementId id, UUID programme, Language language, String subject, String body, Instant sentAt,
			String dismissUrl) {
	}

	private final AnnouncementStore store;

	AnnouncementsOnHome(AnnouncementStore store) {
		this.store = store;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Part> parts(Viewer viewer) {
		var account = new AccountId(viewer.account());
		var received = store.undismissed(account);
		var versions = store.versions(received.stream().map(AnnouncementStore.Received::id).toList());
		return received.stream()
			.flatMap(r -> AnnouncementService.pick(versions.getOrDefault(r.id(), List.of()), viewer.language())
				.stream()
				.map(v -> Part.of(r.programme().value(), role(r.role()), 0, TEMPLATE, FRAGMENT,
						new OnHome(r.id(), r.programme().value(), v.language(), v.subject(), v.body(), r.sentAt(),
								"/announcements/" + r.id() + "/dismiss"))))
			.toList();
	}

	private static Role role(RecruitmentRole role) {
		if (role == null) {
			return null;
		}
		return role == RecruitmentRole.MENTOR ? Role.MENTOR : Role.PARTICIPANT;
	}

}
