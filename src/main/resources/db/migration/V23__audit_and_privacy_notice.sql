-- Every read of someone else's sensitive data by staff: who read (null once the reader was erased), whose data, what
-- (a workspace, a shared diary, an evaluation, an attention request, an application), when, in which organisation
-- and programme, and which page or item (reference). reader_role holds the reader's staff roles in the organisation
-- when they read (comma-separated), so the person sees in which capacity even after the roles changed. The organisation admin sees their organisation's rows, the
-- person the rows where they are the subject. No foreign key to the accounts: a row outlives its reader's account.
CREATE TABLE sensitive_read (
  id               UUID NOT NULL PRIMARY KEY,
  read_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  reader_id        UUID,
  reader_role      VARCHAR(64) NOT NULL,
  subject_id       UUID NOT NULL,
  kind             VARCHAR(32) NOT NULL,
  organisation_id  UUID NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  programme_id     UUID,
  reference        VARCHAR(200)
);
CREATE INDEX sensitive_read_by_organisation ON sensitive_read (organisation_id, read_at);
CREATE INDEX sensitive_read_by_subject ON sensitive_read (subject_id, read_at);
CREATE INDEX sensitive_read_by_reader ON sensitive_read (reader_id);
CREATE INDEX sensitive_read_by_programme ON sensitive_read (programme_id);

-- An organisation's privacy notice in each language its admins wrote it in.
CREATE TABLE privacy_notice (
  organisation_id  UUID NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  language         VARCHAR(2) NOT NULL,
  body             VARCHAR(20000) NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by       UUID,
  PRIMARY KEY (organisation_id, language)
);

-- When a person acknowledged the privacy notice shown after their first sign-in; no row means not yet.
CREATE TABLE privacy_notice_seen (
  account_id  UUID NOT NULL PRIMARY KEY,
  seen_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
