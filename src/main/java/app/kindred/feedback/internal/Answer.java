package app.kindred.feedback.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.kindred.core.Language;

/**
 * One respondent's answer to one survey, as stored: nothing about who gave it.
 * {@code group} is the published group they were in (null if none), {@code pairCode} the
 * hash of their self-generated code (measures only), {@code day} the day it was given.
 */
public record Answer(UUID survey, UUID group, Language language, LocalDate day, String pairCode, List<Item> items) {

	/**
	 * One value: {@code choice} (a scale point, or an option's number, one item per
	 * option ticked), {@code amount} or {@code text}, exactly one of them.
	 */
	public record Item(String question, Integer choice, BigDecimal amount, String text, boolean quotable) {
	}

}
