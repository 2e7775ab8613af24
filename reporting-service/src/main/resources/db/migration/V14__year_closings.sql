-- Closing a training year (issue 23): a snapshot of the year's figures, for the whole organisation or one unit
-- subtree, as rated at the moment of closing, with the manifest that lets anyone reproduce it. Closings are API state
-- like policies: a projection rebuild keeps them (they are not in RebuildSchema.TABLES). Snapshot rows are written
-- once, with their closing, and never change; a reopening only marks its closing, and closing again writes a new
-- version beside it, so every version stays readable.
CREATE TABLE year_closing (
    id            bigserial   PRIMARY KEY,
    year          integer     NOT NULL,
    -- The root of the closed subtree; null when the whole organisation is closed.
    unit_code     text,
    -- 1 for the first closing of (year, unit_code), one more for each closing after a reopening.
    version       integer     NOT NULL,
    note          text        NOT NULL,
    closed_at     timestamptz NOT NULL,
    closed_by     text        NOT NULL,
    -- The day the figures were rated as of: the closing day (WIB), or 31 December once the year is over.
    rated_on      date        NOT NULL,
    -- The two JSON texts of ComplianceRepository.POLICY_SET the snapshot was rated with: the policies (with their
    -- versions) and which policy governs which unit.
    policies      text        NOT NULL,
    governing     text        NOT NULL,
    -- The recognition rule table versions of the completions counted in the snapshot.
    rule_versions integer[]   NOT NULL,
    -- The consumer's stored offsets when the snapshot was taken (under the projection lock): {"topic-partition": next}.
    offsets       jsonb       NOT NULL,
    employee_rows integer     NOT NULL,
    unit_rows     integer     NOT NULL,
    -- The snapshot's export files: [{"name", "kind", "format", "rows", "sha256"}].
    files         jsonb       NOT NULL,
    -- SHA-256 (hex) of the snapshot rows in their canonical order (see the closing service).
    sha256        text        NOT NULL,
    reopened_at   timestamptz,
    reopened_by   text,
    reopen_reason text,
    CONSTRAINT year_closing_version UNIQUE NULLS NOT DISTINCT (year, unit_code, version)
);
-- At most one standing (not reopened) closing per year and scope.
CREATE UNIQUE INDEX year_closing_standing ON year_closing (year, coalesce(unit_code, '')) WHERE reopened_at IS NULL;

-- Each employee row of a closing: the employee's figures for the year as the compliance API answered them then.
CREATE TABLE closing_employee (
    closing_id bigint NOT NULL REFERENCES year_closing (id),
    nip        text   NOT NULL,
    -- The unit the employee counted in that year (null: no known unit).
    unit_code  text,
    name       text   NOT NULL,
    status     text   NOT NULL,
    total_jp   numeric NOT NULL,
    -- The whole employee answer (EmployeeComplianceResponse) as JSON.
    answer     jsonb  NOT NULL,
    PRIMARY KEY (closing_id, nip)
);
CREATE INDEX closing_employee_unit ON closing_employee (closing_id, unit_code, name, nip);

-- Each unit of a closing: its figures over its subtree in the year's tree, as the compliance API answered them then.
-- unit_code '' holds the closed scope's total (the organisation's for a whole-organisation closing).
CREATE TABLE closing_unit (
    closing_id  bigint NOT NULL REFERENCES year_closing (id),
    unit_code   text   NOT NULL,
    parent_code text,
    name        text   NOT NULL,
    -- The whole unit answer (UnitComplianceResponse) as JSON.
    answer      jsonb  NOT NULL,
    PRIMARY KEY (closing_id, unit_code)
);
CREATE INDEX closing_unit_parent ON closing_unit (closing_id, parent_code);
