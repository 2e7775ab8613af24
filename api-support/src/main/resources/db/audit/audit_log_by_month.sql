-- The audit log by month (UTC), so that entries past the retention period can leave it a whole month at a time — by an
-- admin's audited purge, which drops old partitions (AuditPartitions) — while every entry stays append-only. Rows of
-- a month without a partition of its own land in the default partition, which is never dropped.
ALTER TABLE audit_entry RENAME TO audit_entry_unpartitioned;
ALTER INDEX audit_entry_pkey RENAME TO audit_entry_unpartitioned_pkey;
ALTER SEQUENCE audit_entry_id_seq OWNED BY NONE;

CREATE TABLE audit_entry (
    id          bigint      NOT NULL DEFAULT nextval('audit_entry_id_seq'),
    at          timestamptz NOT NULL DEFAULT now(),
    subject     text        NOT NULL,
    client      text,
    roles       text        NOT NULL,
    scope       text        NOT NULL,
    action      text        NOT NULL,
    target_unit text,
    target_nip  text,
    target_id   text,
    outcome     text        NOT NULL CHECK (outcome IN ('done', 'rejected', 'refused', 'failed')),
    status      integer     NOT NULL,
    details     jsonb       NOT NULL DEFAULT '{}',
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
ALTER SEQUENCE audit_entry_id_seq OWNED BY audit_entry.id;
CREATE TABLE audit_entry_default PARTITION OF audit_entry DEFAULT;

-- A partition for every month that has entries, and for this month and the next two.
DO $$
DECLARE
    month date;
BEGIN
    FOR month IN
        SELECT generate_series(
            date_trunc('month', least(coalesce((SELECT min(at) FROM audit_entry_unpartitioned), now()), now())
                AT TIME ZONE 'UTC'),
            date_trunc('month', now() AT TIME ZONE 'UTC') + interval '2 months', interval '1 month')::date
    LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF audit_entry FOR VALUES FROM (%L) TO (%L)',
            to_char(month, '"audit_entry_y"YYYY"m"MM'), month::text || ' 00:00:00+00',
            (month + interval '1 month')::date::text || ' 00:00:00+00');
    END LOOP;
END
$$;

INSERT INTO audit_entry SELECT * FROM audit_entry_unpartitioned;
DROP TABLE audit_entry_unpartitioned;

CREATE INDEX audit_entry_at ON audit_entry (at);
CREATE INDEX audit_entry_id ON audit_entry (id);
CREATE INDEX audit_entry_subject ON audit_entry (subject, id);
CREATE INDEX audit_entry_target_unit ON audit_entry (target_unit, id) WHERE target_unit IS NOT NULL;
CREATE INDEX audit_entry_target_nip ON audit_entry (target_nip, id) WHERE target_nip IS NOT NULL;
CREATE INDEX audit_entry_target_id ON audit_entry (target_id, id) WHERE target_id IS NOT NULL;

-- Still append-only: no entry can be changed or removed, only whole months dropped past their retention.
CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
