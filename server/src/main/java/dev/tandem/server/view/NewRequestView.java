package dev.tandem.server.view;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer to a customer's new request: the request's fields as the customer sees them, then the
 * {@code token} that lets their page read and cancel it (shown once).
 */
public record NewRequestView(@JsonUnwrapped CustomerRequestView request, String token) {
}
