package app.kindred.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.audit.ReadKind;
import app.kindred.audit.SensitiveReads;
import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountSummary;
import app.kindred.identity.Accounts;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;

/**
 * Records staff reading others' sensitive data, and shows the record to the
 * organisation's admins and to each person for their own data.
 */
@Service
public class AuditService implements SensitiveReads {

	/** Rows on one page of the admin's view. */
	public static final int PAGE_SIZE = 50;

	private final AuditStore store;

	private final Organisations organisations;

	private final Accounts accounts;

	private final ProgrammeService programmes;

	private final Clock clock;

	AuditService(AuditStore store, Organisations organisations, Accounts accounts, ProgrammeService programmes,
			Clock clock) {
		this.store = store;
		this.organisations = organisations;
		this.accounts = accounts;
		this.programmes = programmes;
		this.clock = clock;
	}

	/**
	 * One read as shown: the reader's name ({@code null} when erased), their roles in the
	 * organisation then, whose data, what and where.
	 */
	public record Entry(Instant readAt, String reader, String readerEmail, List<Role> readerRoles, String subject,
			String subjectEmail, ReadKind kind, String organisation, String programme, String reference) {
	}

	/** One page of the admin's view, and whether there are more. */
	public record Page(List<Entry> entries, int number, boolean hasNext) {
	}

	@Override
	@Transactional
	public void recordRead(AccountId reader, Collection<AccountId> subjects, ReadKind what, OrganisationId organisation,
			ProgrammeId programme, String reference) {
		var others = new LinkedHashSet<>(subjects);
		others.remove(reader);
		others.remove(null);
		if (others.isEmpty()) {
			return;
		}
		var roles = organisations.rolesOf(organisation, reader)
			.stream()
			.sorted()
			.map(Role::name)
			.collect(Collectors.joining(","));
		var reads = others.stream()
			.map(s -> new AuditStore.NewRead(reader.value(), roles, s.value(), what, organisation.value(),
					programme == null ? null : programme.value(), reference))
			.toList();
		store.insert(clock.instant(), reads);
	}

	/** The organisation's record for its admins (anyone else outside its staff: 404). */
	@Transactional(readOnly = true)
	public Page organisation(OrganisationId id, AccountId admin, AccountId person, ReadKind kind, Instant from,
			Instant until, int page, Language language) {
		organisations.require(id, admin, Role.ORG_ADMIN);
		var number = Math.max(0, page);
		var filter = new AuditStore.Filter(id.value(), person == null ? null : person.value(), kind, from, until);
		var rows = store.find(filter, number * PAGE_SIZE, PAGE_SIZE + 1);
		var shown = rows.subList(0, Math.min(rows.size(), PAGE_SIZE));
		return new Page(entries(shown, language), number, rows.size() > PAGE_SIZE);
	}

	/** An empty page, for a filter that could not be read, after the same check. */
	@Transactional(readOnly = true)
	public Page nothing(OrganisationId id, AccountId admin) {
		organisations.require(id, admin, Role.ORG_ADMIN);
		return new Page(List.of(), 0, false);
	}

	/** Who read the person's data, newest first. */
	@Transactional(readOnly = true)
	public List<Entry> ofSubject(AccountId subject, Language language) {
		return entries(store.bySubject(subject.value()), language);
	}

	private List<Entry> entries(List<AuditStore.Read> rows, Language language) {
		var ids = new HashSet<AccountId>();
		rows.forEach(r -> {
			if (r.reader() != null) {
				ids.add(new AccountId(r.reader()));
			}
			ids.add(new AccountId(r.subject()));
		});
		Map<AccountId, AccountSummary> people = accounts.findAll(ids);
		var orgNames = rows.stream()
			.map(AuditStore.Read::organisation)
			.distinct()
			.collect(Collectors.toMap(o -> o,
					o -> organisations.find(new OrganisationId(o)).map(OrganisationSummary::name).orElse("")));
		var programmeNames = new HashMap<UUID, String>();
		var result = new ArrayList<Entry>();
		for (var r : rows) {
			var reader = r.reader() == null ? null : people.get(new AccountId(r.reader()));
			var subject = people.get(new AccountId(r.subject()));
			var programme = r.programme() == null ? null : programmeNames.computeIfAbsent(r.programme(),
					p -> programmes.find(new ProgrammeId(p)).map(v -> v.text(language).name()).orElse(""));
			result.add(new Entry(r.readAt(), reader == null ? null : reader.displayName(),
					reader == null ? null : reader.email(), roles(r.readerRole()),
					subject == null ? "" : subject.displayName(), subject == null ? "" : subject.email(), r.kind(),
					orgNames.get(r.organisation()), programme, r.reference()));
		}
		return result;
	}

	private static List<Role> roles(String stored) {
		if (stored == null || stored.isBlank()) {
			return List.of();
		}
		return List.of(stored.split(",")).stream().map(Role::valueOf).toList();
	}

}
