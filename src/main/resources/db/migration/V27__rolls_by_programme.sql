-- Lookups that scanned whole tables once the database held a country's data (bench/pages at national size).
-- A programme's rolls (the coordinator's Home, the progress view, a participant's certificate standing) are read by
-- the programme they name; without an index PostgreSQL hash-joined every roll in the country with the meetings.
CREATE INDEX meeting_roll_by_programme ON meeting_roll (programme_id);
