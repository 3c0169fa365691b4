package app.kindred;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountService;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationKind;
import app.kindred.organisation.OrganisationService;
import app.kindred.organisation.OrganisationSettings;
import app.kindred.organisation.Role;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeSettings;
import app.kindred.programme.ProgrammeText;

/**
 * Builds people, organisations and programmes through the modules' own services, with
 * unique e-mail addresses so that tests sharing one database never see each other's data.
 */
@Component
public class TestData {

	public static final String PASSWORD = "correct horse battery";

	private final AccountService accounts;

	private final OrganisationService organisations;

	private final ProgrammeService programmes;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final boolean postgres;

	TestData(AccountService accounts, OrganisationService organisations, ProgrammeService programmes, Clock clock,
			JdbcClient jdbc, DataSourceProperties database) {
		this.jdbc = jdbc;
		this.postgres = String.valueOf(database.determineUrl()).startsWith("jdbc:postgresql:");
		this.accounts = accounts;
		this.organisations = organisations;
		this.programmes = programmes;
		this.clock = clock;
	}

	public static String uniqueEmail(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
	}

	public Person person(String who) {
		var email = uniqueEmail(who);
		return new Person(accounts.registerVerified(email, who, PASSWORD, Language.EN), email);
	}

	/** An organisation with one person in each staff role, and one who has none. */
	public Staff staff() {
		var founder = person("founder");
		var organisation = organisations
			.create(new OrganisationSettings("Test University " + founder.email(), OrganisationKind.UNIVERSITY,
					Language.EN, ZoneId.of("Europe/Helsinki"), "Contact", "contact@test.example"), founder.id());
		var admin = person("admin");
		var coordinator = person("coordinator");
		var teacher = person("teacher");
		organisations.grant(organisation, admin.id(), Role.ORG_ADMIN);
		organisations.grant(organisation, coordinator.id(), Role.COORDINATOR);
		organisations.grant(organisation, teacher.id(), Role.TEACHER);
		return new Staff(organisation, founder, admin, coordinator, teacher, person("outsider"));
	}

	public ProgrammeId programme(Staff staff, boolean published) {
		return programme(staff, published, settings());
	}

	public ProgrammeId programme(Staff staff, boolean published, ProgrammeSettings settings) {
		var id = programmes.create(staff.organisation(),
				Map.of(Language.EN, new ProgrammeText("Test programme", "A programme for tests.", "Students")),
				EnumSet.of(Language.EN), settings, staff.coordinator().id());
		if (published) {
			programmes.publish(id, staff.coordinator().id());
		}
		return id;
	}

	/** Settings whose mentor call and sign-up are both open now. */
	public ProgrammeSettings settings() {
		return settings(40, clock.instant().minus(Duration.ofDays(1)), EligibilityKind.NONE, null);
	}

	/**
	 * Settings with the given participant seats and sign-up opening time (open for 40
	 * days), and rule.
	 */
	public ProgrammeSettings settings(int participantSeats, Instant signupOpens, EligibilityKind rule,
			String ruleValue) {
		var now = clock.instant();
		var termStart = LocalDate.now(clock).plusDays(60);
		return new ProgrammeSettings(rule, ruleValue, true, "https://video.example/room", false, List.of(), termStart,
				termStart.plusDays(90), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(20)), 10, signupOpens,
				signupOpens.plus(Duration.ofDays(40)), participantSeats, 3, 210, 6, 120, 1, 10, 4, 2, false, false,
				false, null, null, null, null, null, null, true, "Coordinator", "coordinator@test.example");
	}

	/**
	 * After a test changed a programme's row in SQL, as another instance would change it:
	 * that instance would announce the change, as {@code core.SharedCaches} does (NOTIFY
	 * on PostgreSQL, in its format: the cache's name and the key), so this one drops the
	 * view it keeps. On H2 there is no announcement, and views are kept for a second.
	 */
	public void programmeChangedElsewhere(ProgrammeId id) {
		if (postgres) {
			jdbc.sql("select pg_notify('kindred_cache', ?)").param("programme " + id.value()).query().listOfRows();
		}
	}

	public Instant now() {
		return clock.instant();
	}

	public record Person(AccountId id, String email) {
	}

	public record Staff(OrganisationId organisation, Person founder, Person admin, Person coordinator, Person teacher,
			Person outsider) {
	}

}
