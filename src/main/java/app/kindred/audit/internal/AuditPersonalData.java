package app.kindred.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.PersonalDataContributor;

/**
 * The audit's part of a person's data: who read their data, the reads they made of
 * others' (naming the others by account only, as the rows do).
 */
@Component
public class AuditPersonalData implements PersonalDataContributor {

	static final int ORDER = 900;

	/**
	 * The tables this export reads about the person (PersonalDataCoverageTests holds
	 * every module to it).
	 */
	static final List<String> TABLES = List.of("sensitive_read");

	private final AuditStore store;

	AuditPersonalData(AuditStore store) {
		this.store = store;
	}

	/** A read of the person's data. */
	record ReadOfMine(Instant readAt, UUID reader, String readerRole, String kind, UUID organisation, UUID programme) {
	}

	/** A read the person made of someone else's data. */
	record ReadByMe(Instant readAt, UUID subject, String kind, UUID organisation, UUID programme, String reference) {
	}

	@Override
	@Transactional(readOnly = true)
	public List<Section> personalData(UUID account) {
		var sections = new ArrayList<Section>();
		var ofMine = store.bySubject(account)
			.stream()
			.map(r -> new ReadOfMine(r.readAt(), r.reader(), r.readerRole(), r.kind().name(), r.organisation(),
					r.programme()))
			.toList();
		if (!ofMine.isEmpty()) {
			sections.add(new Section("audit.data.readsOfMine", ORDER, ofMine));
		}
		var byMe = store.byReader(account)
			.stream()
			.map(r -> new ReadByMe(r.readAt(), r.subject(), r.kind().name(), r.organisation(), r.programme(),
					r.reference()))
			.toList();
		if (!byMe.isEmpty()) {
			sections.add(new Section("audit.data.readsByMe", ORDER + 1, byMe));
		}
		return sections;
	}

}
