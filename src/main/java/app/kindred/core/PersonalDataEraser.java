package app.kindred.core;

import java.util.List;
import java.util.UUID;

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
	 * What holds this person's erasure back in this module, as message keys of the
	 * module's messages with their arguments (for example a course grade not yet
	 * exported): the organisation decides which holds its coordinators must clear first.
	 */
	default List<Hold> holds(UUID account) {
		return List.of();
	}

	/** Deletes or anonymises everything this module holds about the person. */
	void erase(UUID account);

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
	 * @param kind a stable name of the hold, which an organisation's settings refer to
	 */
	record Hold(String kind, String message, List<Object> arguments) {
	}

	record Item(String message, long count) {
	}

}
