package app.kindred.core.events;

import java.util.regex.Pattern;

/**
 * An error as operators may see it: its type and message, short, with e-mail addresses
 * masked (SMTP servers and databases quote the address or row they refused), so the
 * operators' view holds no recipient.
 */
public final class SafeErrors {

	private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

	private static final int MAX = 300;

	private SafeErrors() {
	}

	public static String describe(Throwable error) {
		var root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		var message = root.getMessage() == null ? "" : ": " + root.getMessage();
		var text = ADDRESS.matcher(root.getClass().getSimpleName() + message)
			.replaceAll("<address>")
			.replaceAll("\\s+", " ");
		return text.length() > MAX ? text.substring(0, MAX - 1) + "…" : text;
	}

}
