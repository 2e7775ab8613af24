-- Units, employees and completions: the record of truth. Every change also appends an outbox_event row in the same
-- transaction; the relay publishes those rows to Kafka in id order and stamps published_at after the broker's ack.

CREATE TABLE unit (
    code        varchar(64)  PRIMARY KEY,
    name        varchar(200) NOT NULL,
    parent_code varchar(64)  REFERENCES unit (code),
    version     bigint       NOT NULL,
    updated_at  timestamptz  NOT NULL,
    CONSTRAINT unit_not_own_parent CHECK (parent_code IS NULL OR parent_code <> code)
);
CREATE INDEX unit_parent ON unit (parent_code);

CREATE TABLE employee (
    nip             varchar(18)  PRIMARY KEY CHECK (nip ~ '^[0-9]{18}$'),
    name            varchar(200) NOT NULL,
    employment_type varchar(8)   NOT NULL,
    position_level  varchar(20)  NOT NULL,
    unit_code       varchar(64)  NOT NULL REFERENCES unit (code),
    employed_from   date         NOT NULL,
    employed_until  date,
    version         bigint       NOT NULL,
    updated_at      timestamptz  NOT NULL,
    CONSTRAINT employee_period CHECK (employed_until IS NULL OR employed_until >= employed_from)
);
CREATE INDEX employee_unit ON employee (unit_code);

CREATE TABLE completion (
    id                 uuid         PRIMARY KEY,
    version            bigint       NOT NULL,
    nip                varchar(18)  NOT NULL REFERENCES employee (nip),
    title              varchar(300) NOT NULL,
    kind_id            smallint     NOT NULL CHECK (kind_id BETWEEN 1 AND 25),
    method             varchar(12)  NOT NULL,
    competency_type    varchar(20)  NOT NULL,
    delivery_mode      varchar(8)   NOT NULL,
    provider           varchar(200) NOT NULL,
    start_date         date         NOT NULL,
    end_date           date         NOT NULL,
    training_year      integer      NOT NULL,
    jp                 numeric(7, 2),
    days               integer,
    international      boolean      NOT NULL,
    recognized_jp      numeric(7, 2) NOT NULL,
    certificate_number varchar(100),
    source_system      varchar(64)  NOT NULL,
    external_id        varchar(128) NOT NULL,
    recorded_at        timestamptz  NOT NULL,
    CONSTRAINT completion_dates CHECK (end_date >= start_date),
    -- the idempotency key of an integrating system: a retried POST finds the first one
    CONSTRAINT completion_external_id UNIQUE (source_system, external_id)
);
CREATE INDEX completion_nip_year ON completion (nip, training_year);

CREATE TABLE outbox_event (
    id           bigserial    PRIMARY KEY,
    event_id     uuid         NOT NULL UNIQUE,
    topic        varchar(100) NOT NULL,
    message_key  varchar(100) NOT NULL,
    event_type   varchar(100) NOT NULL,
    payload      text         NOT NULL,
    created_at   timestamptz  NOT NULL,
    published_at timestamptz
);
CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;
