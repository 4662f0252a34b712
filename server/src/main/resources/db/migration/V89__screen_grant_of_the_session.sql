-- What the customer allowed the technician on the phone's screen right now (issue 16): kept with
-- the session so that a node taking the session over (its owner died or stopped) or a restarted
-- server knows the screen is shared and control granted, and does not ask the phone to give them up.
ALTER TABLE support_sessions ADD COLUMN screen_shared BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE support_sessions ADD COLUMN screen_control BOOLEAN DEFAULT FALSE NOT NULL;
