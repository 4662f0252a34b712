/**
 * Chat-only requests: a customer asks for a chat on a portal's page (or from the app), waits in
 * line with a live position, and a technician takes the request, which opens a chat-only session.
 * See docs/requests.md.
 */
package dev.tandem.server.requests;
