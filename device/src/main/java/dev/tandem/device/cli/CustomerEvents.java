package dev.tandem.device.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.agent.drawing.Mark;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * What the customer sees, written as one JSON object per line (UTF-8, flushed line by line), for
 * scripts and tests that drive {@code tandem device}. Text with newlines stays on one line, and so
 * do U+2028 and U+2029, which some line readers split on. Thread-safe: one event is one whole line.
 */
final class CustomerEvents {
    private final OutputStream out;
    private final ObjectMapper json = new ObjectMapper();

    CustomerEvents(OutputStream out) {
        this.out = out;
        json.getFactory().setCharacterEscapes(new OneLineEscapes());
    }

    void joined(String session, String technician) {
        write(event("joined").put("session", session).put("technician", technician));
    }

    /** A transcript message from the technician or the customer. */
    void chat(String from, String name, String text, long seq) {
        write(event("chat").put("from", from).put("name", name).put("text", text).put("seq", seq));
    }

    /** A transcript line from the system (someone joined, the session is being recorded, ...). */
    void system(String text, long seq) {
        write(event("system").put("text", text).put("seq", seq));
    }

    void prompt(String id, String kind, String text) {
        prompt(id, kind, text, false);
    }

    void prompt(String id, String kind, String text, boolean recorded) {
        ObjectNode event = event("prompt").put("id", id).put("kind", kind).put("text", text);
        if (recorded) {
            event.put("recorded", true); // issue 18.6: the portal records the screen the customer shares
        }
        write(event);
    }

    void promptClosed(String id) {
        write(event("promptClosed").put("id", id));
    }

    void sharing(boolean screen, boolean control) {
        sharing(screen, control, false);
    }

    /** {@code recorded}: the shared screen is recorded; the notice then says so (only written when true). */
    void sharing(boolean screen, boolean control, boolean recorded) {
        ObjectNode event = event("sharing").put("screen", screen).put("control", control);
        if (recorded) {
            event.put("recorded", true).put("notice", "Your screen is being shared and recorded");
        }
        write(event);
    }

    /**
     * The technician's pointer appeared or faded ({@code pointer}, with where it appeared), or a pen
     * stroke did ({@code drawing}, with its number of points). A pointer that moves is not told again.
     */
    void drawing(Mark mark, boolean shown) {
        ObjectNode event = event(mark.kind() == Mark.Kind.POINTER ? "pointer" : "drawing")
                .put("state", shown ? "shown" : "hidden");
        if (shown && mark.kind() == Mark.Kind.POINTER) {
            event.put("x", mark.points()[0][0]).put("y", mark.points()[0][1]);
        } else if (shown) {
            event.put("points", mark.points().length);
        }
        write(event);
    }

    /** The customer hid the drawings ({@code /hide-drawings}) or shows them again. */
    void drawingsHidden(boolean hidden) {
        write(event("drawings").put("hidden", hidden));
    }

    void ended(String by, String reason) {
        ObjectNode event = event("ended").put("by", by);
        if (reason != null && !reason.isEmpty()) {
            event.put("reason", reason);
        }
        write(event);
    }

    void delivered(long cseq, long seq) {
        write(event("delivered").put("cseq", cseq).put("seq", seq));
    }

    /** The server refused message {@code cseq}. */
    void refused(long cseq, String message) {
        write(event("refused").put("cseq", cseq).put("message", message));
    }

    /** The phone refused a line before sending it (empty, too long, session over): there is no cseq. */
    void refusedBeforeSending(String message) {
        write(event("refused").put("message", message));
    }

    void reconnecting(int attempt) {
        write(event("reconnecting").put("attempt", attempt));
    }

    /** The session is over and the portal asks how it went: {@code /rate 1..5 [comment]} or {@code /skip}. */
    void survey(String text) {
        write(event("survey").put("text", text).put("lowest", 1).put("highest", 5));
    }

    /** What became of the customer's answer: {@code thanked}, {@code alreadyAnswered}, {@code expired} or {@code skipped}. */
    void surveyAnswered(String outcome, Integer rating) {
        write(event("surveyAnswered").put("outcome", outcome).put("rating", rating));
    }

    // ---- files both ways (docs/files.md) ----

    /** The technician offers a file: {@code /accept-file ID} or {@code /decline-file ID}. */
    void fileOffered(String id, String name, long size, String from) {
        write(event("fileOffered").put("id", id).put("name", name).put("size", size).put("from", from));
    }

    /** The technician asks for a file: {@code /send-file ID PATH} or {@code /decline-file ID}. */
    void fileRequested(String id, String from) {
        write(event("fileRequested").put("id", id).put("from", from));
    }

    /** An accepted file is whole, verified, and saved at {@code path}. */
    void fileSaved(String id, String name, String path) {
        write(event("fileSaved").put("id", id).put("name", name).put("path", path));
    }

    /** The file the customer sent arrived whole at the server. */
    void fileSent(String id, String name) {
        write(event("fileSent").put("id", id).put("name", name));
    }

    void fileFailed(String id, String code, String reason) {
        write(event("fileFailed").put("id", id).put("code", code).put("reason", reason));
    }

    void resumed() {
        write(event("resumed"));
    }

    void error(String message) {
        write(event("error").put("message", message));
    }

    /**
     * Issue 18.2: {@code transferred}, {@code technicianJoined} or {@code technicianLeft}, with the
     * technician's display name.
     */
    void team(String change, String technician) {
        write(event(change).put("technician", technician));
    }

    private ObjectNode event(String name) {
        return json.createObjectNode().put("event", name);
    }

    private synchronized void write(ObjectNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = event.fields(); fields.hasNext(); ) {
            if (fields.next().getValue().isNull()) {
                fields.remove(); // an unknown name is left out rather than written as null
            }
        }
        try {
            // Through a String: Jackson's byte writer would escape emoji as surrogate pairs once custom
            // escapes are set, and customers' emoji should read as emoji.
            out.write((json.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to stdout", e);
        }
    }

    /** JSON's own escapes, plus the two Unicode line separators. */
    private static final class OneLineEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
