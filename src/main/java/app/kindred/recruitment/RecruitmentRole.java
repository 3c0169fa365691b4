package app.kindred.recruitment;

/** The two ways to take part in a programme, each with its own window, seats and waiting list. */
public enum RecruitmentRole {
	MENTOR, PARTICIPANT;

	public String path() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** The role named in a path ("mentor", "participant"); anything else is a page that does not exist. */
	public static RecruitmentRole fromPath(String path) {
		return java.util.Arrays.stream(values())
			.filter(r -> r.path().equals(path == null ? "" : path.toLowerCase(java.util.Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new app.kindred.core.NotFoundException("role"));
	}
}
