package app.kindred.privacy.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.NotFoundException;
import app.kindred.core.PersonalDataEraser;
import app.kindred.core.PersonalDataEraser.Hold;
import app.kindred.core.Refused;
import app.kindred.identity.AccountErasure;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountSummary;
import app.kindred.identity.Accounts;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;
import app.kindred.privacy.ErasureCarriedOut;
import app.kindred.privacy.ErasureRequestId;
import app.kindred.programme.ProgrammeService;
import app.kindred.recruitment.RecruitmentService;

/**
 * A person's request to be erased, and its coordinators' decision. The request goes to
 * the organisations whose programmes the person applied to and those they are staff of; a
 * coordinator of any of them carries it out once no hold that organisation applies
 * remains, or refuses it with a reason.
 *
 * <p>
 * Carrying it out asks every module's {@link PersonalDataEraser} in one transaction, then
 * anonymises the account in place: rows that count (a seat, an attendance tick, a group's
 * size) keep pointing at it, and it no longer leads to anyone. Keeping the row is simpler
 * and safer than deleting it: every foreign key stays valid without each module choosing
 * a stand-in, and nothing that counts changes.
 */
@Service
public class ErasureService {

	public static final int REASON_LENGTH = 1000;

	private final ErasureStore store;

	private final ObjectProvider<PersonalDataEraser> erasers;

	private final Accounts accounts;

	private final AccountErasure accountErasure;

	private final Organisations organisations;

	private final RecruitmentService recruitment;

	private final ProgrammeService programmes;

	private final PrivacyNoticeService notices;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ErasureService(ErasureStore store, ObjectProvider<PersonalDataEraser> erasers, Accounts accounts,
			AccountErasure accountErasure, Organisations organisations, RecruitmentService recruitment,
			ProgrammeService programmes, PrivacyNoticeService notices, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.erasers = erasers;
		this.accounts = accounts;
		this.accountErasure = accountErasure;
		this.organisations = organisations;
		this.recruitment = recruitment;
		this.programmes = programmes;
		this.notices = notices;
		this.events = events;
		this.clock = clock;
	}

	/** A request as its coordinators see it: who, when, and what holds it back. */
	public record Pending(ErasureStore.Request request, AccountSummary person, List<Hold> holds) {

		public boolean held() {
			return !holds.isEmpty();
		}

	}

	/** The person's latest request, for their account page. */
	@Transactional(readOnly = true)
	public Optional<ErasureStore.Request> latest(AccountId account) {
		return store.latestOf(account.value());
	}

	/**
	 * Records the request for the coordinators of every organisation the person takes
	 * part in; a second open request is refused (409).
	 */
	@Transactional
	public ErasureRequestId ask(AccountId account) {
		if (store.latestOf(account.value()).filter(ErasureStore.Request::open).isPresent()) {
			throw Refused.conflict("erasure.refused.asked");
		}
		var concerned = new LinkedHashSet<UUID>();
		recruitment.appliedTo(account)
			.forEach(p -> programmes.find(p).ifPresent(v -> concerned.add(v.organisation().value())));
		organisations.staffedBy(account).forEach(o -> concerned.add(o.id().value()));
		var id = UUID.randomUUID();
		try {
			store.insert(id, account.value(), clock.instant(), concerned);
		}
		catch (DuplicateKeyException twice) {
			throw Refused.conflict("erasure.refused.asked");
		}
		return new ErasureRequestId(id);
	}

	@Transactional
	public void withdraw(AccountId account) {
		var open = store.latestOf(account.value()).filter(ErasureStore.Request::open);
		if (open.isEmpty() || !store.close(open.get().id(), ErasureStore.Status.WITHDRAWN, account.value(),
				clock.instant(), null)) {
			throw Refused.conflict("erasure.refused.notOpen");
		}
	}

	/** The organisation's open requests, for its coordinators. */
	@Transactional(readOnly = true)
	public List<Pending> open(OrganisationId organisation, AccountId coordinator) {
		organisations.require(organisation, coordinator, Role.COORDINATOR);
		var settings = store.settings(organisation.value());
		var requests = store.openFor(organisation.value());
		// The people in one read, not one per request
		var people = accounts.findAll(requests.stream().map(r -> new AccountId(r.account())).toList());
		var result = new ArrayList<Pending>();
		for (var request : requests) {
			var person = people.get(new AccountId(request.account()));
			if (person != null) {
				result.add(new Pending(request, person, holds(request.account(), settings)));
			}
		}
		return result;
	}

	/** How many requests wait for the organisation's coordinators, for their Home. */
	@Transactional(readOnly = true)
	public long openCount(OrganisationId organisation) {
		return store.openCount(organisation.value());
	}

	/**
	 * One request of the organisation's; any other (or one of another organisation) is
	 * not there (404).
	 */
	@Transactional(readOnly = true)
	public Pending pending(OrganisationId organisation, ErasureRequestId id, AccountId coordinator) {
		organisations.require(organisation, coordinator, Role.COORDINATOR);
		var request = concerning(organisation, id);
		var person = accounts.find(new AccountId(request.account()))
			.orElseThrow(() -> new NotFoundException("erasure"));
		return new Pending(request, person, holds(request.account(), store.settings(organisation.value())));
	}

	public OrganisationSummary organisation(OrganisationId organisation, AccountId coordinator) {
		return organisations.require(organisation, coordinator, Role.COORDINATOR);
	}

	/**
	 * Erases the person: every module's part, the kept events that name them, then the
	 * account; the mail telling them goes to the address they had. Refused (409) while a
	 * hold the organisation applies remains or when the request was decided meanwhile.
	 */
	@Transactional
	public void carryOut(OrganisationId organisation, ErasureRequestId id, AccountId coordinator) {
		var pending = pending(organisation, id, coordinator);
		if (!pending.request().open()) {
			throw Refused.conflict("erasure.refused.notOpen");
		}
		if (pending.held()) {
			throw Refused.conflict("erasure.refused.held");
		}
		var person = pending.person();
		var account = person.id().value();
		if (!store.close(id.value(), ErasureStore.Status.ERASED, coordinator.value(), clock.instant(), null)) {
			throw Refused.conflict("erasure.refused.notOpen");
		}
		var erased = new PersonalDataEraser.Person(account, person.displayName(), person.email());
		erasers.orderedStream().forEach(eraser -> eraser.erase(erased));
		notices.forget(person.id());
		store.scrubEvents(person.displayName(), person.email());
		accountErasure.anonymise(person.id());
		// Published last, so that scrubbing the events above leaves this one whole
		events.publishEvent(new ErasureCarriedOut(person.email(), person.displayName(), person.language()));
	}

	@Transactional
	public void refuse(OrganisationId organisation, ErasureRequestId id, String reason, AccountId coordinator) {
		var pending = pending(organisation, id, coordinator);
		if (!store.close(pending.request().id(), ErasureStore.Status.REFUSED, coordinator.value(), clock.instant(),
				reason.strip())) {
			throw Refused.conflict("erasure.refused.notOpen");
		}
	}

	/** Every kind of hold some module may report, with its message key. */
	public Map<String, String> holdKinds() {
		var kinds = new LinkedHashMap<String, String>();
		erasers.orderedStream().forEach(e -> kinds.putAll(e.holdKinds()));
		return kinds;
	}

	private List<Hold> holds(UUID account, ErasureStore.Settings settings) {
		var holds = new ArrayList<Hold>();
		erasers.orderedStream()
			.flatMap(e -> e.holds(account).stream())
			.filter(h -> !settings.waivedHolds().contains(h.kind()))
			.forEach(holds::add);
		return holds;
	}

	private ErasureStore.Request concerning(OrganisationId organisation, ErasureRequestId id) {
		return store.find(id.value())
			.filter(r -> store.concerns(r.id(), organisation.value()))
			.orElseThrow(() -> new NotFoundException("erasure"));
	}

}
