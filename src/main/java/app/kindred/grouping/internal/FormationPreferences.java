package app.kindred.grouping.internal;

/**
 * How a programme's coordinator weighs the preferences when groups are formed, and how
 * many members of one group may come from the same department before that counts against
 * a proposal.
 */
public record FormationPreferences(FormationProblem.Weights weights, int maxFromSameDepartment) {

	public static final int DEFAULT_MAX_FROM_SAME_DEPARTMENT = 3;

	public static final FormationPreferences DEFAULTS = new FormationPreferences(FormationProblem.Weights.DEFAULTS,
			DEFAULT_MAX_FROM_SAME_DEPARTMENT);

	public FormationPreferences {
		if (maxFromSameDepartment < 1) {
			throw new IllegalArgumentException("At least one member of a group may come from a department");
		}
	}
}
