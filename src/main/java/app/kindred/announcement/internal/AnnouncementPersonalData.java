package app.kindred.announcement.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.core.PersonalDataContributor;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;

/**
 * Announcements in "my data": those the person received (in their language where written
 * in it) and whether they dismissed them, and those they wrote as a coordinator, in every
 * language they wrote them.
 */
@Component
class AnnouncementPersonalData implements PersonalDataContributor {

	/**
	 * The tables this export reads about the person (PersonalDataCoverageTests holds
	 * every module to it).
	 */
	static final List<String> TABLES = List.of("announcement", "announcement_recipient", "announcement_text");

	record Announcements(List<Received> received, List<Written> written) {
	}

	record Received(String programme, String as, OffsetDateTime sentAt, String subject, String text,
			OffsetDateTime dismissedAt) {
	}

	record Written(String programme, String audience, Integer group, OffsetDateTime sentAt, int reached,
			List<AnnouncementStore.OwnText> texts) {
	}

	private final AnnouncementStore store;

	private final ProgrammeService programmes;

	AnnouncementPersonalData(AnnouncementStore store, ProgrammeService programmes) {
		this.store = store;
		this.programmes = programmes;
	}

	@Override
	public List<Section> personalData(UUID account) {
		var language = Language.of(LocaleContextHolder.getLocale());
		var id = new AccountId(account);
		var received = store.receivedBy(id).stream().map(r -> {
			var texts = store.textsOf(r.id());
			var text = texts.stream()
				.filter(t -> t.language().equals(language.name()))
				.findFirst()
				.orElse(texts.isEmpty() ? new AnnouncementStore.OwnText(null, null, null) : texts.getFirst());
			return new Received(name(r.programmeId(), language), r.role(), r.sentAt(), text.subject(), text.body(),
					r.dismissedAt());
		}).toList();
		var written = store.writtenBy(id)
			.stream()
			.map(w -> new Written(name(w.programmeId(), language), w.audience(), w.groupNumber(), w.sentAt(),
					w.reached(), store.textsOf(w.id())))
			.toList();
		if (received.isEmpty() && written.isEmpty()) {
			return List.of();
		}
		return List.of(new Section("announcement.data.announcements", 80, new Announcements(received, written)));
	}

	private String name(UUID programme, Language language) {
		return programmes.find(new ProgrammeId(programme)).map(p -> p.text(language).name()).orElse(null);
	}

}
