-- Announcements: what a programme's coordinator writes to its mentors, its participants, those waiting, one published
-- group or everyone, in one or more languages, and who it was sent to. Each recipient's row keeps the announcement on
-- their Home until they dismiss it; the coordinator's page shows only how many it reached.

-- audience is who it was written to; group_id and group_number only for GROUP (the group's number as it was, for the
-- list of sent announcements). reached is how many people it was sent to.
CREATE TABLE announcement (
  id            UUID NOT NULL PRIMARY KEY,
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  audience      VARCHAR(16) NOT NULL,
  group_id      UUID,
  group_number  INT,
  author_id     UUID NOT NULL,
  sent_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  reached       INT NOT NULL,
  CONSTRAINT announcement_audience CHECK (audience IN ('MENTORS', 'PARTICIPANTS', 'WAITING', 'GROUP', 'EVERYONE')),
  CONSTRAINT announcement_group CHECK ((audience = 'GROUP') = (group_id IS NOT NULL))
);
CREATE INDEX announcement_by_programme ON announcement (programme_id, sent_at);

-- The announcement in each language it was written in; written_order 0 is the first written, which those whose
-- language has no version get.
CREATE TABLE announcement_text (
  announcement_id  UUID NOT NULL REFERENCES announcement (id) ON DELETE CASCADE,
  language         VARCHAR(2) NOT NULL,
  written_order    INT NOT NULL,
  subject          VARCHAR(200) NOT NULL,
  body             VARCHAR(6000) NOT NULL,
  PRIMARY KEY (announcement_id, language)
);

-- Everyone it was sent to, in the role they were written to in (null when none applies), and when they dismissed it
-- from their Home.
CREATE TABLE announcement_recipient (
  announcement_id  UUID NOT NULL REFERENCES announcement (id) ON DELETE CASCADE,
  account_id       UUID NOT NULL,
  role             VARCHAR(16),
  dismissed_at     TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (announcement_id, account_id)
);
CREATE INDEX announcement_recipient_by_account ON announcement_recipient (account_id);
