/**
 * Canned replies (issue 18): the texts technicians insert into the chat composer with a shortcut,
 * shared per portal (kept by administrators, as portals are) or personal (kept by each technician).
 * Uses the store, the audit log and the events below it; knows nothing of sessions, sockets or HTTP.
 */
package dev.tandem.server.replies;
