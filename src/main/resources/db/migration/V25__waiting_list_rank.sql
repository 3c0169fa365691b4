-- recruitment: a place on the waiting list read without counting everyone ahead (issue 17).

-- Every entry to a pool's waiting list takes a rank, and every exit from it is recorded as a departure, both under the
-- pool's row lock. The ranks of those waiting and the departures kept are together exactly first_waiting_rank ..
-- next_waiting_rank - 1, each once, and ranks follow arrival order among those waiting. So the place of the one
-- waiting at rank r is 1 + (r - first_waiting_rank) - (departures below r): one row read and an index range count
-- over the few who left from behind someone still waiting, where counting the WAITING rows before them read the whole
-- list ahead (9,000 rows for the last of a rush, three times per person). first_waiting_rank is the rank of the first
-- one waiting (next_waiting_rank when nobody waits), so departures from the front, the promotions, leave no rows.
ALTER TABLE seat_pool ADD COLUMN next_waiting_rank BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE seat_pool ADD COLUMN first_waiting_rank BIGINT DEFAULT 1 NOT NULL;

-- Null unless the application is waiting.
ALTER TABLE application ADD COLUMN waiting_rank BIGINT;

-- No unique key: moving someone accepted from approval into their place by arrival shifts the ranks behind it by one
-- in a single update, which a unique key checked row by row (PostgreSQL's) could refuse half-way.
CREATE TABLE waiting_departure (
  programme_id  UUID NOT NULL,
  role          VARCHAR(20) NOT NULL,
  waiting_rank  BIGINT NOT NULL
);
CREATE INDEX waiting_departure_by_rank ON waiting_departure (programme_id, role, waiting_rank);

-- Those waiting today take ranks 1, 2, ... by arrival in their pool, with no departures. Numbered once into a helper
-- table and joined by its key, which both H2 and PostgreSQL run in one pass; a count of those before each one would
-- read every list once per person on it.
CREATE TABLE waiting_rank_backfill AS
  SELECT id, ROW_NUMBER() OVER (PARTITION BY programme_id, role ORDER BY arrival) AS waiting_rank
    FROM application WHERE state = 'WAITING';
CREATE INDEX waiting_rank_backfill_by_id ON waiting_rank_backfill (id);
UPDATE application a SET waiting_rank = (SELECT b.waiting_rank FROM waiting_rank_backfill b WHERE b.id = a.id)
 WHERE a.state = 'WAITING';
DROP TABLE waiting_rank_backfill;

UPDATE seat_pool p SET next_waiting_rank = 1 + (SELECT COUNT(*) FROM application a
                                                  WHERE a.programme_id = p.programme_id AND a.role = p.role
                                                    AND a.state = 'WAITING');
