package app.kindred.core;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A module's part of a signed-in person's Home: what they are in, where it stands and
 * what comes next. Home collects the parts of every bean of this type and groups them by
 * programme and role, so a new module adds its own part (and its tasks) without Home
 * knowing it.
 *
 * <p>
 * A part is drawn by a fragment of the contributing module's own templates, which finds
 * its {@link Part#data} as {@code data} and the {@link Viewer} as {@code viewer}.
 */
public interface HomeContributor {

	/** The parts for this person, none when the module has nothing for them. */
	List<Part> parts(Viewer viewer);

	/** Who is looking, in which language and time zone, and when. */
	record Viewer(UUID account, Language language, ZoneId zone, Instant now) {
	}

	/**
	 * In which capacity a part concerns the person; Home heads each programme's parts by
	 * it.
	 */
	enum Role {

		MENTOR, PARTICIPANT, COORDINATOR, TEACHER, ADMIN

	}

	/**
	 * Where a programme stands for its coordinators. Each module reports the phase its
	 * part shows has been reached; Home shows the furthest reached.
	 */
	enum Phase {

		CALL_OPEN, TRAININGS, FORMING_GROUPS, MEETINGS, CLOSING

	}

	/**
	 * Something that needs the person, listed first on Home: a message key of the
	 * contributing module with its arguments, and the page where it is done.
	 */
	record Task(String message, List<Object> arguments, String href) {

		public static Task of(String message, String href, Object... arguments) {
			return new Task(message, List.of(arguments), href);
		}

	}

	/**
	 * One module's part for one programme ({@code programme} is {@code null} for a part
	 * about no programme, such as an organisation to administer).
	 *
	 * @param order where the part stands among the others of its programme and role
	 * @param template the contributing module's template holding the fragment
	 * @param fragment the fragment's name, drawn with {@code data}
	 * @param phase the phase the part shows reached, or {@code null}
	 */
	record Part(UUID programme, Role role, int order, String template, String fragment, Object data, Phase phase,
			List<Task> tasks) {

		public static Part of(UUID programme, Role role, int order, String template, String fragment, Object data) {
			return new Part(programme, role, order, template, fragment, data, null, List.of());
		}

		public Part reached(Phase reached) {
			return new Part(programme, role, order, template, fragment, data, reached, tasks);
		}

		public Part needing(List<Task> needed) {
			return new Part(programme, role, order, template, fragment, data, phase, List.copyOf(needed));
		}

	}

}
