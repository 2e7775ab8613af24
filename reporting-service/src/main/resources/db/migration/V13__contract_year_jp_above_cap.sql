-- JP above a PPPK's cap in the unit figures (issue 22, section 3).
--
-- contract_year_jp: the JP of the employee's active completions ending within the contract year that ends in the row's
-- year (see ContractYear: contract years run from employed_from, the TMT); null when none ends in it. Kept on the row
-- by the projector, so that the rating (live or precomputed) judges the cap without reading the previous calendar
-- year's completions.
ALTER TABLE employee_year ADD COLUMN contract_year_jp numeric;

-- Existing rows get the value ContractYear.endingIn gives: the k-th contract year ends the day before the k-th
-- anniversary, and the one ending in the year is the first whose end is on or after 1 January of it.
WITH contract AS (
    SELECT y.nip, y.year, (e.employed_from + make_interval(years => c.k - 1))::date AS from_day,
           (e.employed_from + make_interval(years => c.k))::date - 1 AS until_day
    FROM employee_year y
    JOIN employee e ON e.nip = y.nip
    CROSS JOIN LATERAL (
        SELECT CASE WHEN e.employed_from + make_interval(years => y.year - extract(year FROM e.employed_from)::integer)
                         <= make_date(y.year, 1, 1)
                    THEN y.year - extract(year FROM e.employed_from)::integer + 1
                    ELSE y.year - extract(year FROM e.employed_from)::integer END AS k) c
    WHERE e.employed_from IS NOT NULL AND c.k >= 1
)
UPDATE employee_year y SET contract_year_jp = (
    SELECT coalesce(sum(f.recognized_jp), 0) FROM completion_fact f
    WHERE f.nip = c.nip AND f.status = 'ACTIVE' AND f.end_date BETWEEN c.from_day AND c.until_day)
FROM contract c
WHERE y.nip = c.nip AND y.year = c.year;

-- The unit figures gain the employees above their cap and the leavers a policy excludes (tallies), and the sum of the
-- JP above caps (numeric; queries show it at its smallest scale, so rows of any scale sum alike). Forgetting the
-- ratings makes queries rate live until the refresher has re-rated every year with them.
ALTER TABLE unit_year_figures
    ADD COLUMN above_cap    bigint  NOT NULL DEFAULT 0,
    ADD COLUMN left_service bigint  NOT NULL DEFAULT 0,
    ADD COLUMN jp_above_cap numeric NOT NULL DEFAULT 0;
DELETE FROM unit_year_rating;
DELETE FROM unit_year_figures;
