package app.kindred.feedback.internal;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which cells of one column of a breakdown may be shown, when the column's total is shown
 * too. A cell from fewer than {@link Anonymity#MIN_RESPONDENTS} respondents is withheld;
 * and when the withheld cells together hold fewer than {@link Anonymity#MIN_RESPONDENTS}
 * (a single university with 4 answers beside one with 12), the smallest shown cells are
 * withheld as well until they hold at least that many, as otherwise the total minus the
 * shown cells would give the small cell's figure away.
 */
public final class Suppression {

	private Suppression() {
	}

	/** The keys whose cells may be shown, given each cell's respondents. */
	public static <K> Set<K> shown(Map<K, Integer> respondents) {
		var shown = new HashSet<K>();
		int withheld = 0;
		for (var cell : respondents.entrySet()) {
			if (cell.getValue() >= Anonymity.MIN_RESPONDENTS) {
				shown.add(cell.getKey());
			}
			else {
				withheld += cell.getValue();
			}
		}
		var smallestFirst = Comparator.<K, Integer>comparing(respondents::get);
		while (withheld > 0 && withheld < Anonymity.MIN_RESPONDENTS && !shown.isEmpty()) {
			var smallest = shown.stream().min(smallestFirst).orElseThrow();
			shown.remove(smallest);
			withheld += respondents.get(smallest);
		}
		return shown;
	}

}
