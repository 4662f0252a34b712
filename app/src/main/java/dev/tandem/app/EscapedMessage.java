package dev.tandem.app;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.tandem.server.LogText;

/**
 * {@code %safeMsg} in logback.xml: the log message with control characters escaped, so no value
 * that reached a log line (a user name, a path, another server's answer) can start a forged line.
 * The server escapes such values where it logs them; this catches any it missed.
 */
public final class EscapedMessage extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        if (message == null || message.chars().noneMatch(c -> c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029)) {
            return message;
        }
        StringBuilder out = new StringBuilder(message.length() + 16);
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            out.append(c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029 ? LogText.escape(String.valueOf(c)) : String.valueOf(c));
        }
        return out.toString();
    }
}
