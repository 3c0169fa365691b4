package app.kindred.core;

import java.util.List;
import java.util.UUID;

/**
 * A module's part of "my data": everything it holds about one person, for the export a
 * person downloads as JSON and as a readable page (GDPR art. 15 and 20). The privacy
 * module collects the sections of every bean of this type, so a new module that stores
 * something about people adds its own contributor and the export stays complete.
 */
public interface PersonalDataContributor {

	/** This module's sections about the person, none when it holds nothing about them. */
	List<Section> personalData(UUID account);

	/**
	 * @param key the section's name in the JSON and the message key of its heading on the
	 * readable page (in the contributing module's messages)
	 * @param order where the section stands among the others
	 * @param data records, lists, maps, strings, numbers, booleans and java.time values
	 * only: written as JSON and drawn as a readable tree
	 */
	record Section(String key, int order, Object data) {
	}

}
