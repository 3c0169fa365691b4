-- Shared sessions (issue 16): Spring Session JDBC keeps every browser session here instead of in one instance's
-- memory, so a person's requests may land on any instance behind the load balancer. Spring Session's own schema
-- (schema-postgresql.sql of spring-session-jdbc) in the subset H2 and PostgreSQL share: BYTEA is variable binary on
-- both, as in V13 and V19 (H2's LONGVARBINARY is unknown to PostgreSQL). The principal's name is the account's e-mail
-- address: as long as outgoing_mail.recipient allows (Spring Session's 100 characters would fail a long address at
-- sign-in). Expired sessions are deleted by every instance's cleanup (spring.session.jdbc.cleanup-cron), their
-- attributes with them (ON DELETE CASCADE).
CREATE TABLE spring_session (
  primary_id            CHAR(36) NOT NULL,
  session_id            CHAR(36) NOT NULL,
  creation_time         BIGINT NOT NULL,
  last_access_time      BIGINT NOT NULL,
  max_inactive_interval INT NOT NULL,
  expiry_time           BIGINT NOT NULL,
  principal_name        VARCHAR(320),
  CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
  session_primary_id CHAR(36) NOT NULL,
  attribute_name     VARCHAR(200) NOT NULL,
  attribute_bytes    BYTEA NOT NULL,
  CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
  CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id)
    ON DELETE CASCADE
);
