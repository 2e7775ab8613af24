-- The audit log (access control): who did what to what, when, and how it ended. Append-only: the database itself
-- refuses to change or remove an entry, whatever the application does.
CREATE TABLE audit_entry (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    subject     text        NOT NULL,
    client      text,
    roles       text        NOT NULL,
    scope       text        NOT NULL,
    action      text        NOT NULL,
    target_unit text,
    target_nip  text,
    target_id   text,
    outcome     text        NOT NULL CHECK (outcome IN ('done', 'rejected', 'refused', 'failed')),
    status      integer     NOT NULL,
    details     jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_entry_at ON audit_entry (at);
CREATE INDEX audit_entry_subject ON audit_entry (subject, id);
CREATE INDEX audit_entry_target_unit ON audit_entry (target_unit, id) WHERE target_unit IS NOT NULL;
CREATE INDEX audit_entry_target_nip ON audit_entry (target_nip, id) WHERE target_nip IS NOT NULL;
CREATE INDEX audit_entry_target_id ON audit_entry (target_id, id) WHERE target_id IS NOT NULL;

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
