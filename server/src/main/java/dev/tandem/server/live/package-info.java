/**
 * Sessions in progress, the session core: {@link dev.tandem.server.live.LiveSessions} (every
 * active session; each one's state changed only on its own {@link dev.tandem.server.live.SessionLoop}),
 * how sessions start and phones come back ({@link dev.tandem.server.live.Arrivals}), the transcript
 * that orders every entry ({@link dev.tandem.server.live.Transcript}), the customer's open questions
 * ({@link dev.tandem.server.live.Prompts}), and the features plugged in at start-up as
 * {@link dev.tandem.server.live.SessionFeature}s: {@link dev.tandem.server.live.ScreenSharing},
 * {@link dev.tandem.server.live.SessionDiagnostics}, {@link dev.tandem.server.live.AppInvites} and
 * {@link dev.tandem.server.live.SessionTeams} (issue 18.2: owner, helpers, control holder). Reaches clients only through
 * {@code events.Outlet} and {@code events.Events}; knows neither sockets (package {@code ws}) nor
 * mail (package {@code records}).
 */
package dev.tandem.server.live;
