package dev.tandem.server.recordings;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The recording format of docs/recording.md: the magic line {@code TANDEM-RECORDING 1\n}, a 4-byte
 * big-endian length and that many bytes of UTF-8 JSON (the header: session, times, parts, transcript),
 * then records to the end of the file, each {@code kind (1 byte) | stream (8) | epoch milliseconds (8)
 * | length (4) | bytes}. The chunks in the database are runs of whole records, so an export is the
 * header followed by the chunks as stored. Stateless.
 */
public final class RecordingFile {
    public static final byte[] MAGIC = "TANDEM-RECORDING 1\n".getBytes(StandardCharsets.US_ASCII);
    /** Bytes the phone sent to a viewer (RFB server to client), as relayed. */
    public static final int SCREEN = 1;
    /** Bytes a viewer sent to the phone (RFB client to server: pointer, keys, cut text), as relayed after the control filter. */
    public static final int INPUT = 2;
    /** A viewer's stream opened: an RFB session starts with the next screen bytes of this stream. */
    public static final int OPENED = 3;
    /** A viewer's stream closed. */
    public static final int CLOSED = 4;
    /** The size of a record's head before its bytes. */
    public static final int HEAD = 1 + 8 + 8 + 4;

    private RecordingFile() {
    }

    /** One record. */
    public record Entry(int kind, long stream, long at, byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && e.kind == kind && e.stream == stream && e.at == at
                    && Arrays.equals(e.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(stream * 31 + at) * 31 + kind;
        }

        @Override
        public String toString() {
            return "Entry[" + kind + ", " + stream + ", " + at + ", " + bytes.length + " bytes]";
        }
    }

    /** A whole file read back: the header's JSON and the records in order. */
    public record Contents(String header, List<Entry> entries) {
    }

    /** Writes the magic line and the header. */
    public static void writeHeader(OutputStream out, String headerJson) throws IOException {
        byte[] json = headerJson.getBytes(StandardCharsets.UTF_8);
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeInt(json.length);
        data.write(json);
        data.flush();
    }

    /** Writes the head of a record into {@code into} at {@code offset}; its bytes follow. */
    static void writeHead(byte[] into, int offset, int kind, long stream, long at, int length) {
        into[offset] = (byte) kind;
        putLong(into, offset + 1, stream);
        putLong(into, offset + 9, at);
        into[offset + 17] = (byte) (length >>> 24);
        into[offset + 18] = (byte) (length >>> 16);
        into[offset + 19] = (byte) (length >>> 8);
        into[offset + 20] = (byte) length;
    }

    private static void putLong(byte[] into, int offset, long value) {
        for (int i = 7; i >= 0; i--) {
            into[offset + i] = (byte) value;
            value >>>= 8;
        }
    }

    /** Reads a whole file; an unknown magic or a cut record is an {@link IOException} with a sentence. */
    public static Contents read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        try {
            data.readFully(magic);
        } catch (EOFException e) {
            throw new IOException("This is not a Tandem recording: it is too short.");
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("This is not a Tandem recording of format 1 (docs/recording.md).");
        }
        int length = data.readInt();
        if (length < 0 || length > 64 << 20) {
            throw new IOException("The recording's header is damaged.");
        }
        byte[] json = data.readNBytes(length);
        List<Entry> entries = new ArrayList<>();
        while (true) {
            int kind = data.read();
            if (kind < 0) {
                break;
            }
            try {
                long stream = data.readLong();
                long at = data.readLong();
                int size = data.readInt();
                if (size < 0) {
                    throw new IOException("A record of the recording is damaged.");
                }
                byte[] bytes = data.readNBytes(size);
                if (bytes.length != size) {
                    throw new EOFException();
                }
                entries.add(new Entry(kind, stream, at, bytes));
            } catch (EOFException e) {
                throw new IOException("The recording ends in the middle of a record.");
            }
        }
        return new Contents(new String(json, StandardCharsets.UTF_8), entries);
    }
}
