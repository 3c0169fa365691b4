package app.kindred.certificate.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.certificate.CertificateIssued;
import app.kindred.certificate.CertificateKind;
import app.kindred.certificate.CertificateRevoked;
import app.kindred.certificate.internal.Qualifications.Standing;
import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountSummary;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;
import app.kindred.training.MentorSession;

/**
 * Issuing and revoking certificates, as a programme's coordinators do, and a
 * participant's own request for theirs. Every issue takes the programme's lock first and
 * looks for a certificate in force of that holder and kind: issuing twice, from two tabs
 * or two instances, gives the same certificate and tells its holder once. What a
 * certificate certifies is fixed as it stands on the day ({@link CertificateContent}).
 */
@Service
public class CertificateService {

	/** A reason for an override or a revocation: a few words at least, not an essay. */
	public static final int REASON_MIN = 5;

	public static final int REASON_MAX = 1000;

	/** A certificate, and whether this request issued it (false: it was in force). */
	public record Issued(Certificate certificate, boolean issuedNow) {
	}

	/** What issuing to all who qualify would do: certificates, and people told. */
	public record ToBeTold(int certificates, int people) {
	}

	/**
	 * One person in a kind's table: their standing (null once they are no longer listed,
	 * such as a mentor who withdrew) and their certificate in force, if any.
	 */
	public record Row(Standing standing, Certificate certificate) {

		public AccountId person() {
			return standing != null ? standing.person() : certificate.holder();
		}

	}

	/** One kind's table, with the certificates of that kind revoked, newest first. */
	public record Section(CertificateKind kind, List<Row> rows, List<Certificate> revoked) {
	}

	/**
	 * The coordinators' page: a section per kind that applies, the names of everyone it
	 * mentions (holders, issuers, revokers), and what issuing to all would do.
	 */
	public record Overview(ProgrammeView programme, CertificateSettings settings, List<Section> sections,
			Map<AccountId, AccountSummary> people, ToBeTold toBeTold) {

		public String name(AccountId id) {
			var person = id == null ? null : people.get(id);
			return person == null ? "" : person.displayName();
		}

		public String email(AccountId id) {
			var person = id == null ? null : people.get(id);
			return person == null ? "" : person.email();
		}

	}

	private final CertificateStore store;

	private final CertificateSettingsStore settingsStore;

	private final Qualifications qualifications;

	private final ProgrammeAccess access;

	private final ProgrammeService programmes;

	private final Accounts accounts;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CertificateService(CertificateStore store, CertificateSettingsStore settingsStore, Qualifications qualifications,
			ProgrammeAccess access, ProgrammeService programmes, Accounts accounts, MessageSource messages,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.settingsStore = settingsStore;
		this.qualifications = qualifications;
		this.access = access;
		this.programmes = programmes;
		this.accounts = accounts;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	// Settings

	/** The programme's settings, for its coordinators. */
	@Transactional(readOnly = true)
	public CertificateSettings settings(ProgrammeId id, AccountId coordinator) {
		access.coordinated(id, coordinator);
		return settingsOf(id);
	}

	/** The programme's settings as saved, else the defaults; nobody is checked. */
	@Transactional(readOnly = true)
	public CertificateSettings settingsOf(ProgrammeId id) {
		return settingsStore.find(id).orElse(CertificateSettings.DEFAULTS);
	}

	/**
	 * Saves the settings; the form checks the same first, and this refuses what slipped
	 * past it at its field.
	 */
	@Transactional
	public void saveSettings(ProgrammeId id, CertificateSettings settings, AccountId coordinator) {
		access.coordinated(id, coordinator);
		meetings("minimumMeetings", settings.minimumMeetings());
		meetings("participantMinimumMeetings", settings.participantMinimumMeetings());
		for (var language : Language.values()) {
			var text = settings.roleText(language);
			if (text != null && text.length() > CertificateSettings.ROLE_TEXT_MAX) {
				throw Refused.invalid(roleTextField(language), "certificate.settings.roleText.size");
			}
		}
		if (tooLong(settings.signatoryName(), CertificateSettings.SIGNATORY_MAX)) {
			throw Refused.invalid("signatoryName", "certificate.settings.signatory.size");
		}
		if (tooLong(settings.signatoryTitle(), CertificateSettings.SIGNATORY_MAX)) {
			throw Refused.invalid("signatoryTitle", "certificate.settings.signatory.size");
		}
		store.lockProgramme(id);
		settingsStore.save(id, settings, coordinator, clock.instant());
	}

	/** The settings form's field of the role text in this language. */
	public static String roleTextField(Language language) {
		return "roleText" + language.name().charAt(0) + language.code().substring(1);
	}

	private static void meetings(String field, int value) {
		if (value < 0 || value > CertificateSettings.MEETINGS_MAX) {
			throw Refused.invalid(field, "certificate.settings.meetings.range");
		}
	}

	private static boolean tooLong(String value, int max) {
		return value != null && value.length() > max;
	}

	// The coordinators' page

	@Transactional(readOnly = true)
	public Overview overview(ProgrammeId id, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		var settings = settingsOf(id);
		var standings = qualifications.of(programme, settings);
		var certificates = store.ofProgramme(id);
		var inForce = new LinkedHashMap<Key, Certificate>();
		certificates.stream().filter(c -> !c.revoked()).forEach(c -> inForce.put(Key.of(c), c));
		var sections = new ArrayList<Section>();
		for (var kind : CertificateKind.values()) {
			var rows = new ArrayList<Row>();
			var listed = new HashSet<AccountId>();
			standings.stream().filter(s -> s.kind() == kind).forEach(s -> {
				listed.add(s.person());
				rows.add(new Row(s, inForce.get(new Key(s.person(), kind))));
			});
			inForce.values()
				.stream()
				.filter(c -> c.kind() == kind && !listed.contains(c.holder()))
				.forEach(c -> rows.add(new Row(null, c)));
			var revoked = certificates.stream()
				.filter(c -> c.kind() == kind && c.revoked())
				.sorted(Comparator.comparing(Certificate::revokedAt).reversed())
				.toList();
			boolean applies = switch (kind) {
				case MENTOR -> true;
				case COURSE -> programme.settings().creditCourse();
				case PARTICIPATION -> settings.participation();
			};
			if (applies || !rows.isEmpty() || !revoked.isEmpty()) {
				sections.add(new Section(kind, List.copyOf(rows), revoked));
			}
		}
		var mentioned = new HashSet<AccountId>();
		for (var c : certificates) {
			mentioned.add(c.holder());
			Optional.ofNullable(c.issuedBy()).ifPresent(mentioned::add);
			Optional.ofNullable(c.revokedBy()).ifPresent(mentioned::add);
		}
		var due = due(standings, inForce.keySet());
		return new Overview(programme, settings, List.copyOf(sections), accounts.findAll(mentioned), told(due));
	}

	/** One certificate of the programme, revoked or not, for its coordinators. */
	@Transactional(readOnly = true)
	public Certificate certificate(ProgrammeId id, UUID certificate, AccountId coordinator) {
		access.coordinated(id, coordinator);
		return store.byId(certificate)
			.filter(c -> c.programme().equals(id))
			.orElseThrow(() -> new NotFoundException("certificate"));
	}

	// Issuing

	/**
	 * What {@link #issueAll} would issue now and how many people it would tell, for the
	 * coordinator to confirm. Nothing changes.
	 */
	@Transactional(readOnly = true)
	public ToBeTold toBeToldOfIssueAll(ProgrammeId id, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		return told(due(programme, settingsOf(id)));
	}

	/**
	 * Issues a certificate to everyone who qualifies under the rule and holds none of
	 * that kind in force, each told by their own mail.
	 */
	@Transactional
	public List<Certificate> issueAll(ProgrammeId id, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		store.lockProgramme(id);
		var settings = settingsOf(id);
		var issuer = accounts.find(coordinator).orElseThrow(() -> new NotFoundException("account"));
		var due = due(programme, settings);
		var holders = accounts.findAll(due.stream().map(Standing::person).toList());
		var issued = new ArrayList<Certificate>();
		for (var standing : due) {
			var holder = holders.get(standing.person());
			if (holder != null) {
				issued.add(insert(programme, settings, standing, holder, issuer, null));
			}
		}
		return issued;
	}

	/**
	 * Issues one person's certificate of this kind. Someone the rule does not qualify
	 * needs a reason ({@value #REASON_MIN} to {@value #REASON_MAX} characters), kept as
	 * the override; a course certificate needs a pass in force whatever the reason. A
	 * certificate in force already is returned as it is.
	 */
	@Transactional
	public Issued issue(ProgrammeId id, AccountId person, CertificateKind kind, String reason, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		if (kind == CertificateKind.PARTICIPATION) {
			// Only the participant asks for theirs
			throw Refused.invalid("kind", "certificate.issue.participationByRequest");
		}
		store.lockProgramme(id);
		var existing = store.inForce(id, person, kind);
		if (existing.isPresent()) {
			return new Issued(existing.get(), false);
		}
		var settings = settingsOf(id);
		var standing = qualifications.of(programme, settings, person, kind)
			.orElseThrow(() -> new NotFoundException("person"));
		String override = null;
		if (!standing.qualifies()) {
			if (kind == CertificateKind.COURSE) {
				throw Refused.conflict("certificate.issue.course.noPass");
			}
			override = reason(reason);
		}
		var issuer = accounts.find(coordinator).orElseThrow(() -> new NotFoundException("account"));
		return new Issued(insert(programme, settings, standing, holder(standing), issuer, override), true);
	}

	/**
	 * Revokes a certificate in force with a reason; its holder is told. A certificate
	 * revoked already answers 409.
	 */
	@Transactional
	public Certificate revoke(ProgrammeId id, UUID certificate, String reason, AccountId coordinator) {
		access.coordinated(id, coordinator);
		store.lockProgramme(id);
		var current = store.byId(certificate)
			.filter(c -> c.programme().equals(id))
			.orElseThrow(() -> new NotFoundException("certificate"));
		var why = reason(reason);
		if (current.revoked() || !store.revoke(certificate, coordinator, now(), why)) {
			throw Refused.conflict("certificate.issue.revoke.already");
		}
		events.publishEvent(new CertificateRevoked(current.id(), id, current.holder(), current.kind()));
		return store.byId(certificate).orElseThrow();
	}

	/**
	 * A participant's own request for their participation certificate: a 404 unless the
	 * programme offers them and the participant has a place in one of its published
	 * groups, a 409 while they have not attended the meetings the rule asks. Asking again
	 * returns the certificate in force.
	 */
	@Transactional
	public Issued request(ProgrammeId id, AccountId participant) {
		var programme = programmes.find(id).orElseThrow(() -> new NotFoundException("programme"));
		var settings = settingsOf(id);
		if (!settings.participation()) {
			throw new NotFoundException("certificate");
		}
		var standing = qualifications.participant(programme, settings, participant)
			.orElseThrow(() -> new NotFoundException("certificate"));
		store.lockProgramme(id);
		var existing = store.inForce(id, participant, CertificateKind.PARTICIPATION);
		if (existing.isPresent()) {
			return new Issued(existing.get(), false);
		}
		if (!standing.qualifies()) {
			throw Refused.conflict("certificate.issue.request.notMet");
		}
		return new Issued(insert(programme, settings, standing, holder(standing), null, null), true);
	}

	// For Home

	/** The person's certificates in force, newest first. */
	@Transactional(readOnly = true)
	public List<Certificate> heldBy(AccountId holder) {
		return store.ofHolder(holder).stream().filter(c -> !c.revoked()).toList();
	}

	/**
	 * How many certificates issuing to all would issue now, and whether every group's
	 * mentors have held all the programme's meetings (the time to issue, since a
	 * certificate keeps what stood on its day); nobody is checked.
	 */
	public record Due(int certificates, boolean meetingsDone) {
	}

	@Transactional(readOnly = true)
	public Due due(ProgrammeView programme) {
		var standings = qualifications.of(programme, settingsOf(programme.id()));
		var leading = standings.stream()
			.filter(s -> s.kind() == CertificateKind.MENTOR && !s.evidence().groups().isEmpty())
			.toList();
		boolean done = !leading.isEmpty()
				&& leading.stream().allMatch(s -> s.evidence().meetings() >= programme.settings().meetingCount());
		return new Due(due(standings, inForce(programme.id())).size(), done);
	}

	/**
	 * The participant's standing for the participation certificate under the programme's
	 * settings (which offer one); nobody is checked.
	 */
	@Transactional(readOnly = true)
	public Optional<Standing> participantStanding(ProgrammeView programme, CertificateSettings settings,
			AccountId participant) {
		return qualifications.participant(programme, settings, participant);
	}

	// Helpers

	private record Key(AccountId holder, CertificateKind kind) {

		static Key of(Certificate c) {
			return new Key(c.holder(), c.kind());
		}

	}

	private List<Standing> due(ProgrammeView programme, CertificateSettings settings) {
		return due(qualifications.of(programme, settings), inForce(programme.id()));
	}

	/** Whose certificate of which kind is in force in the programme. */
	private Set<Key> inForce(ProgrammeId programme) {
		var inForce = new HashSet<Key>();
		store.ofProgramme(programme).stream().filter(c -> !c.revoked()).forEach(c -> inForce.add(Key.of(c)));
		return inForce;
	}

	private static List<Standing> due(List<Standing> standings, Set<Key> inForce) {
		return standings.stream()
			.filter(Standing::qualifies)
			.filter(s -> !inForce.contains(new Key(s.person(), s.kind())))
			.toList();
	}

	private static ToBeTold told(List<Standing> due) {
		return new ToBeTold(due.size(), (int) due.stream().map(Standing::person).distinct().count());
	}

	private static String reason(String typed) {
		var reason = typed == null ? "" : typed.strip();
		if (reason.isEmpty()) {
			throw Refused.invalid("reason", "certificate.issue.reason.required");
		}
		if (reason.length() < REASON_MIN || reason.length() > REASON_MAX) {
			throw Refused.invalid("reason", "certificate.issue.reason.size");
		}
		return reason;
	}

	private AccountSummary holder(Standing standing) {
		return accounts.find(standing.person()).orElseThrow(() -> new NotFoundException("person"));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * Stores the certificate with what it certifies today and tells its holder. The
	 * caller holds the programme's lock and found none in force.
	 */
	private Certificate insert(ProgrammeView programme, CertificateSettings settings, Standing standing,
			AccountSummary holder, AccountSummary issuer, String override) {
		var certificate = new Certificate(UUID.randomUUID(), VerificationCodes.next(), programme.id(),
				programme.organisation(), holder.id(), standing.kind(),
				content(programme, settings, standing, holder, issuer), now(), issuer == null ? null : issuer.id(),
				override, null, null, null);
		store.insert(certificate);
		events.publishEvent(
				new CertificateIssued(certificate.id(), programme.id(), certificate.holder(), certificate.kind()));
		return certificate;
	}

	/**
	 * What the certificate certifies: for a mentor the trainings and supervision
	 * attended, the groups co-led with their meetings held, the hours and the role's text
	 * in every language; for a participant the meetings attended and their hours; for the
	 * course the pass in force with its code, credits and outcomes. The signatory is the
	 * settings' own, else the issuing coordinator, else (a participant's request) the
	 * programme's contact person.
	 */
	CertificateContent content(ProgrammeView programme, CertificateSettings settings, Standing standing,
			AccountSummary holder, AccountSummary issuer) {
		var names = new EnumMap<Language, String>(Language.class);
		programme.texts().forEach((language, text) -> names.put(language, text.name()));
		var evidence = standing.evidence();
		var kind = standing.kind();
		List<CertificateContent.Session> trainings = List.of();
		List<CertificateContent.Session> supervision = List.of();
		List<CertificateContent.Group> groups = List.of();
		int minutes = 0;
		Map<Language, String> roleTexts = Map.of();
		CertificateContent.Course course = null;
		if (kind == CertificateKind.MENTOR || kind == CertificateKind.PARTICIPATION) {
			trainings = sessions(evidence.trainings(), programme);
			supervision = sessions(evidence.supervision(), programme);
			groups = evidence.groups()
				.stream()
				.map(g -> new CertificateContent.Group(g.number(), g.language(), g.meetings(), g.minutes()))
				.toList();
			minutes = evidence.minutes();
		}
		if (kind == CertificateKind.MENTOR) {
			var texts = new EnumMap<Language, String>(Language.class);
			for (var language : Language.values()) {
				var own = settings.roleText(language);
				texts.put(language,
						own != null ? own : messages.getMessage("certificate.role.default", null, language.locale()));
			}
			roleTexts = texts;
		}
		if (kind == CertificateKind.COURSE) {
			var pass = evidence.pass();
			course = new CertificateContent.Course(pass.code(), pass.credits(), pass.passedOn(), pass.outcomes());
		}
		var signatory = settings.signatoryName() != null ? settings.signatoryName()
				: issuer != null ? issuer.displayName() : programme.settings().contactName();
		return new CertificateContent(holder.displayName(), programme.organisationName(), names,
				programme.settings().termStart(), programme.settings().termEnd(), trainings, supervision, groups,
				minutes, roleTexts, course, signatory, settings.signatoryTitle());
	}

	private static List<CertificateContent.Session> sessions(List<MentorSession> sessions, ProgrammeView programme) {
		return sessions.stream()
			.map(s -> new CertificateContent.Session(s.startsAt().atZone(programme.zone()).toLocalDate(), s.minutes()))
			.toList();
	}

}
