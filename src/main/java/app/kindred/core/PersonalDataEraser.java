package app.kindred.core;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's part in forgetting people: erasing one person on request (GDPR art. 17) and
 * anonymising a programme's people once its retention period after the programme's end
 * has passed. The privacy module calls every bean of this type, in one transaction, so a
 * new module that stores something about people adds its own eraser.
 *
 * <p>
 * Erasing keeps what others count on: a seat taken, an attendance tick, a group's size
 * stay as they were, held by a row that no longer leads to the person. Anonymous survey
 * answers were never linked to anyone and are not touched.
 */
public interface PersonalDataEraser {

	/**
	 * What an erased person's name becomes, on their account and in text others wrote.
	 */
	String ERASED_NAME = "Erased person";

	/**
	 * What holds this person's erasure back in this module, as message keys of the
	 * module's messages with their arguments (for example a course grade not yet
	 * exported): the organisation decides which holds its coordinators must clear first.
	 */
	default List<Hold> holds(UUID account) {
		return List.of();
	}

	/**
	 * The kinds of hold this module may report, for the organisation admin's choice of
	 * which checks apply: each a {@link Hold#kind} with its message key
	 * ({@code kind -> message}).
	 */
	default Map<String, String> holdKinds() {
		return Map.of();
	}

	/**
	 * Deletes or anonymises everything this module holds about the person. It is called
	 * while the account still has its name and e-mail address, given here so that text
	 * others wrote can lose them; the privacy module anonymises the account itself
	 * afterwards.
	 */
	void erase(Person person);

	/**
	 * What {@link #anonymiseProgramme} would remove or anonymise, for the organisation
	 * admin's dry run: message keys with counts, none when nothing would go.
	 */
	List<Item> heldForProgramme(UUID programme);

	/**
	 * Anonymises the personal data this module holds for the programme (its applications,
	 * attendance, diaries...), keeping the counts.
	 */
	void anonymiseProgramme(UUID programme);

	/**
	 * Replaces the person's name and address with {@link #ERASED_NAME} in one column of
	 * text others wrote, the one way every module scrubs such text.
	 */
	static void replaceIn(JdbcClient jdbc, String table, String column, String name, String email) {
		jdbc.sql("update " + table + " set " + column + " = replace(replace(" + column + ", ?, ?), ?, ?) where "
				+ column + " like ? or " + column + " like ?")
			.params(name, ERASED_NAME, email, ERASED_NAME, "%" + name + "%", "%" + email + "%")
			.update();
	}

	/**
	 * @param kind a stable name of the hold, which an organisation's settings refer to
	 */
	record Hold(String kind, String message, List<Object> arguments) {
	}

	/** The person being erased, as they were named until now. */
	record Person(UUID account, String name, String email) {
	}

	record Item(String message, long count) {

		/** The items of a module's counts (message key to count), leaving out zeros. */
		public static List<Item> of(Map<String, Long> counts) {
			return counts.entrySet()
				.stream()
				.filter(c -> c.getValue() > 0)
				.map(c -> new Item(c.getKey(), c.getValue()))
				.toList();
		}

	}

}
