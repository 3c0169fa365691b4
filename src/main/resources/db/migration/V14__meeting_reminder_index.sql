-- Every reminder sweep forgets claims whose start has long passed. This index was added to V10 after V10 had
-- landed; that edit is history now (putting V10 back would be a second edit, and every database migrated since would
-- refuse to start), so V10 keeps it and this version gives it its own place. IF NOT EXISTS: databases that ran the
-- edited V10 have it already; those that ran V10 as first written get it here.
CREATE INDEX IF NOT EXISTS reminder_claim_by_start ON reminder_claim (starts_at);
