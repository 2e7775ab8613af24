-- The roster by year and the yearly policies that compliance is judged by.
--
-- employee_unit_history is the employee's effective-dated unit history as its newest event states it (replaced whole
-- on each employee event). employee_year has one row per employee and training year the employee is employed in
-- (from jpledger.reporting.first-year through the current year) or has active completions in; it holds the employment
-- window within the year, the unit the employee counts in that year, and the sums of the year's active completions.
-- Targets and statuses are not stored: they follow from the policy and today's date at query time, so a policy change
-- takes effect on the next query without replaying events.

CREATE TABLE employee_unit_history (
    nip            text NOT NULL,
    effective_from date NOT NULL,
    unit_code      text NOT NULL,
    PRIMARY KEY (nip, effective_from)
);

CREATE TABLE employee_year (
    nip                  text    NOT NULL,
    year                 integer NOT NULL,
    -- The unit the employee belonged to on their last employed day of the year; null while the employee is unknown.
    unit_code            text,
    employment_type      text,
    position_level       text,
    -- First and last day employed within the year; both null when not employed in it (completions only).
    window_from          date,
    window_until         date,
    total_jp             numeric NOT NULL,
    jp_teknis            numeric NOT NULL,
    jp_manajerial        numeric NOT NULL,
    jp_sosial_kultural   numeric NOT NULL,
    jp_klasikal          numeric NOT NULL,
    jp_nonklasikal       numeric NOT NULL,
    jp_luring            numeric NOT NULL,
    jp_daring            numeric NOT NULL,
    jp_blended           numeric NOT NULL,
    completion_count     integer NOT NULL,
    last_completion_date date,
    PRIMARY KEY (nip, year),
    CONSTRAINT employee_year_window CHECK ((window_from IS NULL) = (window_until IS NULL))
);
CREATE INDEX employee_year_unit ON employee_year (year, unit_code, total_jp, nip);

-- The new rows need the whole history of events (employment windows, unit history, breakdowns): rather than derive them
-- here a second way, the projections are emptied and the consumer replays the topics from the earliest offset (its
-- offsets are forgotten). Parked events stay parked.
TRUNCATE unit, employee, completion_fact;
DELETE FROM consumer_offset;
DROP TABLE employee_year_total;

CREATE TABLE policy (
    year                      integer     PRIMARY KEY,
    target_jp                 numeric     NOT NULL,
    -- {"PPPK": 24}: targets by employment type; {"JPT_PRATAMA": 30}: by position level (which wins over the type).
    target_by_employment_type jsonb       NOT NULL,
    target_by_position_level  jsonb       NOT NULL,
    minutes_per_jp            integer     NOT NULL,
    prorate                   boolean     NOT NULL,
    version                   bigint      NOT NULL,
    updated_at                timestamptz NOT NULL
);
