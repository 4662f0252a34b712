/** The append-only audit log: who did what, when, in which session. */
package dev.tandem.server.audit;
