-- The mentor pair's workspace: planning notes and a debrief per meeting, attendance per meeting, and the "needs staff
-- attention" flag of a group; and, for members' pages, when a moved meeting was first planned.

-- When a meeting was first planned, kept by its first move; null while it never moved.
ALTER TABLE meeting ADD COLUMN first_starts_at TIMESTAMP WITH TIME ZONE;

-- What a group's mentors write about one meeting: their shared planning notes (PLANNING), and a short debrief once it
-- has started (DEBRIEF). version grows with every save, so that a save based on an older text is caught instead of
-- overwriting the co-mentor's. Never what participants said: the pages say so, and the debrief refuses their names.
CREATE TABLE meeting_writing (
  meeting_id  UUID NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  kind        VARCHAR(16) NOT NULL,
  text        VARCHAR(4000) NOT NULL,
  version     INT NOT NULL,
  edited_by   UUID NOT NULL,
  edited_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (meeting_id, kind),
  CONSTRAINT meeting_writing_kind CHECK (kind IN ('PLANNING', 'DEBRIEF'))
);

-- Attendance taken for a meeting: who took it last and when. A row here with no one present means nobody came, which
-- is different from attendance not taken.
CREATE TABLE meeting_roll (
  meeting_id    UUID NOT NULL PRIMARY KEY REFERENCES meeting (id) ON DELETE CASCADE,
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  taken_by      UUID NOT NULL,
  taken_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Everyone on the group's list when attendance was taken, present or not, so that "5 of 8" stays true when the group
-- changes later.
CREATE TABLE meeting_attendance (
  meeting_id    UUID NOT NULL REFERENCES meeting_roll (meeting_id) ON DELETE CASCADE,
  account_id    UUID NOT NULL,
  present       BOOLEAN NOT NULL,
  PRIMARY KEY (meeting_id, account_id)
);

-- A group's mentors asking for staff attention, with an optional short note for staff and the group's mentors only
-- (never in the e-mail). open_group is the group while the flag is open and null once resolved: its uniqueness allows
-- one open flag per group (both databases allow many nulls), with no partial index, which H2 lacks.
CREATE TABLE group_attention (
  id            UUID NOT NULL PRIMARY KEY,
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  group_id      UUID NOT NULL,
  open_group    UUID,
  note          VARCHAR(500),
  raised_by     UUID NOT NULL,
  raised_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  resolved_by   UUID,
  resolved_at   TIMESTAMP WITH TIME ZONE,
  CONSTRAINT group_attention_one_open UNIQUE (open_group)
);
CREATE INDEX group_attention_by_programme ON group_attention (programme_id, group_id);
