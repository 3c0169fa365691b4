-- meeting: the meetings of the published groups, where each group meets, the programme's breaks, private calendar
-- feeds, and the reminders already sent.

-- Dates with no meetings (an autumn holiday week, say), first and last day included. They shape the schedule made
-- when the groups are published; adding one later moves no meeting.
CREATE TABLE meeting_break (
  id            UUID NOT NULL PRIMARY KEY,
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  first_day     DATE NOT NULL,
  last_day      DATE NOT NULL,
  created_by    UUID NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX meeting_break_by_programme ON meeting_break (programme_id, first_day);

-- Where a published group usually meets: a campus (and room), a video link, or both. group_id is the grouping
-- module's published group.
CREATE TABLE meeting_venue (
  group_id      UUID NOT NULL PRIMARY KEY,
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  campus        VARCHAR(200),
  room          VARCHAR(200),
  video_link    VARCHAR(500),
  changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One meeting of a group, numbered from 1 as in the programme's session plan. The place is always the meeting's own
-- (copied from the group's unless own_place), so a later change of the group's place leaves past meetings as they
-- were. sequence grows with every change people's calendars must follow. Attendance and notes refer to id.
CREATE TABLE meeting (
  id            UUID NOT NULL PRIMARY KEY,
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  group_id      UUID NOT NULL,
  number        INT NOT NULL,
  starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  minutes       INT NOT NULL,
  campus        VARCHAR(200),
  room          VARCHAR(200),
  video_link    VARCHAR(500),
  own_place     BOOLEAN NOT NULL,
  sequence      INT NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  cancelled_at  TIMESTAMP WITH TIME ZONE,
  -- A redelivered GroupsPublished cannot make a group's meetings twice
  CONSTRAINT meeting_once UNIQUE (group_id, number)
);
CREATE INDEX meeting_by_programme ON meeting (programme_id, group_id, number);
CREATE INDEX meeting_by_start ON meeting (starts_at);

-- A person's private calendar feed: the secret in its address, replaced when they reset it.
CREATE TABLE calendar_feed (
  account_id  UUID NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
  token       VARCHAR(64) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT calendar_feed_token UNIQUE (token)
);

-- A reminder claimed (and so sent) for one person and one meeting or training session at one start time: the key
-- lets only one application instance claim it; a new start time is a new reminder.
CREATE TABLE reminder_claim (
  subject_id  UUID NOT NULL,
  account_id  UUID NOT NULL,
  starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (subject_id, account_id, starts_at)
);
-- Every sweep forgets claims whose start has long passed
CREATE INDEX reminder_claim_by_start ON reminder_claim (starts_at);
