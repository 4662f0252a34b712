-- Issue 12: transcript lines and audit details are stored as a catalogue key with its parameters
-- (JSON) and worded in each reader's language; the text columns keep the English wording for
-- readers without the catalogue. Portals may follow the customer's language ('auto'); the default
-- portal, which a fresh install created as 'en', now follows it. The session remembers who ended it.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

ALTER TABLE messages ADD COLUMN event_key VARCHAR(100);
ALTER TABLE messages ADD COLUMN event_params VARCHAR(16000);

ALTER TABLE audit_log ADD COLUMN detail_key VARCHAR(100);
ALTER TABLE audit_log ADD COLUMN detail_params VARCHAR(8000);

ALTER TABLE portals ALTER COLUMN language SET DATA TYPE VARCHAR(8);
UPDATE portals SET language = 'auto' WHERE slug = 'default' AND language = 'en';

ALTER TABLE support_sessions ADD COLUMN ended_by_name VARCHAR(120);
