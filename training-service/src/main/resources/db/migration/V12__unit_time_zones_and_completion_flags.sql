-- A unit may name its own time zone (Indonesia's three: WIB, WITA, WIT); null takes the parent's, and a root without
-- one is in Asia/Jakarta. "Today" for an employee's records is the date in their unit's zone.
ALTER TABLE unit ADD COLUMN time_zone varchar(32)
    CONSTRAINT unit_time_zone_known CHECK (time_zone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'));

-- What is implausible about a completion (it still counts): CompletionFlag names. Rows written before flags existed
-- have none; a later version of such a row gets its flags computed like any other.
ALTER TABLE completion ADD COLUMN flags text[] NOT NULL DEFAULT '{}';
-- The listing's flag filter (flags @> ARRAY[...]) reads flagged rows only: few among many.
CREATE INDEX completion_flags ON completion USING gin (flags) WHERE flags <> '{}';
