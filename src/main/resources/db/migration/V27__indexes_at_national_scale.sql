-- Lookups that scanned whole tables once the database held a country's data (bench/pages at national size).
-- A programme's rolls (the coordinator's Home, the progress view, a participant's certificate standing) are read by
-- the programme they name; without an index PostgreSQL hash-joined every roll in the country with the meetings.
CREATE INDEX meeting_roll_by_programme ON meeting_roll (programme_id);
-- A group's meetings (a participant's meetings, the calendar feed, a mentor's workspace and Home) are read by group;
-- meeting_by_programme starts with the programme, so each such read scanned every meeting in the country.
CREATE INDEX meeting_by_group ON meeting (group_id, number);
-- Every 5 s each instance looks for pools with applications left pending (SeatAllocator): there are almost never any,
-- but finding that out read every application in the country.
CREATE INDEX application_pending ON application (state, programme_id, role);
