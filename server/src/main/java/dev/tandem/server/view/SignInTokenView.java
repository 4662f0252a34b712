package dev.tandem.server.view;

/**
 * The answer of {@code POST /api/v1/auth/token}: a bearer token for scripts and the phone's
 * technician tools; {@code enrolmentRequired} when it may only enrol a second factor.
 */
public record SignInTokenView(String token, String id, String expiresAt, boolean enrolmentRequired) {
}
