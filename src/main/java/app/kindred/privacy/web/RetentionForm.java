package app.kindred.privacy.web;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.validation.BindingResult;

/**
 * An organisation's retention period in months and the erasure checks it applies (the
 * hold kinds ticked); a kind not offered is refused like a typing mistake.
 */
record RetentionForm(String months, List<String> applied) {

	static final int MIN_MONTHS = 1;

	static final int MAX_MONTHS = 120;

	static RetentionForm of(int months, Set<String> kinds, Set<String> waived) {
		return new RetentionForm(Integer.toString(months), kinds.stream().filter(k -> !waived.contains(k)).toList());
	}

	/** The months, if the form is fit; otherwise the problems are at their fields. */
	Integer check(BindingResult result, Set<String> kinds) {
		Integer value = null;
		try {
			value = months == null ? null : Integer.valueOf(months.strip());
		}
		catch (NumberFormatException notNumber) {
			// reported below
		}
		if (value == null || value < MIN_MONTHS || value > MAX_MONTHS) {
			result.rejectValue("months", "retention.months.invalid");
			value = null;
		}
		if (applied != null && !kinds.containsAll(applied)) {
			result.rejectValue("applied", "retention.applied.invalid");
			value = null;
		}
		return result.hasErrors() ? null : value;
	}

	/** The kinds offered and not ticked: those the organisation waives. */
	Set<String> waived(Set<String> kinds) {
		var waived = new TreeSet<>(kinds);
		if (applied != null) {
			waived.removeAll(applied);
		}
		return waived;
	}

}
