/**
 * Session recording (issue 18.6, docs/recording.md): where a portal records its sessions, the RFB
 * bytes the server relays from the phone to each viewer and the input it passes back are kept with
 * their times, without re-encoding, as chunks in the database ({@code store.RecordingStore}) so that
 * any node plays back what another recorded. {@link SessionRecording} is the writer the relay hands
 * its frames to (bounded, off the relay's thread; when it falls behind it stops recording, never the
 * screen); {@link Recordings} starts recordings within the storage limit and exports them in the
 * documented format ({@link RecordingFile}).
 */
package dev.tandem.server.recordings;
