-- Technician identity (issue 14): second factors, passkeys, single sign-on, named API tokens.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- email: matched against a verified email from single sign-on. sso_subject: "<issuer> <sub>" of
-- the identity-provider account the user signed in with (unique; many users have none).
-- passkey_handle: the random WebAuthn user handle, made when the first passkey is enrolled.
ALTER TABLE users ADD COLUMN email VARCHAR(320);
ALTER TABLE users ADD COLUMN sso_subject VARCHAR(600);
ALTER TABLE users ADD COLUMN passkey_handle VARCHAR(64);
CREATE UNIQUE INDEX users_sso_subject ON users (sso_subject);
CREATE UNIQUE INDEX users_passkey_handle ON users (passkey_handle);
CREATE INDEX users_email ON users (email);

-- Every console sign-in and API token gets a public id (to list and revoke it without its secret),
-- a name, a scope ('full' or 'read'), when and from where it was made and last used, when its
-- holder last proved who they are (re-authentication), and whether it may only enrol a second factor.
ALTER TABLE auth_tokens ADD COLUMN id VARCHAR(40);
UPDATE auth_tokens SET id = 't_' || SUBSTRING(token_hash, 1, 16);
ALTER TABLE auth_tokens ALTER COLUMN id SET NOT NULL;
CREATE UNIQUE INDEX auth_tokens_id ON auth_tokens (id);
ALTER TABLE auth_tokens ADD COLUMN name VARCHAR(120);
ALTER TABLE auth_tokens ADD COLUMN scope VARCHAR(8) DEFAULT 'full' NOT NULL;
ALTER TABLE auth_tokens ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE auth_tokens ADD COLUMN address VARCHAR(64);
ALTER TABLE auth_tokens ADD COLUMN user_agent VARCHAR(200);
ALTER TABLE auth_tokens ADD COLUMN verified_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE auth_tokens ADD COLUMN enrolment_only BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE auth_tokens SET verified_at = created_at;

-- TOTP (RFC 6238). secret: base32, sealed with the server's secret box when one is configured.
-- last_step: the highest time step accepted, so a code is never accepted twice.
CREATE TABLE totp_secrets (
    user_id      BIGINT       PRIMARY KEY REFERENCES users (id),
    secret       VARCHAR(1000) NOT NULL,
    active       BOOLEAN      NOT NULL,
    last_step    BIGINT       DEFAULT 0 NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at TIMESTAMP WITH TIME ZONE
);

-- Single-use recovery codes, by their SHA-256 (each is 50 random bits).
CREATE TABLE recovery_codes (
    user_id   BIGINT      NOT NULL REFERENCES users (id),
    code_hash VARCHAR(64) NOT NULL,
    used_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (user_id, code_hash)
);

-- WebAuthn credentials. credential_data: the attested credential data (AAGUID, id, COSE key).
CREATE TABLE passkeys (
    id              VARCHAR(40)   PRIMARY KEY,
    user_id         BIGINT        NOT NULL REFERENCES users (id),
    credential_id   VARCHAR(1400) NOT NULL UNIQUE,
    credential_data BYTEA         NOT NULL,
    sign_count      BIGINT        NOT NULL,
    name            VARCHAR(120)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX passkeys_user ON passkeys (user_id);

-- Sign-in steps in flight (a passkey challenge, a single sign-on round trip): in the database so
-- that any node behind a load balancer can finish what another started. Used once, then deleted.
CREATE TABLE sign_in_flows (
    id         VARCHAR(64)   PRIMARY KEY,
    kind       VARCHAR(16)   NOT NULL,
    user_id    BIGINT,
    data       VARCHAR(4000) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
