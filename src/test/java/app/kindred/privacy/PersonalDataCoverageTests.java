package app.kindred.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import app.kindred.core.PersonalDataContributor;

/**
 * Every table that holds something about a person (a column naming their account, or
 * their address) is read by some module's {@link PersonalDataContributor} (each lists its
 * tables in {@code TABLES}), or is left out below with the reason. A new migration with
 * such a table fails this test until its module exports it or the reason is written here;
 * and a contributor's list is checked against its module's SQL, so it cannot name a table
 * its module never reads.
 */
class PersonalDataCoverageTests {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path SOURCES = Path.of("src/main/java/app/kindred");

	/** Columns that name a person: their account, or the address they are written to. */
	private static final Set<String> PERSON_COLUMNS = Set.of("account_id", "holder_id", "author_id", "raised_by",
			"edited_by", "reader_id", "recipient", "email", "account_email", "live_account");

	/** Tables that hold a person column but are not exported, and why. */
	static final Map<String, String> LEFT_OUT = Map.of("sso_link_token",
			"the hash of a mailed link proving an account is one's own, valid for an hour", "sign_in_failure",
			"failed sign-ins per typed address and client for throttling, kept minutes; whoever typed the address "
					+ "(possibly not its holder) made them, and the client address is theirs",
			"reminder_claim",
			"only marks that a meeting reminder was taken for sending, so that it goes once; the mail itself is "
					+ "in the notification section while kept",
			"course_reminder_claim", "the same for course deadline reminders", "survey_link",
			"the hash of a one-time survey link; the invitation itself is exported", "diary_reading",
			"a teacher's or coordinator's record of having read another person's diary entry: about the "
					+ "reader's work on someone else's data",
			"organisation", "the organisation's contact address, typed by its admins, not an account", "programme",
			"the programme's contact address, typed by its coordinators, not an account");

	private static final Pattern TABLE = Pattern.compile("CREATE TABLE (\\w+)\\s*\\((.*?)\\n\\);",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern ADDED = Pattern.compile("ALTER TABLE (\\w+) ADD COLUMN (\\w+)",
			Pattern.CASE_INSENSITIVE);

	@Test
	void everyTableAboutAPersonIsExportedOrLeftOutWithAReason() throws Exception {
		var personTables = personTables();
		var exported = new TreeMap<String, String>();
		for (var contributor : contributors()) {
			for (var table : tables(contributor)) {
				exported.put(table, contributor.getSimpleName());
			}
		}
		var missing = new TreeSet<>(personTables);
		missing.removeAll(exported.keySet());
		missing.removeAll(LEFT_OUT.keySet());
		assertThat(missing).as("tables about a person that no PersonalDataContributor lists in TABLES").isEmpty();
		assertThat(LEFT_OUT.keySet()).as("left out, yet exported").doesNotContainAnyElementsOf(exported.keySet());
		assertThat(personTables).as("the scan finds the tables it should")
			.contains("application", "diary_entry", "survey_invitation", "outgoing_mail", "certificate", "account");
	}

	@Test
	void everyModuleThatStoresSomethingAboutAPersonHasItsContributor() throws Exception {
		var modules = new TreeSet<String>();
		for (var contributor : contributors()) {
			modules.add(module(contributor));
		}
		assertThat(modules).containsAll(List.of("identity", "organisation", "recruitment", "training", "grouping",
				"meeting", "assessment", "certificate", "announcement", "feedback", "notification"));
	}

	@Test
	void aContributorListsOnlyTablesItsModuleReads() throws Exception {
		for (var contributor : contributors()) {
			var module = SOURCES.resolve(module(contributor));
			var text = new StringBuilder();
			try (Stream<Path> files = Files.walk(module)) {
				for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
					text.append(Files.readString(file)).append('\n');
				}
			}
			for (var table : tables(contributor)) {
				assertThat(Pattern.compile("(from|join|@Table\\(name = \")\\s*" + table + "\\b")
					.matcher(text.toString())
					.find()).as(contributor.getSimpleName() + " reads " + table).isTrue();
			}
		}
	}

	private static String module(Class<?> contributor) {
		var name = contributor.getPackageName().substring("app.kindred.".length());
		return name.substring(0, name.indexOf('.'));
	}

	/** Every table that has a column naming a person, from the migrations. */
	static Set<String> personTables() throws IOException {
		var columns = new HashMap<String, Set<String>>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (var file : files.sorted().toList()) {
				var sql = Files.readString(file).replaceAll("--[^\\n]*", "");
				var tables = TABLE.matcher(sql);
				while (tables.find()) {
					var names = new TreeSet<String>();
					for (var line : tables.group(2).split("\\n")) {
						var words = line.strip().split("\\s+");
						if (words.length > 1) {
							names.add(words[0].toLowerCase());
						}
					}
					columns.put(tables.group(1).toLowerCase(), names);
				}
				var added = ADDED.matcher(sql);
				while (added.find()) {
					columns.computeIfAbsent(added.group(1).toLowerCase(), t -> new TreeSet<>())
						.add(added.group(2).toLowerCase());
				}
			}
		}
		var found = new TreeSet<String>();
		columns.forEach((table, names) -> {
			if (names.stream().anyMatch(PERSON_COLUMNS::contains)) {
				found.add(table);
			}
		});
		return found;
	}

	/**
	 * The contributors: every class under app.kindred named *PersonalData that is one.
	 */
	private static List<Class<?>> contributors() throws Exception {
		var classes = new ArrayList<Class<?>>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (var file : files.filter(f -> f.getFileName().toString().endsWith("PersonalData.java")).toList()) {
				var name = SOURCES.relativize(file).toString().replace('/', '.').replace(".java", "");
				var type = Class.forName("app.kindred." + name);
				if (PersonalDataContributor.class.isAssignableFrom(type)) {
					classes.add(type);
				}
			}
		}
		return classes;
	}

	@SuppressWarnings("unchecked")
	private static List<String> tables(Class<?> contributor) throws ReflectiveOperationException {
		var field = contributor.getDeclaredField("TABLES");
		field.setAccessible(true);
		return (List<String>) field.get(null);
	}

}
