-- grouping: the coordinator's weights of the preferences and the department limit for one programme; defaults apply
-- until they change them.
CREATE TABLE formation_preferences (
  programme_id          UUID NOT NULL PRIMARY KEY REFERENCES programme (id) ON DELETE CASCADE,
  place_participant     BIGINT NOT NULL,
  earlier_sign_up       BIGINT NOT NULL,
  preferred_slot        BIGINT NOT NULL,
  co_mentor_wish        BIGINT NOT NULL,
  experienced_mentor    BIGINT NOT NULL,
  department_mix        BIGINT NOT NULL,
  balanced_sizes        BIGINT NOT NULL,
  max_same_department   INT NOT NULL,
  changed_by            UUID NOT NULL REFERENCES account (id),
  changed_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
