package app.kindred.recruitment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeSettings;
import app.kindred.programme.ProgrammeView;
import app.kindred.core.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Signing up as mentor or participant, first come first served, and stepping back. One
 * application per person, programme and role: asking again shows the one there is.
 */
@Service
public class Recruitment {

	/**
	 * How long a sign-up waits for its decision before it answers "pending"; allocation
	 * takes milliseconds.
	 */
	private static final Duration DECISION_WAIT = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final SeatAllocator allocator;

	private final ProgrammeService programmes;

	private final Accounts accounts;

	private final Clock clock;

	private final AnswerDocuments documents;

	// Looked up when needed: the module that forms groups depends on this one
	private final ObjectProvider<GroupsFormed> groupsFormed;

	Recruitment(JdbcClient jdbc, TransactionTemplate transactions, SeatAllocator allocator, ProgrammeService programmes,
			Accounts accounts, Clock clock, AnswerDocuments documents, ObjectProvider<GroupsFormed> groupsFormed) {
		this.documents = documents;
		this.groupsFormed = groupsFormed;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.allocator = allocator;
		this.programmes = programmes;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The published programme, and whether its window for this role is open now. */
	public ProgrammeView programme(ProgrammeId id) {
		return programmes.publicView(id);
	}

	/**
	 * Why this person may not sign up now, if they may not; without an account, only the
	 * window counts.
	 */
	public Optional<RecruitmentClosed.Reason> refusal(ProgrammeView programme, RecruitmentRole role,
			AccountId account) {
		var s = programme.settings();
		var now = clock.instant();
		Instant opens = role == RecruitmentRole.MENTOR ? s.mentorCallOpens() : s.signupOpens();
		Instant closes = role == RecruitmentRole.MENTOR ? s.mentorCallCloses() : s.signupCloses();
		if (now.isBefore(opens)) {
			return Optional.of(RecruitmentClosed.Reason.NOT_OPEN_YET);
		}
		if (!now.isBefore(closes)) {
			return Optional.of(RecruitmentClosed.Reason.CLOSED);
		}
		if (account != null && s.eligibilityKind() == EligibilityKind.EMAIL_DOMAIN
				&& !inDomain(account, s.eligibilityValue())) {
			return Optional.of(RecruitmentClosed.Reason.NOT_ELIGIBLE);
		}
		return Optional.empty();
	}

	/**
	 * Signs up and waits for the allocator's decision: seated, or waiting at a position.
	 * A second attempt, such as a double click or a retried POST, returns the first
	 * application.
	 */
	public ApplicationStatus signUp(ProgrammeView programme, RecruitmentRole role, AccountId account,
			SignUpAnswers answers) {
		var programmeId = programme.id();
		refusal(programme, role, account).ifPresent(reason -> {
			throw new RecruitmentClosed(reason);
		});
		if (programme.settings().eligibilityKind() == EligibilityKind.SELF_DECLARED && !answers.declaredEligible()) {
			throw new RecruitmentClosed(RecruitmentClosed.Reason.NOT_ELIGIBLE);
		}
		var existing = find(programmeId, role, account);
		if (existing.isPresent()) {
			return existing.get();
		}
		allocator.ensurePool(programmeId.value(), role, seats(programme.settings(), role));
		var id = UUID.randomUUID();
		try {
			transactions.executeWithoutResult(s -> jdbc.sql("""
					insert into application (id, programme_id, role, account_id, state, languages, delivery, department,
					                         motivation, experience, answers, created_at)
					values (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, programmeId.value(), role.name(), account.value(), languages(answers),
						answers.delivery().name(), blankToNull(answers.department()), blankToNull(answers.motivation()),
						blankToNull(answers.experience()), documents.write(answers.details()),
						Timestamp.from(clock.instant()))
				.update());
		}
		catch (DuplicateKeyException alreadyThere) {
			return find(programmeId, role, account).orElseThrow();
		}
		return awaitDecision(programmeId, role, id);
	}

	public Optional<ApplicationStatus> find(ProgrammeId programme, RecruitmentRole role, AccountId account) {
		return jdbc.sql("select id from application where programme_id = ? and role = ? and account_id = ?")
			.params(programme.value(), role.name(), account.value())
			.query(UUID.class)
			.optional()
			.map(this::status);
	}

	/**
	 * Everyone with a place in this role, in arrival order: for the modules that train
	 * and group them.
	 */
	public List<AccountId> accepted(ProgrammeId programme, RecruitmentRole role) {
		return jdbc.sql(
				"select account_id from application where programme_id = ? and role = ? and state = 'SEATED' order by arrival")
			.params(programme.value(), role.name())
			.query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
			.list();
	}

	/**
	 * The programmes in which the person has a place in this role, for their calendar.
	 */
	public List<ProgrammeId> acceptedIn(AccountId account, RecruitmentRole role) {
		return jdbc.sql("select programme_id from application where account_id = ? and role = ? and state = 'SEATED'")
			.params(account.value(), role.name())
			.query((rs, n) -> new ProgrammeId(rs.getObject(1, UUID.class)))
			.list();
	}

	/**
	 * Someone with a place, in arrival order, with their answers: what group formation
	 * works from.
	 */
	public record Accepted(AccountId account, long arrival, SignUpAnswers answers) {
	}

	public List<Accepted> acceptedWithAnswers(ProgrammeId programme, RecruitmentRole role) {
		return jdbc.sql("""
				select account_id, arrival, languages, delivery, department, motivation, experience, answers
				  from application where programme_id = ? and role = ? and state = 'SEATED' order by arrival""")
			.params(programme.value(), role.name())
			.query((rs, n) -> new Accepted(new AccountId(rs.getObject(1, UUID.class)), rs.getLong(2), answers(rs)))
			.list();
	}

	/** The answers of the person's own application, as they gave them last. */
	public Optional<SignUpAnswers> answers(ProgrammeId programme, RecruitmentRole role, AccountId account) {
		return jdbc.sql("""
				select languages, delivery, department, motivation, experience, answers from application
				 where programme_id = ? and role = ? and account_id = ?""")
			.params(programme.value(), role.name(), account.value())
			.query((rs, n) -> answers(rs))
			.optional();
	}

	/**
	 * The answers of the current row, read by column name from a query that selects them
	 * all.
	 */
	private SignUpAnswers answers(ResultSet rs) throws SQLException {
		return new SignUpAnswers(
				Arrays.stream(rs.getString("languages").split(",")).map(Language::valueOf).collect(Collectors.toSet()),
				SignUpAnswers.Delivery.valueOf(rs.getString("delivery")), rs.getString("department"),
				rs.getString("motivation"), rs.getString("experience"), true, documents.read(rs.getString("answers")));
	}

	/**
	 * Changes the answers of the person's own application while its window is open; where
	 * they are in line does not change. Closed windows, withdrawn applications and people
	 * without one are refused, and nothing changes.
	 */
	public void changeAnswers(ProgrammeView programme, RecruitmentRole role, AccountId account, SignUpAnswers changed) {
		var late = lateChange(programme, role, account);
		var answers = late ? answers(programme.id(), role, account).orElseThrow().withLogisticsOf(changed) : changed;
		if (!late) {
			refusal(programme, role, account).ifPresent(reason -> {
				throw new RecruitmentClosed(reason);
			});
		}
		var mine = find(programme.id(), role, account).orElseThrow(() -> new NotFoundException("application"));
		if (!mine.state().live()) {
			throw new RecruitmentClosed(RecruitmentClosed.Reason.NOT_LIVE);
		}
		transactions.executeWithoutResult(s -> jdbc.sql("""
				update application set languages = ?, delivery = ?, department = ?, motivation = ?, experience = ?,
				       answers = ?, updated_at = ?
				 where id = ?""")
			.params(languages(answers), answers.delivery().name(), blankToNull(answers.department()),
					blankToNull(answers.motivation()), blankToNull(answers.experience()),
					documents.write(answers.details()), Timestamp.from(clock.instant()), mine.id())
			.update());
	}

	/**
	 * Whether this is a mentor with a place whose call has closed but whose groups are
	 * not formed yet: they may still change their languages, place, weekly times and
	 * wished co-mentor ({@link SignUpAnswers#withLogisticsOf}).
	 */
	public boolean lateChange(ProgrammeView programme, RecruitmentRole role, AccountId account) {
		return role == RecruitmentRole.MENTOR
				&& refusal(programme, role, account).filter(r -> r == RecruitmentClosed.Reason.CLOSED).isPresent()
				&& find(programme.id(), role, account).filter(a -> a.state() == ApplicationState.SEATED).isPresent()
				&& groupsFormed.stream().noneMatch(g -> g.formed(programme.id()));
	}

	private static String languages(SignUpAnswers answers) {
		return answers.languages().stream().map(Language::name).sorted().collect(Collectors.joining(","));
	}

	/**
	 * Withdraws the person's own application; a freed seat goes to the first on the
	 * waiting list at once. Someone without an application gets a 404.
	 */
	public void withdraw(ProgrammeId programme, RecruitmentRole role, AccountId account) {
		allocator.withdraw(find(programme, role, account).orElseThrow(() -> new NotFoundException("application")).id());
	}

	private ApplicationStatus awaitDecision(ProgrammeId programme, RecruitmentRole role, UUID id) {
		var deadline = clock.instant().plus(DECISION_WAIT);
		long pause = 200_000;
		while (true) {
			allocator.allocate(programme.value(), role);
			var status = status(id);
			if (status.state() != ApplicationState.PENDING || clock.instant().isAfter(deadline)) {
				return status;
			}
			// Another request holds the pool and will decide this one too, or has just
			// missed it: look again soon.
			LockSupport.parkNanos(pause);
			pause = Math.min(pause * 2, 20_000_000);
		}
	}

	private ApplicationStatus status(UUID id) {
		return jdbc.sql("""
				select a.id, a.programme_id, a.role, a.state, a.arrival, a.created_at,
				       (select count(*) from application w where w.programme_id = a.programme_id and w.role = a.role
				           and w.state = 'WAITING' and w.arrival < a.arrival) as ahead
				  from application a where a.id = ?""").param(id).query((rs, n) -> {
			var state = ApplicationState.valueOf(rs.getString("state"));
			return new ApplicationStatus(rs.getObject("id", UUID.class), rs.getObject("programme_id", UUID.class),
					RecruitmentRole.valueOf(rs.getString("role")), state, rs.getLong("arrival"),
					state == ApplicationState.WAITING ? rs.getInt("ahead") + 1 : 0,
					rs.getTimestamp("created_at").toInstant());
		}).single();
	}

	private boolean inDomain(AccountId account, String domain) {
		var wanted = domain.strip().toLowerCase(Locale.ROOT).replaceFirst("^@", "");
		return accounts.find(account)
			.map(a -> a.email().toLowerCase(Locale.ROOT))
			.filter(e -> e.endsWith("@" + wanted) || e.endsWith("." + wanted))
			.isPresent();
	}

	static int seats(ProgrammeSettings settings, RecruitmentRole role) {
		return role == RecruitmentRole.MENTOR ? settings.mentorSeats() : settings.participantSeats();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
