-- Completion events applied before their employee's event arrived. Their facts are stored already and count as soon as
-- the employee arrives, which removes the rows here. A row held longer than jpledger.consumer.held-timeout is moved to
-- parked_event: the employee never came, and a person has to look.
CREATE TABLE held_event (
    topic         text        NOT NULL,
    partition     integer     NOT NULL,
    record_offset bigint      NOT NULL,
    nip           text        NOT NULL,
    record_key    text,
    record_value  bytea,
    held_since    timestamptz NOT NULL,
    PRIMARY KEY (topic, partition, record_offset)
);
CREATE INDEX held_event_nip ON held_event (nip);
CREATE INDEX held_event_since ON held_event (held_since);
