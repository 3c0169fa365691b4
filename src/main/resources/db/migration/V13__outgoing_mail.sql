-- Mail under faults: every composed mail is first recorded here, in the transaction of the listener that composed it,
-- and sent from here by whichever instance claims it. A retried listener finds its mail already recorded and records
-- nothing twice; a retried send carries the same Message-ID, fixed here at insert.

-- One mail. publication_id and position name the event publication (and the n-th mail of its listener run) that
-- composed it; together they are unique, so a listener run again for the same publication cannot record a second copy.
-- A row is PENDING until SMTP accepts it (SENT) or it runs out of attempts (FAILED). lease_until is the claim of the
-- instance sending it right now: no other instance touches it before then, and if that instance dies the claim runs
-- out and another sends it, with the same message_id. Subject and body are personal data: they are cleared when the
-- mail is sent, and the row itself is deleted after the retention (kindred.mail.retention).
CREATE TABLE outgoing_mail (
  id              UUID NOT NULL PRIMARY KEY,
  message_id      VARCHAR(250) NOT NULL,
  publication_id  UUID,
  position        INT NOT NULL,
  kind            VARCHAR(100) NOT NULL,
  recipient       VARCHAR(320) NOT NULL,
  subject         VARCHAR(2000),
  body            VARCHAR(1000000),
  status          VARCHAR(10) NOT NULL,
  attempts        INT NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  lease_until     TIMESTAMP WITH TIME ZONE,
  last_error      VARCHAR(500),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  settled_at      TIMESTAMP WITH TIME ZONE,
  CONSTRAINT outgoing_mail_message_id UNIQUE (message_id),
  CONSTRAINT outgoing_mail_per_publication UNIQUE (publication_id, position),
  CONSTRAINT outgoing_mail_status CHECK (status IN ('PENDING', 'SENT', 'FAILED'))
);
CREATE INDEX outgoing_mail_due ON outgoing_mail (status, next_attempt_at);
-- A person's mails go out in the order they were recorded
CREATE INDEX outgoing_mail_by_recipient ON outgoing_mail (recipient, status, created_at);

-- A mail's attachments (a calendar invitation), byte for byte, with their content type exactly as composed
-- (for example "text/calendar; method=REQUEST; charset=UTF-8"). Deleted with the mail, or when it is sent.
CREATE TABLE outgoing_mail_attachment (
  mail_id       UUID NOT NULL REFERENCES outgoing_mail (id) ON DELETE CASCADE,
  position      INT NOT NULL,
  name          VARCHAR(200) NOT NULL,
  content_type  VARCHAR(500) NOT NULL,
  content       BYTEA NOT NULL,
  PRIMARY KEY (mail_id, position)
);

-- Why an event publication's listener failed last, for the operators' view (/actuator/publications): the event
-- publication registry keeps no reason. Addresses are masked before they are stored. Forgotten with the publication.
CREATE TABLE publication_failure (
  publication_id  UUID NOT NULL PRIMARY KEY,
  last_error      VARCHAR(500) NOT NULL,
  failed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
