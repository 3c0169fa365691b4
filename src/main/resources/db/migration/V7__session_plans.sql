-- Session plans: what happens in each group meeting. Kindred ships plans (no organisation, a shipped_key); an
-- organisation copies one and edits its own. A plan has numbered versions; a published version never changes again,
-- so a programme that uses it keeps exactly what its mentors were given.

CREATE TABLE session_plan (
  id               UUID NOT NULL PRIMARY KEY,
  organisation_id  UUID REFERENCES organisation (id) ON DELETE CASCADE,
  -- Unique, so that two instances loading the shipped plan at once store it once
  shipped_key      VARCHAR(100) UNIQUE,
  copied_from      UUID,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK ((organisation_id IS NULL) <> (shipped_key IS NULL))
);
CREATE INDEX session_plan_by_organisation ON session_plan (organisation_id);

CREATE TABLE session_plan_name (
  plan_id   UUID NOT NULL REFERENCES session_plan (id) ON DELETE CASCADE,
  language  VARCHAR(2) NOT NULL,
  name      VARCHAR(200) NOT NULL,
  PRIMARY KEY (plan_id, language)
);

-- At most one DRAFT per plan (checked under the plan's row lock); PUBLISHED versions are read-only.
CREATE TABLE plan_version (
  id            UUID NOT NULL PRIMARY KEY,
  plan_id       UUID NOT NULL REFERENCES session_plan (id) ON DELETE CASCADE,
  version_no    INT NOT NULL,
  status        VARCHAR(20) NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  published_at  TIMESTAMP WITH TIME ZONE,
  UNIQUE (plan_id, version_no)
);

-- One meeting of a version in one language; a language without a row is not written for that meeting.
CREATE TABLE plan_meeting (
  version_id           UUID NOT NULL REFERENCES plan_version (id) ON DELETE CASCADE,
  meeting_no           INT NOT NULL,
  language             VARCHAR(2) NOT NULL,
  theme                VARCHAR(200) NOT NULL,
  aims                 VARCHAR(2000),
  instructions         VARCHAR(8000),
  remote_instructions  VARCHAR(4000),
  campus_instructions  VARCHAR(4000),
  PRIMARY KEY (version_id, meeting_no, language)
);

-- The timed outline of a meeting in one language, in order.
CREATE TABLE plan_outline_item (
  version_id  UUID NOT NULL,
  meeting_no  INT NOT NULL,
  language    VARCHAR(2) NOT NULL,
  item_no     INT NOT NULL,
  minutes     INT NOT NULL,
  label       VARCHAR(300) NOT NULL,
  PRIMARY KEY (version_id, meeting_no, language, item_no),
  FOREIGN KEY (version_id, meeting_no, language) REFERENCES plan_meeting (version_id, meeting_no, language) ON DELETE CASCADE
);

-- The published version a programme uses; no row means the shipped default plan's current version.
CREATE TABLE programme_plan (
  programme_id     UUID NOT NULL PRIMARY KEY REFERENCES programme (id) ON DELETE CASCADE,
  plan_version_id  UUID NOT NULL REFERENCES plan_version (id),
  chosen_by        UUID,
  chosen_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX programme_plan_by_version ON programme_plan (plan_version_id);
