-- grouping: a solver run under way, one per programme across every application instance. The instance running it
-- writes its progress here about twice a second, so any instance can show it; a stop asked on any instance is read
-- from here. A claim whose instance died expires after the run's time limit and a margin.
CREATE TABLE formation_run (
  programme_id        UUID NOT NULL PRIMARY KEY REFERENCES programme (id) ON DELETE CASCADE,
  started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  stop_requested      BOOLEAN NOT NULL DEFAULT FALSE,
  score               VARCHAR(100),
  feasible            BOOLEAN NOT NULL DEFAULT FALSE,
  participants_placed INT NOT NULL DEFAULT 0,
  participants        INT NOT NULL DEFAULT 0,
  elapsed_ms          BIGINT NOT NULL DEFAULT 0
);
