/**
 * Who is asking: users and Argon2id password hashes with the password rules, console sign-ins
 * (cookie + CSRF token), named API tokens with scopes, the guard that slows and then refuses
 * repeated failed sign-ins, and the second factors and single sign-on of docs/identity.md: TOTP
 * with recovery codes, passkeys (WebAuthn), OpenID Connect, and the two-factor policy.
 */
package dev.tandem.server.auth;
