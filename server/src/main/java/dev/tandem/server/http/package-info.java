/**
 * The HTTP side: REST routes under {@code /api/v1} per area, registered by
 * {@link dev.tandem.server.http.WebApp} (the request API and the portal page in
 * {@link dev.tandem.server.http.RequestRoutes}), the customer's join page, authentication of
 * requests (bearer token or console cookie with CSRF token), and the one place that turns a
 * {@link dev.tandem.server.Rejection} into an error response. The WebSockets are in {@code ws}.
 */
package dev.tandem.server.http;
