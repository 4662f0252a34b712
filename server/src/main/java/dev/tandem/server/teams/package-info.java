/**
 * Issue 18.2, transfer and collaborate (docs/transfer.md): {@link dev.tandem.server.teams.Transfers}
 * hands a session to another technician or invites a helper (naming them, refusing who cannot take
 * part, keeping a transfer's note as a private session note) over {@code live.SessionTeams}, which
 * changes the live session on its loop; {@link dev.tandem.server.teams.Availability} keeps each
 * technician's availability and decides who is offered a waiting request first. Built on sessions
 * (layer 8, beside {@code requests}).
 */
package dev.tandem.server.teams;
