-- Imports as jobs: the file is stored first (in chunks, so every instance can read it and nothing is lost on a
-- restart), then recorded batch by batch by a worker that holds a lease on the job. Each batch commits the job's
-- progress (last committed row, counters, the batch's errors) in the same transaction as its completions, so a job
-- resumed after a crash or a lost lease starts after its last committed row and never records a row twice.

CREATE TABLE import_job (
    id               uuid        PRIMARY KEY,
    state            text        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    format           text        NOT NULL,
    file_bytes       bigint      NOT NULL,
    sha256           text        NOT NULL,
    submitted_by     text        NOT NULL,
    -- The submitter's unit scope (UnitScope.toString: '*' or comma-separated unit codes), applied to every row.
    unit_scope       text        NOT NULL,
    submitted_at     timestamptz NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    -- The last data row whose outcome is committed (0: none yet): the rows read; a resumed job reads on after it.
    last_row         bigint      NOT NULL DEFAULT 0,
    created          bigint      NOT NULL DEFAULT 0,
    existing         bigint      NOT NULL DEFAULT 0,
    errors           bigint      NOT NULL DEFAULT 0,
    -- Seconds spent running, over all runs of the job (a resumed job adds to it); the rate is rows over it.
    running_seconds  double precision NOT NULL DEFAULT 0,
    cancel_requested boolean     NOT NULL DEFAULT false,
    -- Why the job failed as a whole (FAILED only).
    failure          text,
    lease_owner      text,
    lease_until      timestamptz,
    file_deleted_at  timestamptz
);

CREATE INDEX import_job_by_submitter ON import_job (submitted_by, submitted_at DESC, id DESC);
CREATE INDEX import_job_waiting ON import_job (submitted_at) WHERE state IN ('QUEUED', 'RUNNING');

CREATE TABLE import_job_chunk (
    job_id uuid    NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    seq    integer NOT NULL,
    data   bytea   NOT NULL,
    PRIMARY KEY (job_id, seq)
);

-- One line per problem of a refused row (one per field error, or one for the row as a whole); kept after the file is
-- deleted.
CREATE TABLE import_job_error (
    job_id      uuid    NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    row_number  bigint  NOT NULL,
    seq         integer NOT NULL,
    column_name text,
    status      integer NOT NULL,
    detail      text    NOT NULL,
    PRIMARY KEY (job_id, row_number, seq)
);
