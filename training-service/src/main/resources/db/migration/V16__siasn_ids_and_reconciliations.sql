-- SIASN's own ids on the roster: the person id of an employee and the agency id of a root unit (both optional).
ALTER TABLE employee ADD COLUMN pns_orang_id varchar(64);
ALTER TABLE unit ADD COLUMN instansi_id varchar(64);

-- Reconciliations with SIASN: what SIASN holds for a unit subtree compared with the ledger's completions of the
-- employees in it. One row per reconciliation with its counts; one item per finding, kept so that the JSON and the CSV
-- file are served later and SIASN-only records can be taken into the ledger.
CREATE TABLE siasn_reconciliation (
    id                  uuid         PRIMARY KEY,
    unit_code           varchar(64)  NOT NULL REFERENCES unit (code),
    shape               varchar(32)  NOT NULL,
    created_at          timestamptz  NOT NULL,
    created_by          varchar(200) NOT NULL,
    rows_read           integer      NOT NULL,
    matched             integer      NOT NULL,
    matched_differing   integer      NOT NULL,
    ledger_only         integer      NOT NULL,
    siasn_only          integer      NOT NULL,
    unknown_nip         integer      NOT NULL,
    outside_unit        integer      NOT NULL,
    invalid_rows        integer      NOT NULL
);

CREATE INDEX siasn_reconciliation_unit ON siasn_reconciliation (unit_code, created_at);

-- finding: MATCHED, LEDGER_ONLY, SIASN_ONLY, UNKNOWN_NIP, OUTSIDE_UNIT, INVALID_ROW. differences: the fields that
-- differ on a match (jumlahJam, tanggalMulai, tanggalSelesai, jenisDiklat). command: the new-completion command a
-- SIASN-only record maps to (JSON), for its adoption.
CREATE TABLE siasn_reconciliation_item (
    reconciliation_id      uuid         NOT NULL REFERENCES siasn_reconciliation (id) ON DELETE CASCADE,
    item_no                integer      NOT NULL,
    finding                varchar(16)  NOT NULL,
    match_rule             varchar(24),
    row_number             bigint,
    nip                    varchar(64),
    unit_code              varchar(64),
    completion_id          uuid,
    siasn_id               varchar(128),
    title                  varchar(300),
    differences            text[]       NOT NULL DEFAULT '{}',
    ledger_kind_id         smallint,
    siasn_kind_id          smallint,
    ledger_start_date      date,
    siasn_start_date       date,
    ledger_end_date        date,
    siasn_end_date         date,
    ledger_jp              integer,
    siasn_jp               integer,
    problem                text,
    command                text,
    adopted_completion_id  uuid,
    PRIMARY KEY (reconciliation_id, item_no)
);
