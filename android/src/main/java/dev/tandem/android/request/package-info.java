/**
 * "Ask for help" without a code: the customer side of a portal's chat-only requests, spoken exactly
 * as docs/requests.md describes it for the portal page (the same REST calls, the same live socket, the
 * same limits and error codes). Plain Java over HttpURLConnection, Jackson and the agent's WebSocket
 * transport, so it runs on the JVM in tests; the screen is {@code ui.RequestActivity}.
 */
package dev.tandem.android.request;
