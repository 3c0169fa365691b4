package app.kindred.programme.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import app.kindred.programme.OutlineItem;

/**
 * A meeting's timed outline as people type it: one item per line, the minutes first ("10
 * Opening round", "25 min Exercise in pairs"). Blank lines are ignored. The shipped plans
 * are written the same way, so they pass the same checks as anything a coordinator types.
 */
public final class Outline {

	public static final int MAX_ITEMS = 30;

	public static final int MAX_MINUTES = 240;

	public static final int MAX_TEXT = 300;

	/** The minutes, an optional unit in any of Kindred's languages, then the text. */
	private static final Pattern LINE = Pattern.compile(
			"^(\\d{1,6})(?:\\s*(?:minutes|minute|minuuttia|minuutti|minuter|minut|min\\.?)(?=\\s))?\\s+(\\S.*)$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private Outline() {
	}

	/** What is wrong, as a message code and the line (from 1) it is on. */
	public record Problem(String code, int line) {
	}

	public record Parsed(List<OutlineItem> items, Optional<Problem> problem) {

		public int totalMinutes() {
			return items.stream().mapToInt(OutlineItem::minutes).sum();
		}
	}

	public static Parsed parse(String text) {
		var items = new ArrayList<OutlineItem>();
		var lines = (text == null ? "" : text).split("\\R");
		for (int i = 0; i < lines.length; i++) {
			var line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			var matcher = LINE.matcher(line);
			if (!matcher.matches()) {
				return failed(items, "plans.outline.noMinutes", i + 1);
			}
			int minutes = Integer.parseInt(matcher.group(1));
			if (minutes < 1 || minutes > MAX_MINUTES) {
				return failed(items, "plans.outline.minutesRange", i + 1);
			}
			var what = matcher.group(2).strip();
			if (what.length() > MAX_TEXT) {
				return failed(items, "plans.outline.itemTooLong", i + 1);
			}
			items.add(new OutlineItem(minutes, what));
			if (items.size() > MAX_ITEMS) {
				return failed(items, "plans.outline.tooMany", i + 1);
			}
		}
		if (items.isEmpty()) {
			return failed(items, "plans.outline.required", 1);
		}
		return new Parsed(List.copyOf(items), Optional.empty());
	}

	public static String format(List<OutlineItem> items) {
		return items.stream().map(OutlineItem::line).collect(Collectors.joining("\n"));
	}

	private static Parsed failed(List<OutlineItem> items, String code, int line) {
		return new Parsed(List.copyOf(items), Optional.of(new Problem(code, line)));
	}

}
