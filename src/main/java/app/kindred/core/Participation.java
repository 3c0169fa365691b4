package app.kindred.core;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether someone takes part in a programme, and in which role: for the pages of modules
 * that recruitment builds on (a programme's public page), which cannot ask it themselves.
 */
public interface Participation {

	/**
	 * The role of the person's live application in the programme (pending, awaiting
	 * approval, with a place, or waiting), as it is written in addresses ("mentor",
	 * "participant"), if they have one.
	 */
	Optional<String> liveRole(UUID programme, UUID account);

	/** Every programme the person has applied to, in any state. */
	List<UUID> appliedTo(UUID account);

}
