/**
 * Secrets at rest: {@link dev.tandem.server.secrets.SecretBox} seals a secret the server must be
 * able to read back (the SMTP password, an identity provider's client secret, TOTP seeds) with a key
 * that never enters the database. Depends on nothing of the server but {@code store.PrivateFiles}.
 */
package dev.tandem.server.secrets;
