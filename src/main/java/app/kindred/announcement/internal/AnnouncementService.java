package app.kindred.announcement.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.announcement.AnnouncementId;
import app.kindred.announcement.AnnouncementMade;
import app.kindred.announcement.Announcements;
import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountSummary;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.RecruitmentService;

/**
 * Writing to a programme's people: whom an audience reaches, sending (one event per
 * person, so each mail goes to that person alone and in their language), the list of sent
 * announcements with how many each reached, and dismissing one from a person's Home. Only
 * the programme's coordinators write and read the list (others on the staff get a 403,
 * everyone else a 404); the list never names a recipient.
 */
@Service
public class AnnouncementService implements Announcements {

	public static final int SUBJECT_MAX = 150;

	public static final int BODY_MAX = 5000;

	/** One language's subject and body as written. */
	public record Text(String subject, String body) {
	}

	/**
	 * What the coordinator wrote: the audience (with its group for
	 * {@link Audience#GROUP}) and the texts in the order written, the first being what
	 * people get whose language has none.
	 */
	public record Draft(Audience audience, UUID group, SequencedMap<Language, Text> texts) {
	}

	/** A sent announcement as the coordinators' list shows it: counts, never names. */
	public record Sent(AnnouncementId id, Audience audience, Integer groupNumber, Instant sentAt, int reached,
			Version version, String author) {
	}

	/** A published group to pick as the audience. */
	public record GroupChoice(UUID id, int number) {
	}

	public record Overview(ProgrammeView programme, List<Sent> sent, List<GroupChoice> groups) {
	}

	private final AnnouncementStore store;

	private final ProgrammeAccess access;

	private final RecruitmentService recruitment;

	private final PublishedGroups groups;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AnnouncementService(AnnouncementStore store, ProgrammeAccess access, RecruitmentService recruitment,
			PublishedGroups groups, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.access = access;
		this.recruitment = recruitment;
		this.groups = groups;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/** The programme, for its coordinators only. */
	public ProgrammeView coordinated(ProgrammeId id, AccountId viewer) {
		return access.coordinated(id, viewer);
	}

	/**
	 * The programme's sent announcements, each in the viewer's language where written in
	 * it.
	 */
	@Transactional(readOnly = true)
	public Overview overview(ProgrammeId id, AccountId coordinator, Language language) {
		var programme = access.coordinated(id, coordinator);
		var rows = store.sent(programme.id());
		var versions = store.versions(rows.stream().map(AnnouncementStore.Row::id).toList());
		var authors = accounts.findAll(rows.stream().map(AnnouncementStore.Row::author).distinct().toList());
		var sent = rows.stream()
			.map(r -> new Sent(r.id(), r.audience(), r.groupNumber(), r.sentAt(), r.reached(),
					pick(versions.getOrDefault(r.id(), List.of()), language).orElse(null),
					Optional.ofNullable(authors.get(r.author())).map(AccountSummary::displayName).orElse("")))
			.toList();
		var choices = groups.groups(programme.id()).stream().map(g -> new GroupChoice(g.id(), g.number())).toList();
		return new Overview(programme, sent, choices);
	}

	/** The number of the programme's published group, for the confirmation. */
	public Integer groupNumber(ProgrammeView programme, UUID group) {
		if (group == null) {
			return null;
		}
		return groups.group(group)
			.filter(g -> g.programme().equals(programme.id()))
			.map(PublishedGroups.Group::number)
			.orElse(null);
	}

	/**
	 * How many people the audience reaches now: what the confirmation shows before
	 * sending.
	 */
	@Transactional(readOnly = true)
	public int reach(ProgrammeView programme, Audience audience, UUID group) {
		return recipients(programme.id(), audience, group).size();
	}

	/**
	 * Sends the announcement: stores it with everyone it reaches and tells each of them
	 * by their own event. Refused, with nothing stored, when the texts break the rules or
	 * the audience is empty.
	 * @return how many people it reached
	 */
	@Transactional
	public int send(ProgrammeId id, Draft draft, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		check(draft);
		var recipients = recipients(programme.id(), draft.audience(), draft.group());
		if (recipients.isEmpty()) {
			throw Refused.invalid("audience", "announcement.audience.nobody");
		}
		var announcement = new AnnouncementId(UUID.randomUUID());
		var groupNumber = draft.audience() == Audience.GROUP
				? groups.group(draft.group()).map(PublishedGroups.Group::number).orElse(null) : null;
		store.insert(announcement, programme.id(), draft.audience(),
				draft.audience() == Audience.GROUP ? draft.group() : null, groupNumber, coordinator, clock.instant(),
				recipients.size());
		int order = 0;
		for (var text : draft.texts().entrySet()) {
			store.insertText(announcement, text.getKey(), order++, text.getValue().subject(), text.getValue().body());
		}
		recipients.forEach((person, role) -> {
			store.insertRecipient(announcement, person, role);
			events.publishEvent(new AnnouncementMade(announcement, programme.id(), person));
		});
		return recipients.size();
	}

	/**
	 * Takes the announcement off the person's Home. Anyone it was not sent to gets a 404,
	 * as if it did not exist.
	 */
	@Transactional
	public void dismiss(AnnouncementId id, AccountId person) {
		if (!store.sentTo(id, person)) {
			throw new NotFoundException("announcement");
		}
		store.dismiss(id, person, clock.instant());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Version> version(AnnouncementId id, Language wanted) {
		return pick(store.versions(List.of(id)).getOrDefault(id, List.of()), wanted);
	}

	/** The version in the wanted language, else the first written. */
	static Optional<Version> pick(List<Version> versions, Language wanted) {
		return versions.stream()
			.filter(v -> v.language() == wanted)
			.findFirst()
			.or(() -> versions.stream().findFirst());
	}

	/**
	 * Everyone the audience reaches, once each, with the role they are reached in: a
	 * person both seated and waiting (in the other role) is told once.
	 */
	private SequencedMap<AccountId, RecruitmentRole> recipients(ProgrammeId programme, Audience audience, UUID group) {
		var people = new LinkedHashMap<AccountId, RecruitmentRole>();
		if (audience == null) {
			throw Refused.invalid("audience", "announcement.audience.required");
		}
		switch (audience) {
			case MENTORS ->
				add(people, recruitment.accepted(programme, RecruitmentRole.MENTOR), RecruitmentRole.MENTOR);
			case PARTICIPANTS ->
				add(people, recruitment.accepted(programme, RecruitmentRole.PARTICIPANT), RecruitmentRole.PARTICIPANT);
			case WAITING -> addWaiting(people, programme);
			case GROUP -> {
				if (group == null) {
					throw Refused.invalid("group", "announcement.group.required");
				}
				var members = groups.group(group)
					.filter(g -> g.programme().equals(programme))
					.orElseThrow(() -> Refused.invalid("group", "announcement.group.unknown"))
					.members();
				members.forEach(m -> people.putIfAbsent(m.person(), m.role()));
			}
			case EVERYONE -> {
				add(people, recruitment.accepted(programme, RecruitmentRole.MENTOR), RecruitmentRole.MENTOR);
				add(people, recruitment.accepted(programme, RecruitmentRole.PARTICIPANT), RecruitmentRole.PARTICIPANT);
				addWaiting(people, programme);
			}
		}
		return people;
	}

	private void addWaiting(Map<AccountId, RecruitmentRole> people, ProgrammeId programme) {
		add(people, recruitment.waiting(programme, RecruitmentRole.MENTOR), RecruitmentRole.MENTOR);
		add(people, recruitment.waiting(programme, RecruitmentRole.PARTICIPANT), RecruitmentRole.PARTICIPANT);
	}

	private static void add(Map<AccountId, RecruitmentRole> people, List<AccountId> accounts, RecruitmentRole role) {
		accounts.forEach(a -> people.putIfAbsent(a, role));
	}

	/**
	 * The rules the form checks first, checked again here so that no caller stores an
	 * empty or absurd announcement.
	 */
	private static void check(Draft draft) {
		if (draft.texts().isEmpty()) {
			throw Refused.invalid("subjectEn", "announcement.text.none");
		}
		for (var text : draft.texts().values()) {
			if (text.subject() == null || text.subject().isBlank() || text.body() == null || text.body().isBlank()) {
				throw Refused.invalid("subjectEn", "announcement.text.none");
			}
			if (text.subject().length() > SUBJECT_MAX || text.body().length() > BODY_MAX) {
				throw Refused.invalid("bodyEn", "announcement.text.tooLong");
			}
		}
	}

}
