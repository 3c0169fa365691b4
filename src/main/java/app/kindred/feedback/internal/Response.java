package app.kindred.feedback.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.kindred.core.Language;

/**
 * An answer as reports read it: its random id, what {@link Answer} holds, and its score.
 */
public record Response(UUID id, UUID group, Language language, LocalDate day, String pairCode, BigDecimal score,
		List<Item> items) {

	/** One stored value, with its id so that a coordinator can choose it as a quote. */
	public record Item(UUID id, String question, Integer choice, BigDecimal amount, String text, boolean quotable,
			boolean quoted) {
	}

}
