/**
 * Email: composing invitations (English or Spanish, from the portal's language), keeping every
 * message in the database, and delivering it over SMTP (Eclipse Angus Mail) with retries, or, when
 * no SMTP server is configured, writing it to the outbox directory under {@code --data}.
 */
package dev.tandem.server.mail;
