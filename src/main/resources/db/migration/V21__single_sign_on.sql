-- Single sign-on (module sso): each organisation's OpenID Connect provider and the links from a provider's
-- (issuer, subject) to a Kindred account.

-- One row per organisation that configured a provider. The client secret is either a JWE (dir, A256GCM) under a key
-- derived from KINDRED_CREDENTIAL_SECRET, with the organisation in its protected header, or the name of an
-- environment variable that holds it (client_secret_env); never both, never in clear. Labels null mean "Sign in with"
-- the organisation's name. password_off_for_staff: the organisation's admins, coordinators and teachers may not sign
-- in with a password (pages and API), only through this provider.
CREATE TABLE sso_provider (
  organisation_id         UUID NOT NULL PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,
  issuer                  VARCHAR(500) NOT NULL,
  client_id               VARCHAR(255) NOT NULL,
  client_secret_jwe       VARCHAR(4000),
  client_secret_env       VARCHAR(100),
  label_en                VARCHAR(100),
  label_fi                VARCHAR(100),
  label_sv                VARCHAR(100),
  study_number_claim      VARCHAR(100),
  enabled                 BOOLEAN NOT NULL,
  password_off_for_staff  BOOLEAN NOT NULL,
  updated_by              UUID,
  updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT sso_provider_one_secret CHECK (client_secret_jwe IS NULL OR client_secret_env IS NULL)
);

-- Who a provider's subject is in Kindred. Nothing else from the ID token is kept but the study number, when the
-- organisation names the claim that carries it.
CREATE TABLE sso_link (
  issuer           VARCHAR(500) NOT NULL,
  subject          VARCHAR(255) NOT NULL,
  account_id       UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  organisation_id  UUID NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  study_number     VARCHAR(100),
  linked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX sso_link_by_account ON sso_link (account_id);

-- A mailed link proving that whoever signed in through the provider owns the existing account with the same address;
-- only the SHA-256 of the token is kept.
CREATE TABLE sso_link_token (
  token_hash       VARCHAR(64) NOT NULL PRIMARY KEY,
  account_id       UUID NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  organisation_id  UUID NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  issuer           VARCHAR(500) NOT NULL,
  subject          VARCHAR(255) NOT NULL,
  study_number     VARCHAR(100),
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sso_link_token_by_account ON sso_link_token (account_id);
