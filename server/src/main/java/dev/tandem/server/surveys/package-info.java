/**
 * The satisfaction survey after a session: where the portal enables it, the session's end hands the
 * customer a one-time token, with which their phone, browser chat or {@code tandem device} answers
 * 1 to 5 and an optional comment; the answers show in the session's history, its CSV, and a
 * per-technician and per-portal summary in the Management Center.
 */
package dev.tandem.server.surveys;
