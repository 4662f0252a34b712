package dev.tandem.server.domain;

import java.util.Locale;

/** queued: waiting for (another) SMTP attempt; sent: the SMTP server took it; failed: gave up;
 * outbox: no SMTP server is configured, so the message was written to the outbox directory. */
public enum EmailStatus {
    QUEUED, SENT, FAILED, OUTBOX;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
