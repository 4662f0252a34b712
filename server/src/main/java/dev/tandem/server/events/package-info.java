/**
 * The bottom of the server's live side: {@link dev.tandem.server.events.Events} (what happened, for
 * whom, as plain {@link dev.tandem.server.events.Event} values) and
 * {@link dev.tandem.server.events.Outlet} (the core's view of one client connection). Nothing here
 * knows Jetty, sessions or the store; every package above may publish. A new console event is a
 * helper on {@code Events}; a second implementation (events across nodes) plugs in beside
 * {@link dev.tandem.server.events.LocalEvents}.
 */
package dev.tandem.server.events;
