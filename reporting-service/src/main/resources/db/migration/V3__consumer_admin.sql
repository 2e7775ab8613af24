-- The consumer's progress and the handling of parked records by a person.

-- CloudEvents time of the newest event handled from each partition (applied, ignored as a duplicate or stale, or
-- parked with a readable envelope), written with the offsets; the greatest one seen is kept. Null until the partition
-- delivers an event whose time is known.
ALTER TABLE consumer_offset
    ADD COLUMN last_event_time timestamptz;

-- A parked record may be retried from the admin API: one that now applies is deleted (the topic keeps the original);
-- one that still fails stays, with the reason of the latest attempt in reason and the attempts counted here.
ALTER TABLE parked_event
    ADD COLUMN retry_count   integer NOT NULL DEFAULT 0,
    ADD COLUMN last_retry_at timestamptz;
