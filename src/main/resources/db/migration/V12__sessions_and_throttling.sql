-- Sessions and throttling (issue 10). Portable SQL: the same migration runs on H2 and PostgreSQL.

-- Raised by every password change and reset. A session remembers the value it signed in with and ends on its next
-- request once they differ, on every application instance.
ALTER TABLE account ADD COLUMN credentials_version BIGINT DEFAULT 0 NOT NULL;

-- Failed sign-ins, counted per (account, client) and per client across accounts (account_email '*'), shared by
-- every application instance. They slow a client down; they never lock an account. Replaces the lockout counts.
DROP TABLE sign_in_throttle;
CREATE TABLE sign_in_failure (
  account_email  VARCHAR(254) NOT NULL,
  client         VARCHAR(64) NOT NULL,
  failures       INT NOT NULL,
  last_failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (account_email, client)
);
CREATE INDEX sign_in_failure_by_time ON sign_in_failure (last_failed_at);

-- Mails about accounts (reset links, verification links, "someone tried to register") caused per address and per
-- client in the current window.
CREATE TABLE account_mail_quota (
  quota_key    VARCHAR(300) NOT NULL PRIMARY KEY,
  sent         INT NOT NULL,
  window_start TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX account_mail_quota_by_window ON account_mail_quota (window_start);
