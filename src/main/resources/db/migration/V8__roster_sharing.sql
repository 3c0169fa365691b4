-- programme: whether participants see the first names of the others in their group (mentors always see their whole
-- group). Off unless the coordinator turns it on: being in a compassion group is sensitive.
ALTER TABLE programme ADD COLUMN share_roster BOOLEAN DEFAULT FALSE NOT NULL;

-- grouping: every change to the groups after publishing, for the coordinator's audit. actor_id is the coordinator who
-- made it; NULL when it followed from recruitment (a withdrawal or a coordinator's decision recorded there).
CREATE TABLE group_change (
  id            UUID NOT NULL PRIMARY KEY,
  programme_id  UUID NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  actor_id      UUID,
  action        VARCHAR(20) NOT NULL,
  account_id    UUID NOT NULL,
  role          VARCHAR(20) NOT NULL,
  from_group    UUID REFERENCES published_group (id) ON DELETE CASCADE,
  to_group      UUID REFERENCES published_group (id) ON DELETE CASCADE,
  at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX group_change_by_programme ON group_change (programme_id, at);
