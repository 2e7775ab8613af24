-- completion_queue (V22) serves the verifier's queue, which also lists flagged completions; V18's completion_waiting
-- covered only SUBMITTED ones, is read by no query, and would only cost every completion write an index entry.
DROP INDEX IF EXISTS completion_waiting;
