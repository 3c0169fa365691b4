-- recruitment: what each call asks and how it decides, and the answers people give.

-- One row per programme and role once a coordinator has configured the call; no row means the defaults: automatic
-- acceptance, no reminder, the built-in questions only. Custom questions and consent texts are JSON documents (their
-- shape is the recruitment module's CallQuestions), read and written whole with the row.
CREATE TABLE recruitment_call (
  programme_id        UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  role                VARCHAR(20) NOT NULL,
  approval_required   BOOLEAN NOT NULL,
  closing_reminder    BOOLEAN NOT NULL,
  -- The closing instant a "closes soon" reminder went out for: claimed with one conditional update, so two instances
  -- never both send it, and an extended window gets a reminder of its own.
  reminded_closes_at  TIMESTAMP WITH TIME ZONE,
  ask_department      BOOLEAN NOT NULL,
  ask_student_number  BOOLEAN NOT NULL,
  questions           VARCHAR(20000) NOT NULL,
  consents            VARCHAR(20000) NOT NULL,
  updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (programme_id, role)
);

-- The weekly times groups could meet, the grid people mark as preferred or possible when they sign up.
CREATE TABLE candidate_slot (
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  weekday       SMALLINT NOT NULL,
  starts        TIME NOT NULL,
  PRIMARY KEY (programme_id, weekday, starts)
);

-- Everything else a person answered (availability, campuses, student number, wished co-mentor, custom questions,
-- accepted consents), as one JSON document; the columns of V2 stay for what every application has.
ALTER TABLE application ADD COLUMN answers VARCHAR(20000);
ALTER TABLE application ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
