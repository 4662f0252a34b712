/**
 * The HTTP side: REST routes under {@code /api/v1}, the customer's join page, authentication of
 * requests (bearer token or console cookie with CSRF token), and the one place that turns a
 * {@link dev.tandem.server.Rejection} into an error response.
 */
package dev.tandem.server.http;
