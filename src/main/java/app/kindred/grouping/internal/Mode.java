package app.kindred.grouping.internal;

import java.util.Objects;

/** Where a group meets: remote (video), or on one named campus. */
public record Mode(String campus) {

	public static final Mode REMOTE = new Mode(null);

	public static Mode onCampus(String campus) {
		return new Mode(Objects.requireNonNull(campus, "campus"));
	}

	public boolean isRemote() {
		return campus == null;
	}

	@Override
	public String toString() {
		return isRemote() ? "remote" : campus;
	}
}
