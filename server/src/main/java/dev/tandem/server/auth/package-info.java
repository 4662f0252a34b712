/**
 * Who is asking: users and Argon2id password hashes, console sign-ins (cookie + CSRF token), API
 * bearer tokens, and the guard that slows and then refuses repeated failed sign-ins.
 */
package dev.tandem.server.auth;
