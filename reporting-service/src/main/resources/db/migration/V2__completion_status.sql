-- Completions can now be amended and voided. A voided completion keeps its row, with the version of the void, so that
-- a stale event of a lower version cannot bring it back; it no longer counts in employee_year_total.
-- Rows written before this migration came from events without a status, which means active.

ALTER TABLE completion_fact
    ADD COLUMN status       text    NOT NULL DEFAULT 'ACTIVE',
    ADD COLUMN rule_version integer,
    ADD COLUMN void_reason  text;

-- The default only fills the existing rows; every new row gets its status from its event.
ALTER TABLE completion_fact ALTER COLUMN status DROP DEFAULT;
