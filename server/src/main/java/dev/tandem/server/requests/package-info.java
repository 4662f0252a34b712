/**
 * Chat-only requests: a customer asks for a chat on a portal's page (or from the app), waits in
 * line with a live position, and a technician takes the request, which opens a chat-only session.
 * See docs/requests.md. The routes are {@code http.RequestRoutes}, the customer's socket
 * {@code ws.RequestEndpoint}; this package pushes to the waiting customers' outlets and publishes
 * to the consoles through {@code events.Events}.
 */
package dev.tandem.server.requests;
