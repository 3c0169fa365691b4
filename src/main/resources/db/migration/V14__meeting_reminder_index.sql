-- Every reminder sweep forgets claims whose start has long passed. IF NOT EXISTS: databases that ran the earlier,
-- edited V10 already have this index.
CREATE INDEX IF NOT EXISTS reminder_claim_by_start ON reminder_claim (starts_at);
