package app.kindred.recruitment;

import app.kindred.programme.ProgrammeWindow;

import app.kindred.core.NotFoundException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The two ways to take part in a programme, each with its own window, seats and waiting
 * list.
 */
public enum RecruitmentRole {

	MENTOR, PARTICIPANT;

	/** The window in which people apply for this role. */
	public ProgrammeWindow window() {
		return this == MENTOR ? ProgrammeWindow.MENTOR_CALL : ProgrammeWindow.SIGNUP;
	}

	public String path() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The role named in a path ("mentor", "participant"); anything else is a page that
	 * does not exist.
	 */
	public static RecruitmentRole fromPath(String path) {
		return Arrays.stream(values())
			.filter(r -> r.path().equals(path == null ? "" : path.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("role"));
	}

}
