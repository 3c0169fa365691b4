package app.kindred.programme;

/** One step of a meeting's timed outline, such as 10 minutes of opening round. */
public record OutlineItem(int minutes, String text) {

	/** As a coordinator types it: the minutes, then what happens. */
	public String line() {
		return minutes + " " + text;
	}
}
