-- Policies per unit subtree, targets in hours, caps, pacing and the leavers rule (issue 22, sections 3 and 4).
--
-- A year's policy (policy) is the national one; unit_policy holds policies for a unit's subtree. An employee-year is
-- rated by the policy of the nearest ancestor-or-self of its unit that has one, else by the national one, else by the
-- defaults. minutes_per_jp is no longer a policy's own: it is the national reference value (TrainingCalendar) and is
-- only kept to show what a stored hours target was converted with.
ALTER TABLE policy
    -- The target as the policy stated it in hours (target_jp then holds it in JP, rounded up); null when stated in JP.
    ADD COLUMN target_hours           numeric,
    -- LINEAR, QUARTERLY or GRACE: how much of the target is expected by a day of the year.
    ADD COLUMN pacing                 text    NOT NULL DEFAULT 'LINEAR',
    -- QUARTERLY: the cumulative fractions of the target due by the end of each quarter, e.g. [0.1, 0.4, 0.7, 1].
    ADD COLUMN quarter_fractions      jsonb,
    -- GRACE: the first month in which an employee may be AT_RISK.
    ADD COLUMN at_risk_from_month     integer,
    -- PRORATE (leavers rated on a pro-rated target) or EXCLUDE (leavers not rated, not in the headcount).
    ADD COLUMN leavers                text    NOT NULL DEFAULT 'PRORATE',
    -- {"PPPK": 24}: ceilings of JP per contract year by employment type (PP 49/2018 Pasal 39).
    ADD COLUMN cap_by_employment_type jsonb   NOT NULL DEFAULT '{}';

-- The policies of unit subtrees: the same columns as the national policy, per year and unit.
CREATE TABLE unit_policy (LIKE policy INCLUDING DEFAULTS);
ALTER TABLE unit_policy ADD COLUMN unit_code text NOT NULL, ADD PRIMARY KEY (year, unit_code);

-- A rating is now given every policy of its year (as JSON, keyed by unit code, '' for the national one) and which
-- policy governs each unit (from the unit tree): freshness compares both, so a change to any policy of the year, or a
-- unit moved under another policy, makes the year's figures stale (answered live) until the refresher re-rates it.
-- The old ratings cannot be compared any more: they are dropped, and the refresher rates each year again.
DELETE FROM unit_year_figures;
DELETE FROM unit_year_rating;
ALTER TABLE unit_year_rating
    DROP COLUMN target_jp,
    DROP COLUMN by_position_level,
    DROP COLUMN by_employment_type,
    DROP COLUMN prorate,
    ADD COLUMN policies  text NOT NULL,
    ADD COLUMN governing text NOT NULL;
