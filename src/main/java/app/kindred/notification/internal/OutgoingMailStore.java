package app.kindred.notification.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table of recorded mail ({@code outgoing_mail}): what is to be sent, claimed, sent,
 * failed.
 */
@Component
class OutgoingMailStore {

	/** A recorded mail as loaded for sending. */
	record Recorded(UUID id, String messageId, int attempts, Mail mail) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	OutgoingMailStore(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * Whether this publication's mail at this position is already recorded (by an earlier
	 * run of its listener).
	 */
	boolean recorded(UUID publication, int position) {
		return jdbc.sql("SELECT COUNT(*) FROM outgoing_mail WHERE publication_id = ? AND position = ?")
			.params(publication, position)
			.query(Integer.class)
			.single() > 0;
	}

	/** Records a mail, due at once; in the caller's transaction. */
	void insert(UUID id, String messageId, UUID publication, int position, String kind, Mail mail, Instant now) {
		jdbc.sql(
				"""
						INSERT INTO outgoing_mail (id, message_id, publication_id, position, kind, recipient, subject, body, status,
						  attempts, next_attempt_at, created_at)
						VALUES (:id, :messageId, :publication, :position, :kind, :recipient, :subject, :body,
							'PENDING', 0, :now, :now)""")
			.param("id", id)
			.param("messageId", messageId)
			.param("publication", publication)
			.param("position", position)
			.param("kind", kind)
			.param("recipient", mail.to())
			.param("subject", mail.subject())
			.param("body", mail.text())
			.param("now", utc(now))
			.update();
		var index = 0;
		for (var attachment : mail.attachments()) {
			jdbc.sql(
					"INSERT INTO outgoing_mail_attachment (mail_id, position, name, content_type, content) VALUES (?, ?, ?, ?, ?)")
				.params(id, index++, attachment.name(), attachment.contentType(), attachment.content())
				.update();
		}
	}

	/** Up to this many mails due now and claimed by nobody, the longest waiting first. */
	List<UUID> due(Instant now, int limit) {
		return jdbc.sql("""
				SELECT id FROM outgoing_mail
				WHERE status = 'PENDING' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
				ORDER BY next_attempt_at
				FETCH FIRST %d ROWS ONLY""".formatted(limit)).param("now", utc(now)).query(UUID.class).list();
	}

	/**
	 * Claims a mail for sending until {@code until}, if it is still due and nobody holds
	 * it: one conditional update, so of several instances trying at once exactly one
	 * wins. Counts the attempt. A person's mails go out in the order they were recorded
	 * (no "you have a place" before "you are on the waiting list"): none while an older
	 * one to the same address is pending.
	 */
	boolean claim(UUID id, Instant now, Instant until) {
		return jdbc.sql("""
				UPDATE outgoing_mail SET lease_until = :until, attempts = attempts + 1
				WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now
				  AND (lease_until IS NULL OR lease_until <= :now)
				  AND NOT EXISTS (SELECT 1 FROM outgoing_mail older WHERE older.recipient = outgoing_mail.recipient
				                  AND older.status = 'PENDING' AND older.created_at < outgoing_mail.created_at)""")
			.param("until", utc(until))
			.param("id", id)
			.param("now", utc(now))
			.update() == 1;
	}

	/** The oldest pending mail to the same address as this one, to send next. */
	Optional<UUID> nextFor(UUID id) {
		return jdbc.sql("""
				SELECT w.id FROM outgoing_mail s JOIN outgoing_mail w ON w.recipient = s.recipient
				WHERE s.id = ? AND w.status = 'PENDING'
				ORDER BY w.created_at
				FETCH FIRST 1 ROWS ONLY""").param(id).query(UUID.class).optional();
	}

	/** The mail to send with its attachments, in one statement; empty unless pending. */
	Optional<Recorded> load(UUID id) {
		return jdbc.sql("""
				SELECT m.message_id, m.attempts, m.recipient, m.subject, m.body, a.name, a.content_type, a.content
				FROM outgoing_mail m LEFT JOIN outgoing_mail_attachment a ON a.mail_id = m.id
				WHERE m.id = ? AND m.status = 'PENDING'
				ORDER BY a.position""").param(id).query(rs -> {
			if (!rs.next()) {
				return Optional.<Recorded>empty();
			}
			var messageId = rs.getString(1);
			int attempts = rs.getInt(2);
			var recipient = rs.getString(3);
			var subject = rs.getString(4);
			var body = rs.getString(5);
			var attachments = new ArrayList<Mail.Attachment>();
			do {
				if (rs.getString(6) != null) {
					attachments.add(new Mail.Attachment(rs.getString(6), rs.getString(7), rs.getBytes(8)));
				}
			}
			while (rs.next());
			return Optional.of(new Recorded(id, messageId, attempts,
					new Mail(recipient, subject, body, List.copyOf(attachments))));
		});
	}

	/**
	 * SMTP accepted it: keep only that it was sent, to whom and when; its content is
	 * personal data and goes now. Most mails have no attachments, and their delete is
	 * left out.
	 */
	void sent(UUID id, Instant now, boolean withAttachments) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("""
					UPDATE outgoing_mail SET status = 'SENT', settled_at = :now, lease_until = NULL, last_error = NULL,
					  subject = NULL, body = NULL
					WHERE id = :id""").param("now", utc(now)).param("id", id).update();
			if (withAttachments) {
				jdbc.sql("DELETE FROM outgoing_mail_attachment WHERE mail_id = ?").param(id).update();
			}
		});
	}

	/** An attempt failed: due again at {@code next}, or given up. Releases the claim. */
	void failed(UUID id, Instant now, Instant next, String error, boolean giveUp) {
		jdbc.sql(giveUp ? """
				UPDATE outgoing_mail SET lease_until = NULL, next_attempt_at = :next, last_error = :error,
				  status = 'FAILED', settled_at = :now
				WHERE id = :id AND status = 'PENDING'""" : """
				UPDATE outgoing_mail SET lease_until = NULL, next_attempt_at = :next, last_error = :error
				WHERE id = :id AND status = 'PENDING'""")
			.param("next", utc(next))
			.param("error", error)
			.param("now", utc(now))
			.param("id", id)
			.update();
	}

	/**
	 * Deletes sent and failed mails settled before {@code cutoff}, except those whose
	 * publication is still incomplete: while it is, its listener may run again and must
	 * find its mail recorded.
	 */
	int purge(Instant cutoff) {
		return jdbc.sql("""
				DELETE FROM outgoing_mail
				WHERE status <> 'PENDING' AND settled_at < :cutoff
				  AND (publication_id IS NULL
				       OR NOT EXISTS (SELECT 1 FROM event_publication p WHERE p.id = outgoing_mail.publication_id))""")
			.param("cutoff", utc(cutoff))
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** A mail still kept that was addressed to the person, for their own data. */
	record OwnMail(String kind, String subject, String status, OffsetDateTime createdAt, OffsetDateTime settledAt) {
	}

	/**
	 * The mail still kept for this address (sent mail is kept a few days), oldest first.
	 */
	List<OwnMail> addressedTo(String email) {
		return jdbc.sql("""
				select kind, subject, status, created_at, settled_at from outgoing_mail
				 where lower(recipient) = ? order by created_at, position""")
			.param(email.toLowerCase(Locale.ROOT))
			.query(OwnMail.class)
			.list();
	}

}
