-- training-service as an xAPI Learning Record Store: every statement accepted at /xapi/statements is kept as it is
-- returned (what the client sent plus what the store sets: stored, authority, version), with the columns the
-- Statement Resource filters on and what the statement meant for the completions.
CREATE TABLE xapi_statement (
    id                 uuid          PRIMARY KEY,
    -- storing order: lists are sorted by (stored, seq), and their "more" links continue after one such pair
    seq                bigserial     NOT NULL,
    stored             timestamptz   NOT NULL,
    body               jsonb         NOT NULL,
    -- the integrating system that sent it (a Basic credential's name, or a bearer token's subject)
    system             varchar(200)  NOT NULL,
    -- The filter columns. A statement referring to another (a StatementRef object, e.g. a voiding statement) also
    -- carries its target's values, so that a filter matching the target finds the statements about it too.
    -- verb IRIs: the verb filter
    verbs              text[]        NOT NULL,
    -- registration UUIDs: the registration filter
    registrations      text[]        NOT NULL,
    -- identifiers ("mbox:…", "account:homePage|name", …) of the actor and an agent or group object: the agent filter
    agents             text[]        NOT NULL,
    -- every agent the statement names (authority, instructor, team, members, sub-statement): related_agents=true
    related_agents     text[]        NOT NULL,
    -- the object activity's id: the activity filter
    activities         text[]        NOT NULL,
    -- every activity the statement names (context activities, sub-statement): related_activities=true
    related_activities text[]        NOT NULL,
    -- for a voiding statement, the statement it voids (which may arrive later)
    voids              uuid,
    -- set once a voiding statement for this one is stored; a voided statement leaves the lists
    voided_by          uuid,
    -- RECORDED: became (or repeated) completion_id; UNMAPPED: a completion verb that could not become one (reason);
    -- NOT_COMPLETION: another verb; VOIDING: voids another statement (reason: why its completion stayed, if it did)
    outcome            varchar(14)   NOT NULL
                       CHECK (outcome IN ('RECORDED', 'UNMAPPED', 'NOT_COMPLETION', 'VOIDING')),
    -- deferred: the completion is written in the same transaction, and the ORM may order the inserts either way
    completion_id      uuid          REFERENCES completion (id) DEFERRABLE INITIALLY DEFERRED,
    reason             varchar(2000),
    CHECK ((outcome = 'RECORDED') = (completion_id IS NOT NULL)),
    CHECK ((outcome = 'VOIDING') = (voids IS NOT NULL))
);
CREATE UNIQUE INDEX xapi_statement_seq ON xapi_statement (seq);
CREATE INDEX xapi_statement_stored ON xapi_statement (stored, seq);
CREATE INDEX xapi_statement_system ON xapi_statement (system, stored, seq);
CREATE INDEX xapi_statement_voids ON xapi_statement (voids) WHERE voids IS NOT NULL;
CREATE INDEX xapi_statement_unmapped ON xapi_statement (seq) WHERE outcome = 'UNMAPPED';
CREATE INDEX xapi_statement_verbs ON xapi_statement USING gin (verbs);
CREATE INDEX xapi_statement_registrations ON xapi_statement USING gin (registrations);
CREATE INDEX xapi_statement_agents ON xapi_statement USING gin (agents);
CREATE INDEX xapi_statement_related_agents ON xapi_statement USING gin (related_agents);
CREATE INDEX xapi_statement_activities ON xapi_statement USING gin (activities);
CREATE INDEX xapi_statement_related_activities ON xapi_statement USING gin (related_activities);

-- Attachment content sent as parts of multipart/mixed statement requests, by its SHA-2 (as the statements name it), so
-- one file attached to many statements is kept once.
CREATE TABLE xapi_attachment (
    sha2         varchar(128)  PRIMARY KEY,
    content_type varchar(255)  NOT NULL,
    content      bytea         NOT NULL,
    stored       timestamptz   NOT NULL
);
