-- Verification of reported training (issue 25): whether a completion's claim was checked, by whom, and why a refusal.
-- verification: SUBMITTED, VERIFIED, REJECTED, AUTO_VERIFIED (org.jpledger.contracts.reference.VerificationState).
-- Completions recorded before verification existed were never checked: SUBMITTED. The default counting policy (ALL)
-- still counts them, so no figure moves.
ALTER TABLE completion ADD COLUMN verification varchar(16) NOT NULL DEFAULT 'SUBMITTED';
-- The token subject (or source system) that recorded version 1: a verifier may not verify its own report.
ALTER TABLE completion ADD COLUMN recorded_by varchar(200);
-- Who decided the current verification state and when; null while SUBMITTED or AUTO_VERIFIED.
ALTER TABLE completion ADD COLUMN verified_by varchar(200);
ALTER TABLE completion ADD COLUMN verified_at timestamptz;
-- A refusal's code (org.jpledger.contracts.reference.RejectionReason) and the verifier's text; null unless REJECTED.
ALTER TABLE completion ADD COLUMN rejection_code varchar(32);
ALTER TABLE completion ADD COLUMN rejection_note varchar(2000);
-- The completion this one was voided as a duplicate of; null otherwise.
ALTER TABLE completion ADD COLUMN duplicate_of uuid REFERENCES completion (id);

UPDATE completion c SET recorded_by = h.changed_by
  FROM completion_history h
 WHERE h.completion_id = c.id AND h.version = 1;
UPDATE completion SET recorded_by = source_system WHERE recorded_by IS NULL;
ALTER TABLE completion ALTER COLUMN recorded_by SET NOT NULL;

-- A version that changed only the verification state or the flags (verified, rejected, flagged, a flag cleared).
ALTER TABLE completion_history DROP CONSTRAINT completion_history_change_check;
ALTER TABLE completion_history ADD CONSTRAINT completion_history_change_check
    CHECK (change IN ('RECORDED', 'AMENDED', 'VOIDED', 'REVIEWED'));

-- The verifier's queue: active completions waiting for a decision, oldest first.
CREATE INDEX completion_waiting ON completion (recorded_at, id)
    WHERE status = 'ACTIVE' AND verification = 'SUBMITTED';
