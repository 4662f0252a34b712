package dev.tandem.agent.rfb.session;

import dev.tandem.agent.rfb.encoding.PixelFormat;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The RFB handshake of RFC 6143 7.1 and 7.3, server side: ProtocolVersion, security type None (the
 * Tandem tunnel has already authenticated the technician), SecurityResult, ClientInit and ServerInit.
 *
 * <p>Versions: the server offers 3.8. A viewer answering 3.8 or a later 3.x (Apple's 3.889) gets 3.8;
 * 3.7 gets 3.7 (no SecurityResult after None); anything else of major version 3 is served as 3.3, as
 * RFC 6143 7.1.1 asks (the server names the security type). A greeting that is not
 * {@code "RFB xxx.yyy\n"} of major 3 is refused. Not thread-safe: it runs once, before updates start.
 */
final class RfbHandshake {
    private static final int SECURITY_NONE = 1;
    private static final int SECURITY_OK = 0;
    private static final int SECURITY_FAILED = 1;

    private RfbHandshake() {
    }

    /** Runs the handshake; returns the minor version agreed (3, 7 or 8). */
    static int serve(DataInputStream in, DataOutputStream out, int width, int height, String desktopName)
            throws IOException, StreamEndException {
        out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] greeting = new byte[12];
        in.readFully(greeting);
        int minor = minorVersion(new String(greeting, StandardCharsets.ISO_8859_1));
        if (minor == 3) {
            out.writeInt(SECURITY_NONE);
        } else {
            out.writeByte(1);
            out.writeByte(SECURITY_NONE);
            out.flush();
            int chosen = in.readUnsignedByte();
            if (chosen != SECURITY_NONE) {
                String reason = "security type " + chosen + " is not offered; Tandem uses None (1) because the"
                        + " tunnel is already authenticated";
                if (minor == 8) {
                    out.writeInt(SECURITY_FAILED);
                    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(text.length);
                    out.write(text);
                    out.flush();
                }
                throw StreamEndException.protocol(reason);
            }
            if (minor == 8) {
                out.writeInt(SECURITY_OK);
            }
        }
        out.flush();
        // The shared flag is moot: every viewer gets its own stream, sharing is the relay's business.
        in.readUnsignedByte();
        out.writeShort(width);
        out.writeShort(height);
        out.write(PixelFormat.NATURAL.write());
        byte[] name = desktopName.getBytes(StandardCharsets.UTF_8);
        out.writeInt(name.length);
        out.write(name);
        out.flush();
        return minor;
    }

    private static int minorVersion(String greeting) throws StreamEndException {
        if (!greeting.matches("RFB \\d{3}\\.\\d{3}\n")) {
            throw StreamEndException.protocol("the viewer did not greet with an RFB version (\""
                    + greeting.trim() + "\"); connect a VNC viewer to this port");
        }
        int major = Integer.parseInt(greeting.substring(4, 7));
        int minor = Integer.parseInt(greeting.substring(8, 11));
        if (major != 3) {
            throw StreamEndException.protocol("RFB version " + major + "." + minor
                    + " is not supported; use a viewer that speaks RFB 3.x");
        }
        if (minor >= 8) {
            return 8;
        }
        return minor == 7 ? 7 : 3;
    }
}
