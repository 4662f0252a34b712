package dev.tandem.server.view;

/** An authenticator app being enrolled: its secret and the {@code otpauth://} link of the QR code. */
public record TotpEnrolmentView(String secret, String otpauthUri) {
}
