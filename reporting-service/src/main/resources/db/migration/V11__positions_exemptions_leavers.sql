-- Who counts in a year, and for how much (issue 22): effective-dated employment type and position level, exemption
-- periods and leaving reasons.
--
-- employee keeps the position history and the exemption periods as the JSON its newest event states them (replaced
-- whole on each employee event, read only to derive the yearly rows and to show the employee), and the leaving reason.
ALTER TABLE employee
    ADD COLUMN position_history text,
    ADD COLUMN exemptions       text,
    ADD COLUMN leaving_reason   text;

-- employment_type and position_level of a year are now those in force on the employee's last day in service in it.
-- exempt_days: the days of the window covered by exemption periods (their union); exempt_from/exempt_until: those
-- exempt stretches, disjoint and in date order, so that the rating counts the exempt days elapsed by any day.
-- leaving_reason: set on the year the employee left in (the year of employed_until) only.
ALTER TABLE employee_year
    ADD COLUMN exempt_days    integer NOT NULL DEFAULT 0,
    ADD COLUMN exempt_from    date[],
    ADD COLUMN exempt_until   date[],
    ADD COLUMN leaving_reason text;

-- Departures recorded before reasons existed count as LAINNYA (other).
UPDATE employee_year y SET leaving_reason = 'LAINNYA'
FROM employee e
WHERE e.nip = y.nip AND e.employed_until IS NOT NULL AND y.year = extract(year FROM e.employed_until)
  AND y.window_from IS NOT NULL;

-- The unit figures gain the exempt count, headcount and compliant by employment type, and leavers by reason (see
-- Tallies). Forgetting the ratings makes queries rate live until the refresher has re-rated every year with them.
ALTER TABLE unit_year_figures
    ADD COLUMN exempt                                   bigint NOT NULL DEFAULT 0,
    ADD COLUMN pns_headcount                            bigint NOT NULL DEFAULT 0,
    ADD COLUMN pns_compliant                            bigint NOT NULL DEFAULT 0,
    ADD COLUMN pppk_headcount                           bigint NOT NULL DEFAULT 0,
    ADD COLUMN pppk_compliant                           bigint NOT NULL DEFAULT 0,
    ADD COLUMN pppk_paruh_waktu_headcount               bigint NOT NULL DEFAULT 0,
    ADD COLUMN pppk_paruh_waktu_compliant               bigint NOT NULL DEFAULT 0,
    ADD COLUMN leavers_pensiun                          bigint NOT NULL DEFAULT 0,
    ADD COLUMN leavers_meninggal                        bigint NOT NULL DEFAULT 0,
    ADD COLUMN leavers_mutasi_keluar                    bigint NOT NULL DEFAULT 0,
    ADD COLUMN leavers_diberhentikan                    bigint NOT NULL DEFAULT 0,
    ADD COLUMN leavers_berhenti_atas_permintaan_sendiri bigint NOT NULL DEFAULT 0,
    ADD COLUMN leavers_kontrak_berakhir                 bigint NOT NULL DEFAULT 0,
    ADD COLUMN leavers_lainnya                          bigint NOT NULL DEFAULT 0;
DELETE FROM unit_year_rating;
DELETE FROM unit_year_figures;
