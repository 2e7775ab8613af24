-- A unit's name and parent are effective-dated like an employee's unit (V2): every name and parent a unit has had, from
-- the date each took effect. unit.name and unit.parent_code stay as the current values, which other queries read.
CREATE TABLE unit_period (
    unit_code      varchar(64)  NOT NULL REFERENCES unit (code),
    effective_from date         NOT NULL,
    name           varchar(200) NOT NULL,
    parent_code    varchar(64)  REFERENCES unit (code),
    recorded_at    timestamptz  NOT NULL,
    PRIMARY KEY (unit_code, effective_from),
    CONSTRAINT unit_period_not_own_parent CHECK (parent_code IS NULL OR parent_code <> unit_code)
);
CREATE INDEX unit_period_parent ON unit_period (parent_code);

-- Units recorded before histories existed have stood as they are since before any record: 1900-01-01, the earliest
-- date the record holds.
INSERT INTO unit_period (unit_code, effective_from, name, parent_code, recorded_at)
SELECT code, DATE '1900-01-01', name, parent_code, updated_at FROM unit;

-- From dissolved_on on, the unit no longer exists; successor_code takes over its people (a merger, a split, a new code).
ALTER TABLE unit ADD COLUMN dissolved_on date;
ALTER TABLE unit ADD COLUMN successor_code varchar(64) REFERENCES unit (code);
ALTER TABLE unit ADD COLUMN dissolution_reference varchar(100);
ALTER TABLE unit ADD CONSTRAINT unit_successor_only_when_dissolved
    CHECK (successor_code IS NULL OR dissolved_on IS NOT NULL);
ALTER TABLE unit ADD CONSTRAINT unit_dissolution_reference
    CHECK ((dissolution_reference IS NULL) = (dissolved_on IS NULL));
