package app.kindred.assessment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeView;

/**
 * A programme's reading list as its coordinators and teachers keep it: bibliographic
 * entries in the order the mentors see them. Removing an entry removes the marks of those
 * who read it.
 */
@Service
public class ReadingListService {

	public static final int CITATION_MAX = 1000;

	/** More than any course asks to read; keeps a forged loop of additions finite. */
	public static final int MAX_ENTRIES = 60;

	private final ProgrammeAccess access;

	private final WorkloadStore store;

	ReadingListService(ProgrammeAccess access, WorkloadStore store) {
		this.access = access;
		this.store = store;
	}

	/** The list with its programme, for a coordinator or teacher of the programme. */
	public record Settings(ProgrammeView programme, List<ReadingEntry> entries) {

		public List<String> citations() {
			return entries.stream().map(ReadingEntry::citation).toList();
		}

	}

	/** The list, for the programme's coordinators and teachers; 403/404 for others. */
	@Transactional(readOnly = true)
	public Settings settings(ProgrammeId id, AccountId viewer) {
		var programme = access.coordinatedOrTaught(id, viewer);
		return new Settings(programme, store.readings(id));
	}

	/** Adds an entry at the end of the list. */
	@Transactional
	public void add(ProgrammeId id, String citation, AccountId viewer) {
		access.coordinatedOrTaught(id, viewer);
		append(id, citation);
	}

	/**
	 * Adds the entries at the end of a list that has none yet, for set-up (the demo
	 * data); a list with entries is left as it is.
	 */
	@Transactional
	public void fillIfEmpty(ProgrammeId id, List<String> citations) {
		if (store.readings(id).isEmpty()) {
			citations.forEach(c -> append(id, c));
		}
	}

	@Transactional
	public void remove(ProgrammeId id, UUID entry, AccountId viewer) {
		access.coordinatedOrTaught(id, viewer);
		store.reading(id, entry).orElseThrow(() -> new NotFoundException("reading"));
		store.deleteReading(entry);
		renumber(store.readings(id));
	}

	/**
	 * Moves an entry one place up ({@code by} -1) or down (+1); at either end nothing
	 * moves.
	 */
	@Transactional
	public void move(ProgrammeId id, UUID entry, int by, AccountId viewer) {
		access.coordinatedOrTaught(id, viewer);
		if (by != -1 && by != 1) {
			throw Refused.invalid("direction", "assessment.reading.settings.direction");
		}
		var entries = new ArrayList<>(store.readings(id));
		int from = indexOf(entries, entry);
		int to = from + by;
		if (to >= 0 && to < entries.size()) {
			entries.add(to, entries.remove(from));
		}
		renumber(entries);
	}

	private void append(ProgrammeId id, String citation) {
		var text = citation == null ? "" : citation.strip();
		if (text.isEmpty() || text.length() > CITATION_MAX) {
			throw Refused.invalid("citation", "assessment.reading.settings.citation.size");
		}
		var entries = store.readings(id);
		if (entries.size() >= MAX_ENTRIES) {
			throw Refused.invalid("citation", "assessment.reading.settings.full");
		}
		int position = entries.stream().mapToInt(ReadingEntry::position).max().orElse(0) + 1;
		store.insertReading(id, new ReadingEntry(UUID.randomUUID(), position, text));
	}

	private void renumber(List<ReadingEntry> entries) {
		for (int i = 0; i < entries.size(); i++) {
			if (entries.get(i).position() != i + 1) {
				store.moveReading(entries.get(i).id(), i + 1);
			}
		}
	}

	private static int indexOf(List<ReadingEntry> entries, UUID entry) {
		for (int i = 0; i < entries.size(); i++) {
			if (entries.get(i).id().equals(entry)) {
				return i;
			}
		}
		throw new NotFoundException("reading");
	}

}
