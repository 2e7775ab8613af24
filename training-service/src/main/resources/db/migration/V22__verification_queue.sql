-- The verifier's queue (issue 25): active completions waiting for a decision or flagged as a possible duplicate (a
-- verified one too: the flag still needs a verifier), oldest first. The predicate is written as the queue's query
-- writes it, so the planner can use this index for both its order and its filter.
CREATE INDEX completion_queue ON completion (recorded_at, id)
    WHERE status = 'ACTIVE' AND (verification = 'SUBMITTED' OR 'POSSIBLE_DUPLICATE' = ANY (flags));
