-- Which systems may use each kept attachment content: those whose own statements carried it. Content is kept once per
-- SHA-2, so before this table any system that knew a hash could name it without sending the content and read it back.
-- Now a system names kept content without sending it only if it holds it, and a statement is answered with content
-- (attachments=true) only if its sender holds it.
CREATE TABLE xapi_attachment_holder (
    sha2   varchar(128) NOT NULL REFERENCES xapi_attachment (sha2),
    -- the holder, as xapi_statement.system: basic:<name> or bearer:<subject>
    system varchar(256) NOT NULL,
    PRIMARY KEY (system, sha2)
);

-- Earlier statements that name kept content without a fileUrl had to bring it (or to name content already kept, which
-- was the gap this closes: such a system is taken to hold it, as nothing tells the two apart). Statements naming a
-- fileUrl needed no content, so they make no holder.
INSERT INTO xapi_attachment_holder (sha2, system)
SELECT DISTINCT lower(a ->> 'sha2'), s.system
FROM xapi_statement s
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(s.body -> 'attachments') = 'array'
                                             THEN s.body -> 'attachments' ELSE '[]'::jsonb END) a
WHERE a ->> 'fileUrl' IS NULL
  AND lower(a ->> 'sha2') IN (SELECT sha2 FROM xapi_attachment)
ON CONFLICT DO NOTHING;
