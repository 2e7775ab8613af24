-- Completions become append-only records with a lifecycle: amendments are new versions, a void ends the record, and
-- every version is kept in completion_history. Recognised JP now comes from a versioned rule table that admins replace.

CREATE TABLE recognition_rule_set (
    version              integer      PRIMARY KEY,
    international_factor numeric(4, 2) NOT NULL CHECK (international_factor >= 1),
    created_at           timestamptz  NOT NULL,
    created_by           varchar(200) NOT NULL
);

-- Kinds counted by days when no JP is stated: JP per day, at home and international.
CREATE TABLE recognition_day_rate (
    version                  integer      NOT NULL REFERENCES recognition_rule_set (version),
    kind_id                  smallint     NOT NULL CHECK (kind_id BETWEEN 1 AND 25),
    jp_per_day               numeric(5, 2) NOT NULL CHECK (jp_per_day > 0),
    jp_per_day_international numeric(5, 2) NOT NULL CHECK (jp_per_day_international > 0),
    PRIMARY KEY (version, kind_id)
);

-- Perlan 10/2018 annex: structured trainings at their stated JP (+20% international); a one-day seminar or conference
-- 4 JP (6 international); a one-day workshop 5 JP (7 international).
INSERT INTO recognition_rule_set (version, international_factor, created_at, created_by)
VALUES (1, 1.20, now(), 'Perlan 10/2018 (seeded by migration V3)');
INSERT INTO recognition_day_rate (version, kind_id, jp_per_day, jp_per_day_international)
VALUES (1, 9, 4, 6), (1, 4, 5, 7);

ALTER TABLE completion
    ADD COLUMN status          varchar(8)   NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'VOIDED')),
    ADD COLUMN void_reason     varchar(500),
    ADD COLUMN rule_version    integer      NOT NULL DEFAULT 1 REFERENCES recognition_rule_set (version),
    ADD COLUMN idempotency_key varchar(200),
    ADD COLUMN updated_at      timestamptz,
    -- recording order, the stable sort key of the keyset-paginated listing
    ADD COLUMN seq             bigserial    NOT NULL;
UPDATE completion SET updated_at = recorded_at;
ALTER TABLE completion ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE completion ADD CONSTRAINT completion_idempotency_key UNIQUE (idempotency_key);
CREATE UNIQUE INDEX completion_seq ON completion (seq);
CREATE INDEX completion_nip_seq ON completion (nip, seq);
CREATE INDEX completion_end_date ON completion (end_date);

CREATE TABLE completion_history (
    completion_id uuid         NOT NULL REFERENCES completion (id),
    version       bigint       NOT NULL,
    change        varchar(10)  NOT NULL CHECK (change IN ('RECORDED', 'AMENDED', 'VOIDED')),
    -- the completion as it was at this version, as the API showed it
    state         text         NOT NULL,
    changed_at    timestamptz  NOT NULL,
    changed_by    varchar(200) NOT NULL,
    PRIMARY KEY (completion_id, version)
);

INSERT INTO completion_history (completion_id, version, change, state, changed_at, changed_by)
SELECT c.id, c.version, 'RECORDED', json_build_object(
        'id', c.id, 'version', c.version, 'nip', c.nip, 'title', c.title, 'kindId', c.kind_id, 'method', c.method,
        'competencyType', c.competency_type, 'deliveryMode', c.delivery_mode, 'provider', c.provider,
        'startDate', c.start_date, 'endDate', c.end_date, 'year', c.training_year, 'jp', c.jp, 'days', c.days,
        'international', c.international, 'recognizedJp', c.recognized_jp, 'certificateNumber', c.certificate_number,
        'sourceSystem', c.source_system, 'externalId', c.external_id, 'recordedAt', c.recorded_at,
        'status', c.status, 'ruleVersion', c.rule_version)::text,
       c.recorded_at, c.source_system
FROM completion c;
