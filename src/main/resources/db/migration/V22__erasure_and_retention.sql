-- Erasure and retention (module privacy). A person's request to be erased waits here for a coordinator of an
-- organisation whose programmes they take part in; carrying it out anonymises their account in place (the row stays,
-- so every seat, attendance tick and count that points at it stays right) and deletes what else is personal.

-- One request per person at a time: account_id is the person; the row keeps no name or address, so it can stay
-- after the erasure as the record that it was done (who decided, when, or why it was refused).
CREATE TABLE erasure_request (
  id             UUID NOT NULL PRIMARY KEY,
  account_id     UUID NOT NULL REFERENCES account (id),
  asked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  status         VARCHAR(12) NOT NULL,
  decided_by     UUID,
  decided_at     TIMESTAMP WITH TIME ZONE,
  reason         VARCHAR(1000),
  open_account   UUID,
  CONSTRAINT erasure_request_status CHECK (status IN ('OPEN', 'ERASED', 'REFUSED', 'WITHDRAWN')),
  CONSTRAINT erasure_request_one_open UNIQUE (open_account)
);
CREATE INDEX erasure_request_by_account ON erasure_request (account_id);

-- The organisations whose coordinators see the request: those of the programmes the person had applied to, and those
-- they are staff of, as they were when the request was made.
CREATE TABLE erasure_request_organisation (
  request_id       UUID NOT NULL REFERENCES erasure_request (id) ON DELETE CASCADE,
  organisation_id  UUID NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  PRIMARY KEY (request_id, organisation_id)
);
CREATE INDEX erasure_request_organisation_by_organisation ON erasure_request_organisation (organisation_id);

-- An organisation's privacy settings, set by its admin: months after a programme's end before its people's data is
-- anonymised, and the erasure checks it waives (hold kinds, comma-separated; every other check applies). No row:
-- 12 months, every check applies.
CREATE TABLE privacy_settings (
  organisation_id   UUID NOT NULL PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,
  retention_months  INT NOT NULL,
  waived_holds      VARCHAR(1000) NOT NULL,
  updated_by        UUID,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT privacy_settings_months CHECK (retention_months BETWEEN 1 AND 120)
);

-- A programme's anonymisation: the row is the claim (an instance takes it by lease_until, so two instances on one
-- database never both run it), anonymised_at says it is done.
CREATE TABLE programme_retention (
  programme_id   UUID NOT NULL PRIMARY KEY REFERENCES programme (id) ON DELETE CASCADE,
  lease_until    TIMESTAMP WITH TIME ZONE,
  anonymised_at  TIMESTAMP WITH TIME ZONE
);
