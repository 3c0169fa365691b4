-- Certificates (module certificate): each programme's rule for who qualifies and the words it prints, the certificates
-- issued with what they certify as it stood on the day, the organisations' signing keys for the digital credential,
-- and the throttle on the public verification page. The organisations' logos belong to the organisation module.

-- One row per programme whose certificate settings were saved; a programme without one uses the defaults (all
-- trainings attended or readiness given, four meetings of the group held, no participation certificates).
-- Role texts null mean Kindred's own text in that language; signatory null means the issuing coordinator.
CREATE TABLE certificate_settings (
  programme_id                  UUID NOT NULL PRIMARY KEY REFERENCES programme (id) ON DELETE CASCADE,
  require_training              BOOLEAN NOT NULL,
  minimum_meetings              INT NOT NULL,
  participation                 BOOLEAN NOT NULL,
  participant_minimum_meetings  INT NOT NULL,
  role_text_en                  VARCHAR(2000),
  role_text_fi                  VARCHAR(2000),
  role_text_sv                  VARCHAR(2000),
  signatory_name                VARCHAR(200),
  signatory_title               VARCHAR(200),
  updated_by                    UUID,
  updated_at                    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT certificate_settings_meetings CHECK (minimum_meetings BETWEEN 0 AND 52),
  CONSTRAINT certificate_settings_participant_meetings CHECK (participant_minimum_meetings BETWEEN 0 AND 52)
);

-- A certificate as issued. content is what it certifies, as JSON, fixed on the day of issue (later changes to
-- attendance do not rewrite a certificate someone has shown). code is the verification code without its hyphens:
-- 20 characters of Crockford's base 32, 100 random bits. in_force is TRUE until revoked and NULL after, so that the
-- unique constraint allows one certificate in force per holder, programme and kind (issuing twice finds it) beside
-- any number revoked. issued_by is null for a participation certificate the participant asked for themselves.
CREATE TABLE certificate (
  id               UUID NOT NULL PRIMARY KEY,
  code             VARCHAR(20) NOT NULL UNIQUE,
  programme_id     UUID NOT NULL REFERENCES programme (id),
  organisation_id  UUID NOT NULL REFERENCES organisation (id),
  holder_id        UUID NOT NULL REFERENCES account (id),
  kind             VARCHAR(16) NOT NULL,
  in_force         BOOLEAN,
  content          VARCHAR(20000) NOT NULL,
  issued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  issued_by        UUID,
  override_reason  VARCHAR(1000),
  revoked_at       TIMESTAMP WITH TIME ZONE,
  revoked_by       UUID,
  revoke_reason    VARCHAR(1000),
  CONSTRAINT certificate_kind CHECK (kind IN ('MENTOR', 'COURSE', 'PARTICIPATION')),
  CONSTRAINT certificate_in_force CHECK (in_force IS NULL OR in_force = TRUE),
  CONSTRAINT certificate_revoked CHECK ((in_force IS NULL) = (revoked_at IS NOT NULL)),
  CONSTRAINT certificate_one_in_force UNIQUE (programme_id, holder_id, kind, in_force)
);
CREATE INDEX certificate_by_holder ON certificate (holder_id, issued_at);
CREATE INDEX certificate_by_programme ON certificate (programme_id, kind);

-- Each organisation's key for signing its credentials (ES256), made on first use. The private key is stored only
-- encrypted (a JWE under the key from KINDRED_CREDENTIAL_SECRET); the public key is published as a JWK.
CREATE TABLE issuer_key (
  organisation_id  UUID NOT NULL PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,
  key_id           VARCHAR(64) NOT NULL UNIQUE,
  public_jwk       VARCHAR(2000) NOT NULL,
  private_jwe      VARCHAR(4000) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Lookups on the public verification page per client in the current window, shared by every instance, so that
-- nobody can try codes faster than the limit.
CREATE TABLE verification_throttle (
  client        VARCHAR(64) NOT NULL PRIMARY KEY,
  lookups       INT NOT NULL,
  window_start  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX verification_throttle_by_window ON verification_throttle (window_start);

-- An organisation's logo for its certificates, uploaded by its admins: PNG or SVG, validated and size-limited.
CREATE TABLE organisation_logo (
  organisation_id  UUID NOT NULL PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,
  content_type     VARCHAR(40) NOT NULL,
  content          BYTEA NOT NULL,
  uploaded_by      UUID NOT NULL,
  uploaded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT organisation_logo_type CHECK (content_type IN ('image/png', 'image/svg+xml'))
);
