package app.kindred.feedback;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Mails;
import app.kindred.feedback.internal.SurveyDefinition;

/**
 * Test helpers for surveys: a valid answer to any form, and moving a survey's window
 * where the pages would refuse to (into the past, as time would).
 */
@Component
public class Surveys {

	private final JdbcClient jdbc;

	Surveys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A valid answer to every question of the form as the page sends it: the scale's
	 * lowest point, the first option, the smallest number, and {@code text} (the quotable
	 * ones allowed to be quoted).
	 */
	public static MultiValueMap<String, String> answer(SurveyDefinition form, String text) {
		var sent = new LinkedMultiValueMap<String, String>();
		for (var q : form.questions()) {
			var field = "q." + q.key();
			switch (q.type()) {
				case LIKERT -> sent.add(field, String.valueOf(form.scales().get(q.scale()).min()));
				case SINGLE, MULTIPLE -> sent.add(field, "1");
				case NUMBER -> sent.add(field, String.valueOf(q.min() == null ? 1 : q.min()));
				case TEXT -> {
					sent.add(field, text + " (" + q.key() + ")");
					if (q.quotable()) {
						sent.add("quote." + q.key(), "true");
					}
				}
			}
		}
		return sent;
	}

	/**
	 * The survey invitations and reminders the address received, in order, once there are
	 * this many: the people of a test programme have had other mail before.
	 */
	public static MimeMessage[] mails(GreenMailExtension mail, String address, int count) {
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> surveyMails(mail, address).length >= count);
		return surveyMails(mail, address);
	}

	private static MimeMessage[] surveyMails(GreenMailExtension mail, String address) {
		return Arrays.stream(mail.getReceivedMessagesForDomain(address)).filter(m -> {
			try {
				return m.getSubject().startsWith("A survey for you")
						|| m.getSubject().startsWith("Reminder: the survey");
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toArray(MimeMessage[]::new);
	}

	/** The answer link of an invitation or reminder, as a path with its query. */
	public static String link(MimeMessage message) {
		var path = Mails.linkPath(message);
		if (!path.startsWith("/surveys/answer/")) {
			throw new AssertionError("not a survey link: " + path);
		}
		return path;
	}

	/** Opens the survey now: a day ago, closing in a week, the reminder not yet due. */
	public void open(UUID survey) {
		var now = Instant.now();
		window(survey, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(5)));
	}

	/** Makes the survey's reminder due now. */
	public void remindNow(UUID survey) {
		jdbc.sql("update survey set remind_at = ? where id = ?")
			.params(at(Instant.now().minus(Duration.ofMinutes(1))), survey)
			.update();
	}

	/** Closes the survey, a second ago. */
	public void close(UUID survey) {
		var now = Instant.now();
		window(survey, now.minus(Duration.ofDays(8)), now.minusSeconds(1), now.minus(Duration.ofDays(2)));
	}

	public void window(UUID survey, Instant opens, Instant closes, Instant remind) {
		jdbc.sql("update survey set opens_at = ?, closes_at = ?, remind_at = ? where id = ?")
			.params(at(opens), at(closes), at(remind), survey)
			.update();
	}

	public int count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Integer.class).single();
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
