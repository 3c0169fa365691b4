package app.kindred.grouping.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;

/**
 * The group types (slot x language x mode) someone can meet in, as a key: people with
 * equal keys are interchangeable when counting groups, so {@link GroupPlan} and
 * {@link PlacementModel} work on classes of them rather than on people.
 */
record TypeSet(int[] types) {

	@Override
	public boolean equals(Object other) {
		return other instanceof TypeSet set && Arrays.equals(types, set.types);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(types);
	}

	/**
	 * The classes of people by their types, with their sizes, in order of first
	 * appearance; people who can meet nowhere belong to none.
	 * @param classOf filled with each person's class (its position in the map), or -1
	 */
	static LinkedHashMap<TypeSet, Integer> classes(int[][] typesOfPeople, int[] classOf) {
		var classes = new LinkedHashMap<TypeSet, Integer>();
		var index = new HashMap<TypeSet, Integer>();
		for (int i = 0; i < typesOfPeople.length; i++) {
			if (typesOfPeople[i].length == 0) {
				classOf[i] = -1;
				continue;
			}
			var key = new TypeSet(typesOfPeople[i]);
			classes.merge(key, 1, Integer::sum);
			classOf[i] = index.computeIfAbsent(key, k -> index.size());
		}
		return classes;
	}

}
