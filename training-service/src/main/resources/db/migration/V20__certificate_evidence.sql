-- Certificate evidence (issue 25 §2): certificate files attached to completions, each content kept once per SHA-256.
-- stored_in DATABASE keeps the bytes in content; DIRECTORY keeps them in the configured directory as a file named by
-- the hash (content is null). content_type is what the bytes are (sniffed), never what a client said.
CREATE TABLE evidence_blob (
    sha256       varchar(64)  PRIMARY KEY,
    content_type varchar(40)  NOT NULL,
    size_bytes   bigint       NOT NULL CHECK (size_bytes > 0),
    stored_in    varchar(16)  NOT NULL CHECK (stored_in IN ('DATABASE', 'DIRECTORY')),
    content      bytea,
    created_at   timestamptz  NOT NULL,
    CHECK ((stored_in = 'DATABASE') = (content IS NOT NULL))
);

-- Which completion a file is evidence of: beside the record, not a version of it.
CREATE TABLE completion_evidence (
    completion_id uuid         NOT NULL REFERENCES completion (id),
    sha256        varchar(64)  NOT NULL REFERENCES evidence_blob (sha256),
    file_name     varchar(255) NOT NULL,
    attached_by   varchar(200) NOT NULL,
    attached_at   timestamptz  NOT NULL,
    PRIMARY KEY (completion_id, sha256)
);
CREATE INDEX completion_evidence_sha256 ON completion_evidence (sha256);

-- What a kind's completions need before a verifier may verify them; a kind without a row needs nothing.
CREATE TABLE evidence_requirement (
    kind_id                     integer      PRIMARY KEY,
    certificate_number_required boolean      NOT NULL,
    file_required               boolean      NOT NULL,
    updated_by                  varchar(200) NOT NULL,
    updated_at                  timestamptz  NOT NULL
);
