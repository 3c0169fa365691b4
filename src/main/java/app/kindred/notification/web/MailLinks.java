package app.kindred.notification.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Shows a plain-text mail in the development mailbox with its links clickable, everything
 * else escaped.
 */
@Component("mailLinks")
class MailLinks {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

	public String render(String text) {
		var escaped = HtmlUtils.htmlEscape(text);
		// The replacement is taken literally: a link (or a name run into one) holding $
		// or \ is text, not a group reference
		return LINK.matcher(escaped)
			.replaceAll(m -> Matcher.quoteReplacement("<a href=\"" + m.group() + "\">" + m.group() + "</a>"));
	}

}
