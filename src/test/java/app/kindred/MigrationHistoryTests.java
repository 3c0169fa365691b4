package app.kindred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * Migrations are history: one that has landed on main has run on databases that will
 * never run it again, so editing, renaming or removing it splits the schema between
 * databases (and Flyway refuses to start on those whose recorded checksum no longer
 * matches). {@code db/migration-checksums.txt} records every landed migration with the
 * checksum Flyway computes for it.
 */
class MigrationHistoryTests {

	private static final Path LANDED = Path.of("src/test/resources/db/migration-checksums.txt");

	/**
	 * The sources, not the classpath: a removed file lingers in target/classes until a
	 * clean build.
	 */
	private static final String MIGRATIONS = "filesystem:src/main/resources/db/migration";

	@Test
	void noLandedMigrationIsEditedRenamedOrRemoved() throws IOException {
		var current = resolved();
		var problems = new ArrayList<String>();
		for (var landed : landed().values()) {
			var now = current.get(landed.version());
			if (now == null) {
				problems.add(landed.name() + " has landed and must not be edited; add a new version. It is gone.");
			}
			else if (!now.equals(landed)) {
				problems.add(landed.name() + " has landed and must not be edited; add a new version. Landed as "
						+ landed.line() + ", now " + now.line() + ". (Only if it has not reached main yet, "
						+ "replace its line in " + LANDED + " with: " + now.line() + ")");
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * A new migration fails here until its line is added to the list, in the commit that
	 * adds it: the list is the record of what has landed, and a migration missing from it
	 * would be unprotected once it lands.
	 */
	@Test
	void everyMigrationIsListedAndNumberedAboveTheLandedOnes() throws IOException {
		var landed = landed();
		var highest = landed.keySet().stream().max(MigrationVersion::compareTo).orElseThrow();
		var problems = new ArrayList<String>();
		for (var migration : resolved().values()) {
			if (landed.containsKey(migration.version())) {
				continue;
			}
			if (migration.version().compareTo(highest) > 0) {
				problems.add(migration.name() + " is not in " + LANDED + ". Add this line: " + migration.line());
			}
			else {
				problems.add(migration.name() + " is numbered below V" + highest
						+ ", which has landed: databases that ran V" + highest
						+ " refuse an older version (out of order). Number it above V" + highest + ".");
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * Flyway's own check, as a start of the application would make it: a database
	 * migrated with today's files whose schema history is then made what the list says
	 * has landed (the history a database from main would have), and validated against
	 * today's files with the unlisted ones still to run.
	 */
	@Test
	void flywayValidatesTheLandedHistoryAgainstTodaysMigrations() throws IOException, SQLException {
		var url = "jdbc:h2:mem:" + UUID.randomUUID();
		try (var connection = DriverManager.getConnection(url, "sa", "")) {
			flyway(url).migrate();
			recordAsHistory(connection, landed().values());

			var result = Flyway.configure()
				.dataSource(url, "sa", "")
				.locations(MIGRATIONS)
				.ignoreMigrationPatterns("*:pending")
				.load()
				.validateWithResult();

			assertThat(result.validationSuccessful).as(result.getAllErrorMessages()).isTrue();
		}
	}

	/**
	 * The embedded database (development mode, the tests) keeps its CHECK constraints
	 * after the connection that migrated it closes, as Hikari closes every connection
	 * after 30 minutes. H2 2.4.240 did not: its {@code IN (...)} constraints then failed
	 * every insert as "Check constraint invalid", and a long test run or development
	 * instance could no longer record mail (pom.xml pins H2 for this).
	 */
	@Test
	void constraintsOutliveTheConnectionThatMigrated() throws SQLException {
		var url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		// Flyway migrates on a connection of its own and closes it
		flyway(url).migrate();
		try (var later = DriverManager.getConnection(url, "sa", "");
				var insert = later.prepareStatement(
						"""
								insert into outgoing_mail (id, message_id, position, kind, recipient, status, attempts,
								                           next_attempt_at, created_at)
								values (random_uuid(), cast(random_uuid() as varchar), 0, 'test', 'someone@test', ?, 0, current_timestamp,
								        current_timestamp)""")) {
			insert.setString(1, "PENDING");
			assertThat(insert.executeUpdate()).isEqualTo(1);
			insert.setString(1, "LOST");
			assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
				.hasMessageContaining("OUTGOING_MAIL_STATUS")
				.hasMessageNotContaining("invalid");
		}
		finally {
			try (var last = DriverManager.getConnection(url, "sa", "")) {
				last.createStatement().execute("SHUTDOWN");
			}
		}
	}

	/** The connection also keeps the in-memory database alive until the test ends. */
	private static void recordAsHistory(Connection connection, Iterable<Migration> landed) throws SQLException {
		var versions = new ArrayList<String>();
		for (var migration : landed) {
			versions.add("'" + migration.version() + "'");
		}
		try (var statement = connection.createStatement()) {
			statement.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" NOT IN ("
					+ String.join(", ", versions) + ")");
		}
		for (var migration : landed) {
			try (var update = connection.prepareStatement("UPDATE \"flyway_schema_history\""
					+ " SET \"description\" = ?, \"checksum\" = ? WHERE \"version\" = ?")) {
				update.setString(1, migration.description());
				update.setInt(2, migration.checksum());
				update.setString(3, migration.version().getVersion());
				if (update.executeUpdate() == 0) {
					recordRemoved(connection, migration);
				}
			}
		}
	}

	/**
	 * A landed migration whose file is gone: still in the history of every database that
	 * ran it.
	 */
	private static void recordRemoved(Connection connection, Migration migration) throws SQLException {
		try (var insert = connection.prepareStatement("INSERT INTO \"flyway_schema_history\" (\"installed_rank\","
				+ " \"version\", \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
				+ " \"execution_time\", \"success\") SELECT MAX(\"installed_rank\") + 1, ?, ?, 'SQL', ?, ?, 'sa', 0,"
				+ " TRUE FROM \"flyway_schema_history\"")) {
			insert.setString(1, migration.version().getVersion());
			insert.setString(2, migration.description());
			insert.setString(3, "V" + migration.version() + "__" + migration.description().replace(' ', '_') + ".sql");
			insert.setInt(4, migration.checksum());
			insert.executeUpdate();
		}
	}

	/** Today's migrations as Flyway resolves them, with the checksums it computes. */
	private static Map<MigrationVersion, Migration> resolved() {
		var url = "jdbc:h2:mem:" + UUID.randomUUID();
		var migrations = new LinkedHashMap<MigrationVersion, Migration>();
		for (MigrationInfo info : flyway(url).info().all()) {
			migrations.put(info.getVersion(),
					new Migration(info.getVersion(), info.getDescription(), info.getChecksum()));
		}
		return migrations;
	}

	private static Map<MigrationVersion, Migration> landed() throws IOException {
		var migrations = new LinkedHashMap<MigrationVersion, Migration>();
		for (var line : Files.readAllLines(LANDED, StandardCharsets.UTF_8)) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			var fields = Arrays.stream(line.split("\\|")).map(String::strip).toList();
			assertThat(fields).as("a line of " + LANDED + ": version | description | checksum").hasSize(3);
			var migration = new Migration(MigrationVersion.fromVersion(fields.get(0)), fields.get(1),
					Integer.parseInt(fields.get(2)));
			assertThat(migrations.put(migration.version(), migration)).as("listed twice: " + line).isNull();
		}
		return migrations;
	}

	private static Flyway flyway(String url) {
		return Flyway.configure().dataSource(url, "sa", "").locations(MIGRATIONS).load();
	}

	private record Migration(MigrationVersion version, String description, int checksum) {

		String name() {
			return "migration V" + this.version + " (" + this.description + ")";
		}

		String line() {
			return this.version + " | " + this.description + " | " + this.checksum;
		}

	}

}
