package dev.tandem.agent.rfb.session;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The ServerCutText message (RFC 6143 7.6.4): the phone's clipboard for the viewer. RFB carries
 * ISO 8859-1 with "\n" line ends, so other characters become "?" and "\r\n" becomes "\n"; a longer
 * text is cut at {@link #MAX_CHARS} (a viewer's clipboard is for passing a line or a code, not files).
 * Stateless and thread-safe.
 */
final class ServerCutText {
    static final int TYPE = 3;
    static final int MAX_CHARS = 64 * 1024;

    private ServerCutText() {
    }

    /** Writes the message for {@code text} (without flushing). */
    static void write(OutputStream out, String text) throws IOException {
        String plain = text.replace("\r\n", "\n");
        if (plain.length() > MAX_CHARS) {
            plain = plain.substring(0, MAX_CHARS);
        }
        byte[] bytes = plain.getBytes(StandardCharsets.ISO_8859_1); // unmappable characters become '?'
        DataOutputStream data = new DataOutputStream(out);
        data.writeByte(TYPE);
        data.write(new byte[3]);
        data.writeInt(bytes.length);
        data.write(bytes);
    }
}
