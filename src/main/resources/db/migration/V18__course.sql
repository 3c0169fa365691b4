-- The credit course (module assessment): what a programme taken for credits adds beyond its credits and workload parts
-- (which the programme holds): the course's own settings, learning outcomes and assessment criteria per language,
-- reflection prompts per occasion, the reading list; and per credit-seeking mentor their objectives, learning diary,
-- logged hours, self- and peer evaluations, the teachers' decisions and what went to the study registry.

-- One row per programme whose course settings were saved; a programme without one uses the defaults.
-- Deadlines null mean the defaults (from the term's dates); assessment is due assessment_weeks after the term ends.
CREATE TABLE course (
  programme_id         UUID NOT NULL PRIMARY KEY REFERENCES programme (id) ON DELETE CASCADE,
  code                 VARCHAR(40),
  rating_scale         INT NOT NULL,
  objectives_due       TIMESTAMP WITH TIME ZONE,
  diary_due            TIMESTAMP WITH TIME ZONE,
  self_evaluation_due  TIMESTAMP WITH TIME ZONE,
  peer_evaluation_due  TIMESTAMP WITH TIME ZONE,
  assessment_weeks     INT NOT NULL,
  coordinators_read    BOOLEAN NOT NULL,
  diary_for_all        BOOLEAN NOT NULL,
  updated_by           UUID,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT course_scale CHECK (rating_scale BETWEEN 3 AND 10),
  CONSTRAINT course_weeks CHECK (assessment_weeks BETWEEN 1 AND 26)
);

-- The course's learning outcomes (OUTCOME) and assessment criteria (CRITERION), in order, each in one or more languages.
CREATE TABLE course_item (
  id            UUID NOT NULL PRIMARY KEY,
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  kind          VARCHAR(16) NOT NULL,
  position      INT NOT NULL,
  CONSTRAINT course_item_kind CHECK (kind IN ('OUTCOME', 'CRITERION'))
);
CREATE INDEX course_item_by_programme ON course_item (programme_id, kind, position);

CREATE TABLE course_item_text (
  item_id   UUID NOT NULL REFERENCES course_item (id) ON DELETE CASCADE,
  language  VARCHAR(2) NOT NULL,
  text      VARCHAR(2000) NOT NULL,
  PRIMARY KEY (item_id, language)
);

-- Reflection prompts a diary entry offers for its occasion, one line each; none stored means Kindred's own.
CREATE TABLE course_prompt (
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  occasion      VARCHAR(16) NOT NULL,
  language      VARCHAR(2) NOT NULL,
  text          VARCHAR(4000) NOT NULL,
  PRIMARY KEY (programme_id, occasion, language),
  CONSTRAINT course_prompt_occasion CHECK (occasion IN ('TRAINING', 'SUPERVISION', 'MEETING', 'FREE'))
);

-- The reading list, as bibliographic entries, and who marked which as read.
CREATE TABLE reading (
  id            UUID NOT NULL PRIMARY KEY,
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  position      INT NOT NULL,
  citation      VARCHAR(1000) NOT NULL
);
CREATE INDEX reading_by_programme ON reading (programme_id, position);

CREATE TABLE reading_done (
  reading_id  UUID NOT NULL REFERENCES reading (id) ON DELETE CASCADE,
  account_id  UUID NOT NULL,
  done_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (reading_id, account_id)
);

-- A mentor's own learning objectives (2 to 4), each optionally against one of the course's outcomes.
CREATE TABLE objective (
  id            UUID NOT NULL PRIMARY KEY,
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  account_id    UUID NOT NULL,
  position      INT NOT NULL,
  outcome_id    UUID REFERENCES course_item (id) ON DELETE SET NULL,
  text          VARCHAR(1000) NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX objective_by_mentor ON objective (programme_id, account_id, position);

-- The learning diary. An entry is private until shared_at; version is its current version. A private entry is edited in
-- place; a shared one only as a new version, so a teacher's reading names the version read.
CREATE TABLE diary_entry (
  id            UUID NOT NULL PRIMARY KEY,
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  account_id    UUID NOT NULL,
  entry_date    DATE NOT NULL,
  occasion      VARCHAR(16),
  occasion_id   UUID,
  version       INT NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  shared_at     TIMESTAMP WITH TIME ZONE,
  CONSTRAINT diary_entry_occasion CHECK (occasion IS NULL OR occasion IN ('TRAINING', 'SUPERVISION', 'MEETING'))
);
CREATE INDEX diary_entry_by_writer ON diary_entry (programme_id, account_id, entry_date);

CREATE TABLE diary_version (
  entry_id    UUID NOT NULL REFERENCES diary_entry (id) ON DELETE CASCADE,
  version     INT NOT NULL,
  text        VARCHAR(20000) NOT NULL,
  written_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (entry_id, version)
);

-- Which version of a shared entry each reader (a teacher, or a coordinator where allowed) read last, and when.
CREATE TABLE diary_reading (
  entry_id   UUID NOT NULL REFERENCES diary_entry (id) ON DELETE CASCADE,
  reader_id  UUID NOT NULL,
  version    INT NOT NULL,
  read_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (entry_id, reader_id)
);

-- The whole diary handed in (every entry shared at that moment).
CREATE TABLE diary_submission (
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  account_id    UUID NOT NULL,
  submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (programme_id, account_id)
);

-- Hours a mentor logged by hand against a part of the workload; trainings, supervision and meetings are counted from
-- attendance and never stored here.
CREATE TABLE workload_entry (
  id            UUID NOT NULL PRIMARY KEY,
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  account_id    UUID NOT NULL,
  part          VARCHAR(16) NOT NULL,
  work_date     DATE NOT NULL,
  minutes       INT NOT NULL,
  note          VARCHAR(300) NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT workload_entry_part CHECK (part IN ('FAMILIARISATION', 'TRAINING', 'GROUPS', 'LITERATURE')),
  CONSTRAINT workload_entry_minutes CHECK (minutes BETWEEN 1 AND 1440)
);
CREATE INDEX workload_entry_by_mentor ON workload_entry (programme_id, account_id, work_date);

-- The self-evaluation, submitted once: a reflection and a rating per outcome and per own objective (subject_id).
CREATE TABLE self_evaluation (
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  account_id    UUID NOT NULL,
  reflection    VARCHAR(10000) NOT NULL,
  submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (programme_id, account_id)
);

CREATE TABLE self_rating (
  programme_id  UUID NOT NULL,
  account_id    UUID NOT NULL,
  subject_id    UUID NOT NULL,
  rating        INT NOT NULL,
  PRIMARY KEY (programme_id, account_id, subject_id),
  FOREIGN KEY (programme_id, account_id) REFERENCES self_evaluation (programme_id, account_id) ON DELETE CASCADE
);

-- One mentor's evaluation of a co-mentor of their group, submitted once; shown to its subject and the teachers only when
-- the subject has submitted theirs of the author too, or the deadline has passed.
CREATE TABLE peer_evaluation (
  id            UUID NOT NULL PRIMARY KEY,
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  group_id      UUID NOT NULL,
  author_id     UUID NOT NULL,
  subject_id    UUID NOT NULL,
  text          VARCHAR(4000) NOT NULL,
  submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT peer_evaluation_once UNIQUE (programme_id, author_id, subject_id),
  CONSTRAINT peer_evaluation_not_self CHECK (author_id <> subject_id)
);
CREATE INDEX peer_evaluation_by_subject ON peer_evaluation (programme_id, subject_id);

CREATE TABLE peer_answer (
  evaluation_id  UUID NOT NULL REFERENCES peer_evaluation (id) ON DELETE CASCADE,
  question       VARCHAR(32) NOT NULL,
  rating         INT NOT NULL,
  PRIMARY KEY (evaluation_id, question)
);

-- What went to the study registry: one row per export, PASS or FAIL grades; everything marks an explicit re-export.
CREATE TABLE grade_export (
  id            UUID NOT NULL PRIMARY KEY,
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  result        VARCHAR(8) NOT NULL,
  everything    BOOLEAN NOT NULL,
  row_count     INT NOT NULL,
  exported_by   UUID NOT NULL,
  exported_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT grade_export_result CHECK (result IN ('PASS', 'FAIL'))
);

-- Every teacher decision, kept: the latest per mentor is the one in force. export_id is the export that first took it.
CREATE TABLE assessment_decision (
  id             UUID NOT NULL PRIMARY KEY,
  programme_id   UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  account_id     UUID NOT NULL,
  result         VARCHAR(8) NOT NULL,
  justification  VARCHAR(4000) NOT NULL,
  decided_by     UUID NOT NULL,
  decided_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  export_id      UUID REFERENCES grade_export (id),
  CONSTRAINT assessment_decision_result CHECK (result IN ('PASS', 'FAIL'))
);
CREATE INDEX assessment_decision_by_mentor ON assessment_decision (programme_id, account_id, decided_at);

-- The assessment criteria a decision found met.
CREATE TABLE assessment_criterion_met (
  decision_id   UUID NOT NULL REFERENCES assessment_decision (id) ON DELETE CASCADE,
  criterion_id  UUID NOT NULL,
  PRIMARY KEY (decision_id, criterion_id)
);

-- Deadline reminders claimed once across instances: one per mentor, part and deadline.
CREATE TABLE course_reminder_claim (
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  account_id    UUID NOT NULL,
  part          VARCHAR(16) NOT NULL,
  due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (programme_id, account_id, part, due_at)
);
