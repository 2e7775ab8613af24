-- Precomputed unit figures, so that a unit's compliance sums a few thousand unit rows instead of rating every employee
-- of its subtree (a national root has millions). They are derived, never a source: ComplianceRepository rates them with
-- the same SQL expression as the live answer, and answers from them only while they are fresh (see below).
--
-- unit_year_rating holds, per training year, the day and the policy terms the year's unit_year_figures rows were rated
-- with. The rows are fresh for a query when that day is today (clamped to the year: a year over, or not begun, rates the
-- same whatever the day) and the terms are the year's policy now; otherwise queries rate the employee rows live.
-- Only a full refresh of the year (under the projection lock, alone) writes this row. Both tables start empty: queries
-- rate live until the refresher has rated each year (within half a minute of start). Instances of an older version
-- must not consume once a new one has rated a year: their batches would not move the figures.
CREATE TABLE unit_year_rating (
    year               integer     PRIMARY KEY,
    rated_on           date        NOT NULL,
    -- The policy's version when rated (0: the defaults), for people; freshness compares the terms themselves.
    policy_version     bigint      NOT NULL,
    target_jp          numeric     NOT NULL,
    -- The targets by level and by type as the JSON text the rating was given.
    by_position_level  text        NOT NULL,
    by_employment_type text        NOT NULL,
    prorate            boolean     NOT NULL,
    days_in_year       integer     NOT NULL,
    refreshed_at       timestamptz NOT NULL
);

-- The figures of the employees counting in one unit itself (not its subtree) in a year, as rated by the year's
-- unit_year_rating row. unit_code is null for rated employees of no known unit (they count in the organisation's total).
-- Rows are split by the scale of the employees' total JP so that sums keep the scale the live sum has (the largest
-- scale among the employees counted): a row only ever adds or removes totals of its own scale. Each consumer batch
-- moves the figures of the employees it changed (old unit out, new unit in) in its own transaction; a row whose
-- headcount falls to 0 stays until the next refresh, and queries skip it.
CREATE TABLE unit_year_figures (
    year      integer NOT NULL,
    unit_code text,
    jp_scale  integer NOT NULL,
    headcount bigint  NOT NULL,
    compliant bigint  NOT NULL,
    on_track  bigint  NOT NULL,
    at_risk   bigint  NOT NULL,
    not_met   bigint  NOT NULL,
    total_jp  numeric NOT NULL,
    CONSTRAINT unit_year_figures_key UNIQUE NULLS NOT DISTINCT (year, unit_code, jp_scale)
);
