-- A statement's sender (xapi_statement.system) now lives in one of two namespaces, so that a bearer token whose subject
-- equals an integrating system's name can neither read nor void that system's statements:
--   basic:<name>      a system signed in with its HTTP Basic credential (jpledger.xapi.clients.<name>)
--   bearer:<subject>  a caller with a bearer token, by the token's subject
-- Rows stored before held the bare name, and nothing in a row tells which kind of caller sent it. Learning platforms
-- send with Basic credentials (bearer senders were tests and tools), so every earlier row goes to the Basic
-- namespace: a Basic system keeps reading and voiding all it sent. A token that sent statements before this change no
-- longer reaches them (its new statements are bearer:<subject>; an admin still reads all), and a Basic system named as
-- such a token's subject would reach them, which is the lesser harm than leaving a platform's statements to tokens.
-- Completions are untouched: a Basic system's completions keep its bare name as sourceSystem (as new ones get), and a
-- token caller's new ones get bearer:<subject>, which no Basic name (never holding ':') can equal.
ALTER TABLE xapi_statement ALTER COLUMN system TYPE varchar(256);
UPDATE xapi_statement SET system = 'basic:' || system;
COMMENT ON COLUMN xapi_statement.system IS 'the sender: basic:<Basic credential name> or bearer:<token subject>';
