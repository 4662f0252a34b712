/**
 * Server settings an administrator changes at run time (public URL, SMTP, retention), stored in
 * the database and falling back to the command line; and the retention sweep that applies them.
 * Depends on the store and the audit log, never on HTTP.
 */
package dev.tandem.server.settings;
