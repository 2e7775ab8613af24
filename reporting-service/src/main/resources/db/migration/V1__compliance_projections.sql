-- Read models built from the ledger's events, and the consumer's position in the topics.
-- Each projected row keeps the aggregate version of the last event applied to it, so duplicates and stale events
-- change nothing. There are no foreign keys on purpose: events of different topics (and of one employee's completions
-- and the employee itself) may arrive in any order, and a row must be storable before the row it points to.
-- Only the columns the consumer checks before writing are NOT NULL: a constraint the parser does not check would turn a
-- bad event into a transaction that fails forever and stops the stream.

CREATE TABLE unit (
    code        text   PRIMARY KEY,
    name        text   NOT NULL,
    parent_code text,
    version     bigint NOT NULL
);
CREATE INDEX unit_parent ON unit (parent_code);

CREATE TABLE employee (
    nip             text   PRIMARY KEY,
    name            text   NOT NULL,
    employment_type text,
    position_level  text,
    unit_code       text,
    employed_from   date,
    employed_until  date,
    version         bigint NOT NULL
);
CREATE INDEX employee_unit ON employee (unit_code);

CREATE TABLE completion_fact (
    completion_id      uuid    PRIMARY KEY,
    version            bigint  NOT NULL,
    nip                text    NOT NULL,
    year               integer NOT NULL,
    recognized_jp      numeric NOT NULL,
    kind_id            integer NOT NULL,
    method             text,
    competency_type    text,
    delivery_mode      text,
    title              text,
    provider           text,
    start_date         date,
    end_date           date,
    international      boolean NOT NULL,
    source_system      text,
    external_id        text
);
CREATE INDEX completion_fact_nip_year ON completion_fact (nip, year);

-- Derived from completion_fact: recomputed for a (nip, year) whenever one of its facts changes.
CREATE TABLE employee_year_total (
    nip                  text    NOT NULL,
    year                 integer NOT NULL,
    total_jp             numeric NOT NULL,
    completion_count     integer NOT NULL,
    last_completion_date date,
    PRIMARY KEY (nip, year)
);

-- The next offset to read per partition, written in the same transaction as the effects of the records before it.
CREATE TABLE consumer_offset (
    topic       text        NOT NULL,
    partition   integer     NOT NULL,
    next_offset bigint      NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- Records the consumer could not read (not JSON, unknown type, missing fields), kept byte for byte for a person to judge.
CREATE TABLE parked_event (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic         text        NOT NULL,
    partition     integer     NOT NULL,
    record_offset bigint      NOT NULL,
    record_key    text,
    record_value  bytea,
    reason        text        NOT NULL,
    parked_at     timestamptz NOT NULL,
    CONSTRAINT parked_event_record UNIQUE (topic, partition, record_offset)
);
