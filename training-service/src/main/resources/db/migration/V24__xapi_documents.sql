-- The xAPI document resources (State, Activity Profile, Agent Profile): documents a learning platform keeps in the
-- LRS under its own keys. One table for the three kinds: they differ only in which parts of the key they use, and a
-- part a kind does not use is '' (not NULL), so that one plain unique constraint holds every key.
CREATE TABLE xapi_document (
    id            bigserial    PRIMARY KEY,
    -- the owner, as xapi_statement.system: basic:<name> or bearer:<subject>; a system sees only its own documents
    system        varchar(256) NOT NULL,
    -- STATE, ACTIVITY_PROFILE or AGENT_PROFILE
    kind          varchar(16)  NOT NULL,
    -- the activity IRI (State, Activity Profile), else ''
    activity_id   text         NOT NULL,
    -- the agent's inverse functional identifier as Agents.key gives it (State, Agent Profile), else ''
    agent         text         NOT NULL,
    -- the registration UUID of a State, else ''
    registration  varchar(36)  NOT NULL,
    -- stateId or profileId
    document_id   varchar(255) NOT NULL,
    content_type  varchar(255) NOT NULL,
    content       bytea        NOT NULL,
    -- quoted hex SHA-256 of the content, as sent in ETag
    etag          varchar(80)  NOT NULL,
    updated       timestamptz  NOT NULL,
    CONSTRAINT xapi_document_key UNIQUE (system, kind, activity_id, agent, registration, document_id)
);

-- The id lists and their since filter, and the count a new document is held to, read by the key's leading parts.
CREATE INDEX xapi_document_scope ON xapi_document (system, kind, activity_id, agent, updated);
