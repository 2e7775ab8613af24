-- Source systems the organisation trusts per unit subtree (issue 25): a completion recorded from a trusted source for
-- an employee of the unit or a unit below it is AUTO_VERIFIED instead of SUBMITTED. Changed by an admin, audited;
-- a change applies to completions recorded afterwards only.
CREATE TABLE trusted_source (
    unit_code     varchar(64)  NOT NULL REFERENCES unit (code),
    source_system varchar(64)  NOT NULL,
    created_by    varchar(200) NOT NULL,
    created_at    timestamptz  NOT NULL,
    PRIMARY KEY (unit_code, source_system)
);

-- Recording asks "which units trust this source?".
CREATE INDEX trusted_source_by_system ON trusted_source (source_system);
