-- The Activities Resource (GET /xapi/activities): each integrating system's canonical definition of each activity its
-- statements carry with a definition (as the object, a context activity or a sub-statement's object), updated in the
-- transaction that stores those statements: language maps merged (the newer statement's values win), every other field
-- the newer definition gives replacing the stored one. A system sees only the definitions its own statements gave.
CREATE TABLE xapi_activity (
    -- hex SHA-256 of the system and the activity id: an IRI may be longer than a b-tree key may be
    id            char(64)      PRIMARY KEY,
    -- the sender, as xapi_statement.system: basic:<credential name> or bearer:<token subject>
    system        varchar(256)  NOT NULL,
    activity_id   text          NOT NULL,
    -- the Activity Definition object; at most jpledger.xapi.definition-bytes by merging, or one statement's whole
    -- definition (within the JSON body cap) when a merge would pass that
    definition    jsonb         NOT NULL,
    -- the stored time of the statement that last changed it
    updated       timestamptz   NOT NULL
);
