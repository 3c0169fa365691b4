package app.kindred.privacy.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.privacy.PrivacyNotices;
import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;

/**
 * Each organisation's privacy notice: written by its admins per language, public to
 * everyone, in the viewer's language where it exists, else in the organisation's own
 * language, else in any it was written in; Kindred's general text where it wrote none.
 */
@Service
public class PrivacyNoticeService implements PrivacyNotices {

	/**
	 * The longest notice in one language (about 1,200 words); a fuller one is linked from
	 * it.
	 */
	public static final int MAX_LENGTH = 8_000;

	private final PrivacyNoticeStore store;

	private final Organisations organisations;

	private final ProgrammeService programmes;

	private final Clock clock;

	PrivacyNoticeService(PrivacyNoticeStore store, Organisations organisations, ProgrammeService programmes,
			Clock clock) {
		this.store = store;
		this.organisations = organisations;
		this.programmes = programmes;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<FirstNotice> unacknowledged(AccountId account, Collection<ProgrammeId> taking, Language language) {
		if (store.seen(account.value())) {
			return Optional.empty();
		}
		var ids = new LinkedHashSet<OrganisationId>();
		organisations.staffedBy(account).forEach(o -> ids.add(o.id()));
		taking.forEach(p -> programmes.find(p).map(ProgrammeView::organisation).ifPresent(ids::add));
		var notices = new ArrayList<Notice>();
		for (var id : ids) {
			organisations.find(id).ifPresent(o -> notices.add(notice(o, language)));
		}
		return Optional.of(new FirstNotice(List.copyOf(notices)));
	}

	/** The person has read it: it is not shown again. */
	public void acknowledge(AccountId account) {
		store.markSeen(account.value(), clock.instant());
	}

	/** The public page's notice (an organisation that does not exist: 404). */
	@Transactional(readOnly = true)
	public Notice notice(OrganisationId id, Language language) {
		var organisation = organisations.find(id).orElseThrow(() -> new NotFoundException("organisation"));
		return notice(organisation, language);
	}

	/** Every version for the organisation's admins to edit (anyone else: 404 or 403). */
	@Transactional(readOnly = true)
	public Editing editing(OrganisationId id, AccountId admin) {
		var organisation = organisations.require(id, admin, Role.ORG_ADMIN);
		var texts = new EnumMap<Language, String>(Language.class);
		store.versions(id.value()).forEach(v -> texts.put(v.language(), v.body()));
		return new Editing(organisation, texts);
	}

	/** Writes every language's version; an empty one is removed. */
	@Transactional
	public void save(OrganisationId id, AccountId admin, Map<Language, String> texts) {
		organisations.require(id, admin, Role.ORG_ADMIN);
		var now = clock.instant();
		for (var language : Language.values()) {
			var text = texts.get(language);
			store.save(id.value(), language, text == null ? null : text.strip(), admin.value(), now);
		}
	}

	/** What the admin edits: the organisation and its text per language written. */
	public record Editing(OrganisationSummary organisation, Map<Language, String> texts) {
	}

	private Notice notice(OrganisationSummary organisation, Language language) {
		var versions = store.versions(organisation.id().value());
		var chosen = versions.stream()
			.filter(v -> v.language() == language)
			.findFirst()
			.or(() -> versions.stream().filter(v -> v.language() == organisation.defaultLanguage()).findFirst())
			.or(() -> versions.stream().findFirst());
		UUID id = organisation.id().value();
		return chosen.map(v -> new Notice(id, organisation.name(), v.body(), v.language(), v.language() != language))
			.orElseGet(() -> new Notice(id, organisation.name(), null, language, false));
	}

	Instant seenAt(AccountId account) {
		return store.seenAt(account.value());
	}

	void forget(AccountId account) {
		store.forget(account.value());
	}

}
