-- Feedback and impact (module feedback): survey forms, the surveys a programme schedules, who was invited and whether
-- they answered, and the answers, kept apart so that nothing joins an answer to a person. Networks and their member
-- organisations belong to the organisation module.

-- An organisation's own survey forms: a copy of one of Kindred's feedback surveys, edited, or a validated instrument
-- its admin imported. definition is the form as JSON in the documented format (docs/survey-format.md); form_key is
-- the definition's key, by which answers to the same form pool across organisations in a network's report.
-- Kindred's own forms ship with the application and have no row here.
CREATE TABLE survey_form (
  id               UUID NOT NULL PRIMARY KEY,
  organisation_id  UUID NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  form_key         VARCHAR(80) NOT NULL,
  kind             VARCHAR(24) NOT NULL,
  origin           VARCHAR(12) NOT NULL,
  definition       VARCHAR(200000) NOT NULL,
  created_by       UUID NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT survey_form_kind CHECK (kind IN ('PARTICIPANT_FEEDBACK', 'MENTOR_FEEDBACK', 'MEASURE')),
  CONSTRAINT survey_form_origin CHECK (origin IN ('COPY', 'IMPORTED')),
  CONSTRAINT survey_form_key_once UNIQUE (organisation_id, form_key)
);

-- A survey a programme scheduled: the form as it stood when scheduled (definition, so later edits of the form do not
-- change what was asked), the moment it belongs to and its window. Participants are asked, or mentors for the
-- mentors' feedback. The measure is scheduled twice, before the first meeting and after the last, and its answers
-- pair by the respondents' own code. remind_at is when the one reminder goes to those who have not answered.
-- written is set once the answers still held back after the close have been written (see survey_pending).
CREATE TABLE survey (
  id               UUID NOT NULL PRIMARY KEY,
  programme_id     UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  organisation_id  UUID NOT NULL REFERENCES organisation (id),
  form_key         VARCHAR(80) NOT NULL,
  kind             VARCHAR(24) NOT NULL,
  moment           VARCHAR(16) NOT NULL,
  definition       VARCHAR(200000) NOT NULL,
  opens_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  closes_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  remind_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  written          BOOLEAN NOT NULL,
  created_by       UUID NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT survey_kind CHECK (kind IN ('PARTICIPANT_FEEDBACK', 'MENTOR_FEEDBACK', 'MEASURE')),
  CONSTRAINT survey_moment CHECK (moment IN ('BEFORE_FIRST', 'AFTER_THIRD', 'AFTER_LAST')),
  CONSTRAINT survey_window CHECK (closes_at > opens_at),
  CONSTRAINT survey_once UNIQUE (programme_id, form_key, moment)
);
CREATE INDEX survey_by_window ON survey (closes_at, opens_at);

-- Who was asked, and whether they have answered (so they are not asked or reminded again). No time of answering, and
-- nothing that leads to their answer: the answer is written elsewhere, later, among others.
CREATE TABLE survey_invitation (
  survey_id        UUID NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
  account_id       UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  invited_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  answered         BOOLEAN NOT NULL,
  reminded         BOOLEAN NOT NULL,
  PRIMARY KEY (survey_id, account_id)
);

-- The e-mailed links to answer: only a hash of each token is kept. The invitation and the reminder carry a link each,
-- and both work until the survey closes.
CREATE TABLE survey_link (
  token_hash       VARCHAR(64) NOT NULL PRIMARY KEY,
  survey_id        UUID NOT NULL,
  account_id       UUID NOT NULL,
  CONSTRAINT survey_link_invitation FOREIGN KEY (survey_id, account_id)
    REFERENCES survey_invitation (survey_id, account_id) ON DELETE CASCADE
);

-- Answers held back until there are at least five of a survey's (or it has closed), then written to survey_response
-- together in a random order and deleted here: the order and time in which answers reach survey_response cannot be
-- lined up with the invitations marked answered. answer is the answer as JSON; there is no time column.
CREATE TABLE survey_pending (
  id               UUID NOT NULL PRIMARY KEY,
  survey_id        UUID NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
  answer           VARCHAR(200000) NOT NULL
);
CREATE INDEX survey_pending_by_survey ON survey_pending (survey_id);

-- An anonymous answer: no account, no address, no agent, the day only. group_id is the published group the respondent
-- was in (reports break down by it, showing only groups with five answers or more); pair_code is a hash of the
-- respondent's self-generated code (measures only), the same before and after; score is the form's scoring rule's
-- total when every scored item was answered. organisation_id, form_key and moment repeat the survey's for the
-- network's pooled report.
CREATE TABLE survey_response (
  id               UUID NOT NULL PRIMARY KEY,
  survey_id        UUID NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
  organisation_id  UUID NOT NULL,
  form_key         VARCHAR(80) NOT NULL,
  moment           VARCHAR(16) NOT NULL,
  group_id         UUID,
  language         VARCHAR(2) NOT NULL,
  submitted_on     DATE NOT NULL,
  pair_code        VARCHAR(64),
  score            DECIMAL(12, 6)
);
CREATE INDEX survey_response_by_survey ON survey_response (survey_id);
CREATE INDEX survey_response_pooled ON survey_response (form_key, moment, organisation_id);

-- One answer to one question: choice is a scale point or an option's number (one row per option ticked), amount a
-- number, text a free-text answer with the respondent's consent to quote it in public; quoted when a coordinator chose
-- it for the report.
CREATE TABLE survey_item (
  id               UUID NOT NULL PRIMARY KEY,
  response_id      UUID NOT NULL REFERENCES survey_response (id) ON DELETE CASCADE,
  question         VARCHAR(40) NOT NULL,
  choice           INT,
  amount           DECIMAL(14, 4),
  text             VARCHAR(4000),
  quotable         BOOLEAN NOT NULL,
  quoted           BOOLEAN NOT NULL,
  CONSTRAINT survey_item_one_value CHECK (
    (CASE WHEN choice IS NULL THEN 0 ELSE 1 END) + (CASE WHEN amount IS NULL THEN 0 ELSE 1 END)
    + (CASE WHEN text IS NULL THEN 0 ELSE 1 END) = 1),
  CONSTRAINT survey_item_quote CHECK (quoted = FALSE OR quotable = TRUE)
);
CREATE INDEX survey_item_by_response ON survey_item (response_id, question);

-- A network (organisation of kind NETWORK, such as the national association) and the organisations that take part in
-- it: the network's admin invites, the organisation's admin accepts. Until accepted_at is set it is an invitation.
CREATE TABLE network_member (
  network_id       UUID NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  organisation_id  UUID NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  invited_by       UUID NOT NULL,
  invited_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  accepted_by      UUID,
  accepted_at      TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (network_id, organisation_id),
  CONSTRAINT network_member_not_itself CHECK (network_id <> organisation_id)
);
CREATE INDEX network_member_by_organisation ON network_member (organisation_id);
