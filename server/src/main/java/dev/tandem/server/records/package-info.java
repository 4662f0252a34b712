/**
 * What stays of a session once it is written down, shared by the live sessions and the history:
 * who may see a session ({@link dev.tandem.server.records.SessionAccess}), its stored log files
 * ({@link dev.tandem.server.records.LogFiles}) and the email that sends them
 * ({@link dev.tandem.server.records.LogMail}), and the system lines of its transcript
 * ({@link dev.tandem.server.records.SystemNotices}, stored as phrases), and the technicians' private
 * notes ({@link dev.tandem.server.records.SessionNotes}, never part of the transcript). Below {@code live}: it never
 * sees a socket or a session in progress ({@link dev.tandem.server.records.TranscriptNote} is how it
 * adds a line to one).
 */
package dev.tandem.server.records;
