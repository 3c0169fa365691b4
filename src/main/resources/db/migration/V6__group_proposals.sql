-- grouping: the latest proposal of groups for a programme, as the solver left it (a JSON document of
-- FormationResult), replaced by each run.
CREATE TABLE group_proposal (
  programme_id  UUID NOT NULL PRIMARY KEY REFERENCES programme (id) ON DELETE CASCADE,
  result        VARCHAR(1000000) NOT NULL,
  formed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- People the coordinator pinned to their group in the proposal: a new run keeps them there, with the group's time,
-- language and place.
CREATE TABLE group_pin (
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  account_id    UUID NOT NULL REFERENCES account (id),
  PRIMARY KEY (programme_id, account_id)
);

-- Published groups: what members were told. Each person is in at most one group of a programme.
CREATE TABLE published_group (
  id            UUID NOT NULL PRIMARY KEY,
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  number        INT NOT NULL,
  slot          VARCHAR(10) NOT NULL,
  language      VARCHAR(2) NOT NULL,
  campus        VARCHAR(200),
  published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT published_group_number UNIQUE (programme_id, number)
);

CREATE TABLE group_member (
  group_id      UUID NOT NULL REFERENCES published_group (id) ON DELETE CASCADE,
  programme_id  UUID NOT NULL,
  account_id    UUID NOT NULL REFERENCES account (id),
  role          VARCHAR(20) NOT NULL,
  PRIMARY KEY (group_id, account_id),
  CONSTRAINT group_member_once UNIQUE (programme_id, account_id)
);
