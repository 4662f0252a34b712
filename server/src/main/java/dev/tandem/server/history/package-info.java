/**
 * Session history for the Management Center: filtered lists, the CSV export, and one session's
 * whole record (transcript, permission events read from the audit log, reports, log files).
 * Reads the store and the audit log; never changes a session.
 */
package dev.tandem.server.history;
