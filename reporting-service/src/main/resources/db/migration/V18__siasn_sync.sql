-- SIASN (issue 24): what the national HR system's training history needs, and what was sent to it.
-- The certificate's JP: the JP stated, or the days when the kind is counted by days (recognized_jp is then the
-- day-rated JP). Rows stored before this migration have neither; one rebuild after upgrading fills them from the topic.
ALTER TABLE completion_fact
    ADD COLUMN jp   numeric,
    ADD COLUMN days integer;

-- SIASN's own id of the person and of the agency (set on root units); null when not known.
ALTER TABLE employee ADD COLUMN pns_orang_id text;
ALTER TABLE unit ADD COLUMN instansi_id text;

-- A stored delta export: its rows are what it asks SIASN to do. OPEN until acknowledged (ACKNOWLEDGED) or replaced by
-- the next delta (SUPERSEDED). Not projections: a rebuild keeps them.
CREATE TABLE siasn_export (
    export_id        uuid        PRIMARY KEY,
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    units            text[],
    note             text,
    state            text        NOT NULL,
    create_count     integer     NOT NULL,
    update_count     integer     NOT NULL,
    delete_count     integer     NOT NULL,
    acknowledged_at  timestamptz,
    acknowledged_by  text
);
CREATE INDEX siasn_export_created ON siasn_export (created_at DESC, export_id);

-- One row of a delta, in file order: the action, the completion and its version, and the SIASN record as sent (JSON of
-- SiasnCourse or SiasnStructuralTraining), so a download renders the same bytes whatever changed since.
CREATE TABLE siasn_export_row (
    export_id     uuid    NOT NULL REFERENCES siasn_export (export_id),
    seq           integer NOT NULL,
    action        text    NOT NULL,
    completion_id uuid    NOT NULL,
    version       bigint  NOT NULL,
    shape         text    NOT NULL,
    record        text    NOT NULL,
    PRIMARY KEY (export_id, seq)
);
CREATE INDEX siasn_export_row_completion ON siasn_export_row (export_id, completion_id);

-- What SIASN holds of each completion, as of the last acknowledged delta: the version sent, when, by which export,
-- SIASN's record id when an operator fed it back, and whether the record was withdrawn (a DELETE acknowledged).
CREATE TABLE siasn_sync (
    completion_id uuid        PRIMARY KEY,
    sent_version  bigint      NOT NULL,
    sent_at       timestamptz NOT NULL,
    export_id     uuid        NOT NULL,
    siasn_id      text,
    withdrawn     boolean     NOT NULL
);
