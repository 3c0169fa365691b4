package app.kindred.core;

import java.util.List;

/**
 * A module's section of a person's account page, such as the certificates they hold: the
 * page draws every bean's sections after the profile, in order, so a module adds one
 * without the identity module knowing it. A section is drawn by a fragment of the
 * module's own templates, which finds {@link Section#data} as {@code data} and the
 * {@link HomeContributor.Viewer} as {@code viewer}.
 */
public interface AccountContributor {

	/** The sections for this person, none when the module has nothing for them. */
	List<Section> sections(HomeContributor.Viewer viewer);

	/**
	 * @param order where the section stands among the others
	 * @param template the contributing module's template holding the fragment
	 * @param fragment the fragment's name, drawn with {@code data}
	 */
	record Section(int order, String template, String fragment, Object data) {
	}

}
