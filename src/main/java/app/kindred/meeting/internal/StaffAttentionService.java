package app.kindred.meeting.internal;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.core.Forbidden;
import app.kindred.identity.AccountId;
import app.kindred.meeting.StaffAttentionRequested;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;

/**
 * A group's "needs staff attention" flag: its mentors raise it, with a note for staff and
 * the group's mentors only, and the programme's coordinators resolve it. Who may reach
 * the group is decided as for changing its meetings: other staff get a 403 and everyone
 * else a 404.
 */
@Service
public class StaffAttentionService {

	public static final int NOTE_MAX = 300;

	private final MeetingService meetings;

	private final AttentionStore store;

	private final ProgrammeAccess access;

	private final Organisations organisations;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StaffAttentionService(MeetingService meetings, AttentionStore store, ProgrammeAccess access,
			Organisations organisations, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock) {
		this.meetings = meetings;
		this.store = store;
		this.access = access;
		this.organisations = organisations;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Raises the group's flag with an optional note, and tells each of the programme's
	 * coordinators that the group asks for attention, without the note or any name. While
	 * a flag is open, raising it again changes nothing and tells nobody.
	 * @return false when the flag was open already
	 */
	public boolean raise(ProgrammeId id, UUID group, String note, AccountId mentor) {
		try {
			return Boolean.TRUE.equals(transactions.execute(status -> raiseOnce(id, group, note, mentor)));
		}
		catch (DuplicateKeyException e) {
			// The co-mentor raised it at the same moment; caught outside the transaction,
			// which the database has given up on
			return false;
		}
	}

	private boolean raiseOnce(ProgrammeId id, UUID group, String note, AccountId mentor) {
		var allowed = meetings.groupToChange(id, group, mentor);
		if (allowed.coordinator()) {
			throw new Forbidden("the group's mentors raise the flag");
		}
		var text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > NOTE_MAX) {
			throw new IllegalArgumentException("note too long");
		}
		store.lockGroup(group);
		if (store.latestFlag(group).filter(AttentionStore.Flag::open).isPresent()) {
			return false;
		}
		store.raise(group, id, text, mentor, clock.instant());
		var number = allowed.group().group().number();
		organisations.holders(allowed.programme().organisation(), Role.COORDINATOR)
			.forEach(coordinator -> events.publishEvent(new StaffAttentionRequested(id, group, number, coordinator)));
		return true;
	}

	/**
	 * Resolves the group's open flag: the programme's coordinators only.
	 * @return false when none was open
	 */
	@Transactional
	public boolean resolve(ProgrammeId id, UUID group, AccountId coordinator) {
		var allowed = meetings.groupToChange(id, group, coordinator);
		if (!access.coordinates(allowed.programme(), coordinator)) {
			throw new Forbidden("staff resolve the flag");
		}
		store.lockGroup(group);
		return store.resolve(group, coordinator, clock.instant());
	}

}
