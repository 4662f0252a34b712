package dev.tandem.server.mail;

import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Checks the addresses people type. */
public final class Addresses {
    private Addresses() {
    }

    /** The address in {@code text}, or a 400 that says what is wrong with it. */
    public static InternetAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw Rejection.of(ErrorCode.BAD_ADDRESS, "Enter the customer's email address.");
        }
        try {
            InternetAddress address = new InternetAddress(text.strip(), true);
            address.validate();
            String domain = address.getAddress().substring(address.getAddress().indexOf('@') + 1);
            if (!address.getAddress().contains("@") || domain.isEmpty() || address.getAddress().length() > 254) {
                throw new AddressException("missing domain");
            }
            return address;
        } catch (AddressException e) {
            throw Rejection.of(ErrorCode.BAD_ADDRESS,
                    "'" + text.strip() + "' is not a valid email address. Use the form name@example.com.");
        }
    }
}
