-- Whether the session's phone is connected to its owner node right now (issue 16): written by the
-- owner when the phone connects or drops, with its epoch (a replaced owner's late word changes
-- nothing), so that a node without the phone answers the session's customerConnected truly. A server
-- running alone keeps this in memory and never writes it.
ALTER TABLE support_sessions ADD COLUMN phone_connected BOOLEAN DEFAULT FALSE NOT NULL;
