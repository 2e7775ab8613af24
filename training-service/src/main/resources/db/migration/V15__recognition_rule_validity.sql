-- Recognition rules by training date: each version of the rule table is in force from valid_from to valid_until
-- (both inclusive; valid_until null: open-ended), and a completion is recognised by the version in force on its end
-- date. The versions follow one another without gaps or overlaps: a new version ends its predecessor the day before.

ALTER TABLE recognition_rule_set
    ADD COLUMN valid_from  date,
    ADD COLUMN valid_until date;

-- Version 1 (the Perlan seed) is in force from the record's earliest date (1900-01-01). A later version stored before
-- validity existed applied to what was recorded from the day it was stored (WIB), so that is its start; versions of
-- one day each get the next day, so that every version keeps a period of its own.
DO $$
DECLARE
    r    record;
    prev date;
BEGIN
    FOR r IN SELECT version, created_at FROM recognition_rule_set ORDER BY version LOOP
        IF prev IS NULL THEN
            prev := DATE '1900-01-01';
        ELSE
            prev := greatest((r.created_at AT TIME ZONE 'Asia/Jakarta')::date, prev + 1);
        END IF;
        UPDATE recognition_rule_set SET valid_from = prev WHERE version = r.version;
    END LOOP;
END $$;
UPDATE recognition_rule_set s SET valid_until = n.valid_from - 1
FROM recognition_rule_set n WHERE n.version = s.version + 1;

ALTER TABLE recognition_rule_set
    ALTER COLUMN valid_from SET NOT NULL,
    ADD CONSTRAINT recognition_rule_set_validity CHECK (valid_until IS NULL OR valid_until >= valid_from),
    ADD CONSTRAINT recognition_rule_set_valid_from UNIQUE (valid_from);

-- Why each version of a completion has the recognised JP it has: RECORDED (computed when recorded), INPUT_CHANGED (an
-- amendment changed what recognition reads, so it was computed again), UNCHANGED (kept from the version before), and,
-- for amendments made before rule validity only, RULES_CHANGED (computed again under a newer table although no input
-- changed). Null in rows written by hand.
ALTER TABLE completion_history
    ADD COLUMN recognition varchar(16)
        CHECK (recognition IN ('RECORDED', 'INPUT_CHANGED', 'UNCHANGED', 'RULES_CHANGED'));

UPDATE completion_history h SET recognition = t.reason
FROM (SELECT completion_id, version, CASE
        WHEN change = 'RECORDED' THEN 'RECORDED'
        WHEN p IS NULL THEN NULL
        WHEN s ->> 'kindId' IS DISTINCT FROM p ->> 'kindId'
            OR (s ->> 'jp')::numeric IS DISTINCT FROM (p ->> 'jp')::numeric
            OR s ->> 'days' IS DISTINCT FROM p ->> 'days'
            OR s ->> 'international' IS DISTINCT FROM p ->> 'international'
            OR s ->> 'endDate' IS DISTINCT FROM p ->> 'endDate' THEN 'INPUT_CHANGED'
        WHEN s ->> 'ruleVersion' IS DISTINCT FROM p ->> 'ruleVersion'
            OR (s ->> 'recognizedJp')::numeric IS DISTINCT FROM (p ->> 'recognizedJp')::numeric THEN 'RULES_CHANGED'
        ELSE 'UNCHANGED' END AS reason
      FROM (SELECT completion_id, version, change, state::jsonb AS s,
                   lag(state::jsonb) OVER (PARTITION BY completion_id ORDER BY version) AS p
            FROM completion_history) v) t
WHERE h.completion_id = t.completion_id AND h.version = t.version;
