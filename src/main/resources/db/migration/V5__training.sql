-- training: the sessions mentors are trained and supervised in, who comes, and who is ready to lead a group.

CREATE TABLE mentor_session (
  id            UUID NOT NULL PRIMARY KEY,
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  kind          VARCHAR(20) NOT NULL,
  starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  minutes       INT NOT NULL,
  place         VARCHAR(200),
  video_link    VARCHAR(500),
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  cancelled_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX mentor_session_by_programme ON mentor_session (programme_id, starts_at);

-- A mentor's word in advance that they cannot come; absent means they expect to.
CREATE TABLE session_absence (
  session_id  UUID NOT NULL REFERENCES mentor_session (id) ON DELETE CASCADE,
  account_id  UUID NOT NULL REFERENCES account (id),
  said_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (session_id, account_id)
);

-- Attendance as the coordinator recorded it: one row per mentor who came.
CREATE TABLE session_attendance (
  session_id   UUID NOT NULL REFERENCES mentor_session (id) ON DELETE CASCADE,
  account_id   UUID NOT NULL REFERENCES account (id),
  recorded_by  UUID NOT NULL,
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (session_id, account_id)
);

-- How many trainings (make-up sessions count) make a mentor ready; no row means all the programme's trainings.
CREATE TABLE readiness_rule (
  programme_id   UUID NOT NULL PRIMARY KEY REFERENCES programme (id) ON DELETE CASCADE,
  min_trainings  INT NOT NULL
);

-- A coordinator's decision that overrides the rule for one mentor, with the reason.
CREATE TABLE readiness_override (
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  account_id    UUID NOT NULL REFERENCES account (id),
  ready         BOOLEAN NOT NULL,
  reason        VARCHAR(500) NOT NULL,
  decided_by    UUID NOT NULL,
  decided_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (programme_id, account_id)
);
