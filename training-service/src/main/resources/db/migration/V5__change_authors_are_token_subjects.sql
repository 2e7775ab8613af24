-- Who changed a completion and who stored a rule table are now the subjects of the callers' tokens, whose length the
-- identity provider decides (the audit log keeps them as text too). Widening to text rewrites no rows.
ALTER TABLE completion_history ALTER COLUMN changed_by TYPE text;
ALTER TABLE recognition_rule_set ALTER COLUMN created_by TYPE text;
