-- Late corrections of closed years (issue 23): each completion event of a year applied at or beyond a standing
-- closing's stored offset for its partition, for an employee the closing covers. Derived from the topics by that rule,
-- so a projection rebuild re-derives them (the table is in RebuildSchema.TABLES; no foreign key to year_closing,
-- because the rebuild's copy would not carry it over the swap).
CREATE TABLE year_correction (
    -- An identity, not a serial: a rebuild copy gets its own sequence, which the swap keeps (a serial's would go
    -- with the retired table).
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year                integer     NOT NULL,
    closing_id          bigint      NOT NULL,
    completion_id       uuid        NOT NULL,
    version             bigint      NOT NULL,
    nip                 text        NOT NULL,
    -- RECORDED, AMENDED, VOIDED, MOVED_IN (now ends in the year), MOVED_OUT (no longer ends in it).
    change              text        NOT NULL,
    title               text,
    -- The completion's JP counting in the year before and after the event; null when it did not (does not) count.
    recognized_jp_before numeric,
    recognized_jp_after  numeric,
    -- Who made the change (CompletionRecorded.changedBy); null for events written before it was carried.
    changed_by          text,
    -- The event's time.
    changed_at          timestamptz NOT NULL,
    topic_partition     text        NOT NULL,
    "offset"            bigint      NOT NULL,
    -- A redelivered or replayed event never counts twice.
    CONSTRAINT year_correction_once UNIQUE (closing_id, topic_partition, "offset")
);
-- The corrections list: a closing's newest first.
CREATE INDEX year_correction_newest ON year_correction (closing_id, changed_at DESC, id DESC);
