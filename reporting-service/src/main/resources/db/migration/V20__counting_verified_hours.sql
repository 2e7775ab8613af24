-- Counting verified hours (issue 25, counting part).
--
-- completion_fact keeps each completion's verification state (events written before verification carry none: read
-- as SUBMITTED), its flags (POSSIBLE_DUPLICATE, IMPLAUSIBLE_JP_PER_DAY) and the completion it was voided as a duplicate
-- of.
ALTER TABLE completion_fact
    ADD COLUMN verification text   NOT NULL DEFAULT 'SUBMITTED',
    ADD COLUMN flags        text[],
    ADD COLUMN duplicate_of uuid;

-- employee_year: total_jp (and the breakdowns, the count and contract_year_jp) now leave out rejected completions,
-- which never count; none is rejected yet, so no row changes. Beside them, the JP of the VERIFIED and of the
-- AUTO_VERIFIED completions, in the year and in the contract year ending in it, so the rating can count by the year's
-- counting policy without reading the completions; and the JP flagged POSSIBLE_DUPLICATE. Existing rows hold only
-- SUBMITTED completions: zero.
ALTER TABLE employee_year
    ADD COLUMN verified_jp                numeric NOT NULL DEFAULT 0,
    ADD COLUMN trusted_jp                 numeric NOT NULL DEFAULT 0,
    ADD COLUMN flagged_jp                 numeric NOT NULL DEFAULT 0,
    ADD COLUMN contract_year_verified_jp  numeric,
    ADD COLUMN contract_year_trusted_jp   numeric;
UPDATE employee_year SET contract_year_verified_jp = 0, contract_year_trusted_jp = 0 WHERE contract_year_jp IS NOT NULL;

-- The year's counting policy, national and per unit subtree: ALL (every active completion not rejected, the
-- behaviour so far), VERIFIED_ONLY or VERIFIED_OR_TRUSTED.
ALTER TABLE policy ADD COLUMN counting text NOT NULL DEFAULT 'ALL';
ALTER TABLE unit_policy ADD COLUMN counting text NOT NULL DEFAULT 'ALL';

-- The unit figures gain the JP pending verification and the JP flagged as possible duplicates (numeric; summed like
-- total_jp). Forgetting the ratings makes queries rate live until the refresher has re-rated every year with them.
ALTER TABLE unit_year_figures
    ADD COLUMN pending_jp numeric NOT NULL DEFAULT 0,
    ADD COLUMN flagged_jp numeric NOT NULL DEFAULT 0;
DELETE FROM unit_year_rating;
DELETE FROM unit_year_figures;

-- A closing's compliance file gains the pending and flagged JP columns (ExportKind#columns): closings made from now on
-- are of the third generation; those made before keep theirs, so writing their files again gives the same bytes.
ALTER TABLE year_closing ALTER COLUMN export_columns SET DEFAULT 3;
