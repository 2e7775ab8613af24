-- The training-history export (the national HR system's shape) names each completion's certificate. Facts projected
-- before this migration have none until a rebuild (POST /api/v1/admin/rebuild) replays their events.
ALTER TABLE completion_fact ADD COLUMN certificate_number text;
