package app.kindred.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.core.PersonalDataEraser;
import app.kindred.core.PersonalDataEraser.Item;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;
import app.kindred.programme.ProgrammeView;
import app.kindred.programme.ProgrammeService;

/**
 * Retention: a programme's people's data is anonymised once its organisation's period
 * after the programme's end has passed. Each programme is claimed by one instance (a
 * lease on its row) and anonymised by every module's {@link PersonalDataEraser} in one
 * transaction, which also marks it done.
 */
@Service
public class RetentionService {

	private final RetentionStore store;

	private final ErasureStore settings;

	private final ObjectProvider<PersonalDataEraser> erasers;

	private final ProgrammeService programmes;

	private final Organisations organisations;

	private final Clock clock;

	private final Duration lease;

	private final TransactionTemplate transaction;

	RetentionService(RetentionStore store, ErasureStore settings, ObjectProvider<PersonalDataEraser> erasers,
			ProgrammeService programmes, Organisations organisations, Clock clock,
			@Value("${kindred.retention.lease}") Duration lease, PlatformTransactionManager transactions) {
		this.store = store;
		this.settings = settings;
		this.erasers = erasers;
		this.programmes = programmes;
		this.organisations = organisations;
		this.clock = clock;
		this.lease = lease;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * One programme in the dry run: its end, the day its data goes (or went), and what
	 * would go now.
	 */
	public record Planned(ProgrammeView programme, LocalDate ends, LocalDate anonymisedOn, Instant anonymisedAt,
			List<Item> items) {

		public boolean done() {
			return anonymisedAt != null;
		}

	}

	/** The organisation's settings, for its admin. */
	public ErasureStore.Settings settings(OrganisationId organisation, AccountId admin) {
		organisations.require(organisation, admin, Role.ORG_ADMIN);
		return settings.settings(organisation.value());
	}

	public OrganisationSummary organisation(OrganisationId organisation, AccountId admin) {
		return organisations.require(organisation, admin, Role.ORG_ADMIN);
	}

	public void save(OrganisationId organisation, int months, Set<String> waived, AccountId admin) {
		organisations.require(organisation, admin, Role.ORG_ADMIN);
		transaction.executeWithoutResult(status -> settings.save(organisation.value(),
				new ErasureStore.Settings(months, waived), admin.value(), clock.instant()));
	}

	/**
	 * Every programme of the organisation, the soonest to go first: the admin's dry run.
	 */
	public List<Planned> dryRun(OrganisationId organisation, AccountId admin) {
		organisations.require(organisation, admin, Role.ORG_ADMIN);
		int months = settings.settings(organisation.value()).retentionMonths();
		var planned = new ArrayList<Planned>();
		for (var programme : programmes.allOf(organisation)) {
			var id = programme.id().value();
			var ends = programme.settings().termEnd();
			var at = store.anonymisedAt(id).orElse(null);
			planned.add(new Planned(programme, ends, due(ends, months), at, at != null ? List.of() : items(programme)));
		}
		planned.sort(Comparator.comparing(Planned::anonymisedOn));
		return planned;
	}

	/**
	 * The day the data goes: the day after the period from the programme's last day has
	 * passed.
	 */
	static LocalDate due(LocalDate ends, int months) {
		return ends.plusMonths(months).plusDays(1);
	}

	/**
	 * Anonymises every programme due, each claimed by this instance alone; returns how
	 * many this run anonymised.
	 */
	public int run() {
		int done = 0;
		// Read once per organisation, not per programme
		var monthsOf = new HashMap<OrganisationId, Integer>();
		// A day ahead of UTC, so that no zone's today is missed; each programme is due by
		// its own zone
		for (var programme : programmes.endedBefore(LocalDate.now(clock).plusDays(1))) {
			int months = monthsOf.computeIfAbsent(programme.organisation(),
					o -> settings.settings(o.value()).retentionMonths());
			var today = LocalDate.now(clock.withZone(programme.zone()));
			if (today.isBefore(due(programme.settings().termEnd(), months))) {
				continue;
			}
			if (anonymise(programme)) {
				done++;
			}
		}
		return done;
	}

	/** False when it was anonymised already or another instance holds it. */
	boolean anonymise(ProgrammeView programme) {
		var id = programme.id().value();
		if (store.anonymisedAt(id).isPresent()) {
			return false;
		}
		try {
			transaction.executeWithoutResult(status -> store.ensureRow(id));
		}
		catch (DuplicateKeyException added) {
			// Another instance added the row at the same time: the claim decides
		}
		var claimed = transaction.execute(status -> {
			var now = clock.instant();
			return store.claim(id, now, now.plus(lease));
		});
		if (!Boolean.TRUE.equals(claimed)) {
			return false;
		}
		transaction.executeWithoutResult(status -> {
			erasers.orderedStream().forEach(e -> e.anonymiseProgramme(id));
			store.deleteEvents(id);
			store.done(id, clock.instant());
		});
		return true;
	}

	private List<Item> items(ProgrammeView programme) {
		var id = programme.id().value();
		var items = new ArrayList<Item>();
		erasers.orderedStream().forEach(e -> items.addAll(e.heldForProgramme(id)));
		long events = store.events(id);
		if (events > 0) {
			items.add(new Item("erasure.item.events", events));
		}
		return items;
	}

}
