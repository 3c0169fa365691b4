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
