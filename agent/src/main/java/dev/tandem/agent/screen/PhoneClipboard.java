package dev.tandem.agent.screen;

import java.util.function.Consumer;

/**
 * The phone's clipboard as the technician's viewer shares it (RFB cut text, RFC 6143 7.5.6 and
 * 7.6.4): text the technician puts on it in the viewer lands here, and text copied on the phone is
 * offered to the viewers. The agent uses it only while the customer allows control: the clipboard
 * may hold what the screen never showed. Implementations are thread-safe.
 */
public interface PhoneClipboard {

    /** Puts {@code text} on the phone's clipboard, ready to paste. */
    void put(String text);

    /**
     * Calls {@code changed} with the clipboard's text each time it changes on the phone, from any
     * thread, until the returned handle is closed. Text this clipboard got through {@link #put} is
     * not reported back.
     */
    Watch watch(Consumer<String> changed);

    /** Stops one {@link #watch}; closing it twice does nothing. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}
