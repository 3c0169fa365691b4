-- Who changed an application by hand, when, and why.
CREATE TABLE application_audit (
  id              UUID NOT NULL PRIMARY KEY,
  application_id  UUID NOT NULL REFERENCES application (id) ON DELETE CASCADE,
  actor_id        UUID NOT NULL,
  action          VARCHAR(20) NOT NULL,
  reason          VARCHAR(500) NOT NULL,
  at              TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX application_audit_by_application ON application_audit (application_id);
