-- grouping: the latest proposal of groups for a programme, as the solver left it (a JSON document of
-- FormationResult), replaced by each run.
CREATE TABLE group_proposal (
  programme_id  UUID NOT NULL PRIMARY KEY REFERENCES programme (id) ON DELETE CASCADE,
  result        VARCHAR(1000000) NOT NULL,
  formed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
