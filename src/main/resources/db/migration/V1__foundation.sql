-- Portable SQL: the same migrations run on H2 (embedded default) and PostgreSQL.

-- Spring Modulith event publication registry (events between modules survive a crash)
CREATE TABLE event_publication (
  id                     UUID NOT NULL PRIMARY KEY,
  listener_id            VARCHAR(512) NOT NULL,
  event_type             VARCHAR(512) NOT NULL,
  serialized_event       VARCHAR(8000) NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 VARCHAR(20),
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date ON event_publication (completion_date);
CREATE INDEX event_publication_by_listener ON event_publication (listener_id);

-- identity
CREATE TABLE account (
  id                 UUID NOT NULL PRIMARY KEY,
  email              VARCHAR(254) NOT NULL,
  password_hash      VARCHAR(200) NOT NULL,
  display_name       VARCHAR(100) NOT NULL,
  preferred_language VARCHAR(2) NOT NULL,
  time_zone          VARCHAR(64) NOT NULL,
  email_verified_at  TIMESTAMP WITH TIME ZONE,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  version            BIGINT NOT NULL,
  CONSTRAINT account_email_unique UNIQUE (email)
);

CREATE TABLE account_token (
  token_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
  account_id  UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  purpose     VARCHAR(20) NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX account_token_by_account ON account_token (account_id, purpose);

-- Failed sign-ins per account and per client address, shared by every application instance
CREATE TABLE sign_in_throttle (
  throttle_key     VARCHAR(300) NOT NULL PRIMARY KEY,
  failures         INT NOT NULL,
  window_start     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- organisation
CREATE TABLE organisation (
  id               UUID NOT NULL PRIMARY KEY,
  name             VARCHAR(200) NOT NULL,
  kind             VARCHAR(20) NOT NULL,
  default_language VARCHAR(2) NOT NULL,
  time_zone        VARCHAR(64) NOT NULL,
  contact_name     VARCHAR(100),
  contact_email    VARCHAR(254),
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  version          BIGINT NOT NULL
);

CREATE TABLE membership (
  id               UUID NOT NULL PRIMARY KEY,
  organisation_id  UUID NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  account_id       UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  role             VARCHAR(20) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT membership_unique UNIQUE (organisation_id, account_id, role)
);
CREATE INDEX membership_by_account ON membership (account_id);

CREATE TABLE invitation (
  id               UUID NOT NULL PRIMARY KEY,
  organisation_id  UUID NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  email            VARCHAR(254) NOT NULL,
  role             VARCHAR(20) NOT NULL,
  token_hash       VARCHAR(64) NOT NULL,
  invited_by       UUID NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  accepted_at      TIMESTAMP WITH TIME ZONE,
  revoked_at       TIMESTAMP WITH TIME ZONE,
  CONSTRAINT invitation_token_unique UNIQUE (token_hash)
);
CREATE INDEX invitation_by_organisation ON invitation (organisation_id);

-- programme
CREATE TABLE programme (
  id                      UUID NOT NULL PRIMARY KEY,
  organisation_id         UUID NOT NULL REFERENCES organisation (id),
  status                  VARCHAR(20) NOT NULL,
  eligibility_kind        VARCHAR(20) NOT NULL,
  eligibility_value       VARCHAR(200),
  remote                  BOOLEAN NOT NULL,
  video_link              VARCHAR(500),
  on_campus               BOOLEAN NOT NULL,
  campuses                VARCHAR(1000),
  term_start              DATE NOT NULL,
  term_end                DATE NOT NULL,
  mentor_call_opens       TIMESTAMP WITH TIME ZONE NOT NULL,
  mentor_call_closes      TIMESTAMP WITH TIME ZONE NOT NULL,
  mentor_seats            INT NOT NULL,
  signup_opens            TIMESTAMP WITH TIME ZONE NOT NULL,
  signup_closes           TIMESTAMP WITH TIME ZONE NOT NULL,
  participant_seats       INT NOT NULL,
  training_count          INT NOT NULL,
  training_minutes        INT NOT NULL,
  meeting_count           INT NOT NULL,
  meeting_minutes         INT NOT NULL,
  meeting_interval_weeks  INT NOT NULL,
  group_max               INT NOT NULL,
  group_min               INT NOT NULL,
  mentors_per_group       INT NOT NULL,
  allow_three_mentors     BOOLEAN NOT NULL,
  credit_course           BOOLEAN NOT NULL,
  credits                 INT,
  workload_familiarisation INT,
  workload_training     INT,
  workload_groups       INT,
  workload_literature   INT,
  grading                 VARCHAR(20),
  certificate             BOOLEAN NOT NULL,
  contact_name            VARCHAR(100) NOT NULL,
  contact_email           VARCHAR(254) NOT NULL,
  copied_from             UUID,
  created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  version                 BIGINT NOT NULL
);
CREATE INDEX programme_by_organisation ON programme (organisation_id);
CREATE INDEX programme_by_status ON programme (status);

CREATE TABLE programme_text (
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  language      VARCHAR(2) NOT NULL,
  name          VARCHAR(200) NOT NULL,
  description   VARCHAR(4000) NOT NULL,
  audience      VARCHAR(1000) NOT NULL,
  PRIMARY KEY (programme_id, language)
);

CREATE TABLE programme_language (
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  language      VARCHAR(2) NOT NULL,
  PRIMARY KEY (programme_id, language)
);
