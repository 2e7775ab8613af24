-- Possible duplicates (issue 25): two active completions of one employee that look like one training reported twice.
-- A pair is stored once, the smaller id first, with the DuplicateRule names that matched. OPEN flags both completions
-- POSSIBLE_DUPLICATE until a verifier decides: NOT_DUPLICATE (never raised again for the pair) or DUPLICATE (one
-- voided with duplicate_of pointing at the other). An OPEN pair that no longer matches, or one of whose completions is
-- voided, is deleted: it was only a guess.
CREATE TABLE completion_duplicate (
    completion_id uuid NOT NULL REFERENCES completion (id),
    other_id uuid NOT NULL REFERENCES completion (id),
    rules varchar(40)[] NOT NULL,
    state varchar(16) NOT NULL CHECK (state IN ('OPEN', 'NOT_DUPLICATE', 'DUPLICATE')),
    found_at timestamptz NOT NULL,
    decided_by varchar(200),
    decided_at timestamptz,
    PRIMARY KEY (completion_id, other_id),
    CHECK (completion_id < other_id)
);
CREATE INDEX completion_duplicate_other ON completion_duplicate (other_id);

-- The candidates of a new version: the employee's active completions (compared in the service).
CREATE INDEX completion_active_nip ON completion (nip, start_date) WHERE status = 'ACTIVE';
