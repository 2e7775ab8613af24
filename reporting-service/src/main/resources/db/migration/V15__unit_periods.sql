-- The unit tree over time (issue 23): each unit's name and parent as effective-dated periods, replaced whole by each
-- newer unit.upserted event (like employee_unit_history), and the day a unit stops existing with the unit that takes
-- over its people. A year's figures aggregate under the tree as it stood on 31 December of that year (see YearTree).
-- A period from '-infinity' is one in force since the beginning of time: events written before units had histories,
-- and the units stored before this migration.
CREATE TABLE unit_period (
    unit_code      text NOT NULL,
    effective_from date NOT NULL,
    name           text NOT NULL,
    parent_code    text,
    PRIMARY KEY (unit_code, effective_from)
);

ALTER TABLE unit ADD COLUMN dissolved_on date;
ALTER TABLE unit ADD COLUMN successor_code text;

INSERT INTO unit_period (unit_code, effective_from, name, parent_code)
SELECT code, '-infinity', name, parent_code FROM unit;
