package dev.tandem.protocol.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.tandem.protocol.diagnostics.DiagnosticsReport;

/** A message from the customer's device to the server. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AgentMessage.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = AgentMessage.Chat.class, name = "chat"),
        @JsonSubTypes.Type(value = AgentMessage.Ack.class, name = "ack"),
        @JsonSubTypes.Type(value = AgentMessage.Answer.class, name = "answer"),
        @JsonSubTypes.Type(value = AgentMessage.CapabilitiesUpdate.class, name = "capabilities"),
        @JsonSubTypes.Type(value = AgentMessage.Leave.class, name = "leave"),
        @JsonSubTypes.Type(value = AgentMessage.Sharing.class, name = "sharing"),
        @JsonSubTypes.Type(value = AgentMessage.ScreenClosed.class, name = "screenClosed"),
        @JsonSubTypes.Type(value = AgentMessage.Diagnostics.class, name = "diagnostics"),
        @JsonSubTypes.Type(value = AgentMessage.LogFile.class, name = "logFile"),
        @JsonSubTypes.Type(value = AgentMessage.LogChunk.class, name = "logChunk"),
        @JsonSubTypes.Type(value = AgentMessage.LogEnd.class, name = "logEnd"),
        @JsonSubTypes.Type(value = AgentMessage.LogsDone.class, name = "logsDone"),
        @JsonSubTypes.Type(value = AgentMessage.Ping.class, name = "ping"),
        @JsonSubTypes.Type(value = AgentMessage.Pong.class, name = "pong"),
        @JsonSubTypes.Type(value = AgentMessage.Drawings.class, name = "drawings")
})
public abstract class AgentMessage {

    AgentMessage() {
    }

    /** Where a reconnecting device asks to be let back in. */
    public static final class Resume {
        public final String session;
        public final String token;

        @JsonCreator
        public Resume(@JsonProperty("session") String session, @JsonProperty("token") String token) {
            this.session = session;
            this.token = token;
        }
    }

    /**
     * The first frame: a code to join with, or a resume token to rejoin with. {@code language} is the
     * customer's (a tag such as {@code es} or {@code es-MX}; optional): the server words the system
     * lines and questions it sends in it, unless the portal fixes a language.
     */
    public static final class Hello extends AgentMessage {
        public final int version;
        public final String code;
        public final Resume resume;
        public final String customerName;
        public final DeviceInfo device;
        public final Capabilities capabilities;
        public final long lastSeq;
        public final String language;

        public Hello(int version, String code, Resume resume, String customerName, DeviceInfo device,
                     Capabilities capabilities, long lastSeq) {
            this(version, code, resume, customerName, device, capabilities, lastSeq, null);
        }

        @JsonCreator
        public Hello(@JsonProperty("version") int version, @JsonProperty("code") String code,
                     @JsonProperty("resume") Resume resume, @JsonProperty("customerName") String customerName,
                     @JsonProperty("device") DeviceInfo device, @JsonProperty("capabilities") Capabilities capabilities,
                     @JsonProperty("lastSeq") long lastSeq, @JsonProperty("language") String language) {
            this.version = version;
            this.code = code;
            this.resume = resume;
            this.customerName = customerName;
            this.device = device;
            this.capabilities = capabilities;
            this.lastSeq = lastSeq;
            this.language = language;
        }
    }

    /** A message the customer wrote; {@code cseq} numbers them per session. */
    public static final class Chat extends AgentMessage {
        public final long cseq;
        public final String text;

        @JsonCreator
        public Chat(@JsonProperty("cseq") long cseq, @JsonProperty("text") String text) {
            this.cseq = cseq;
            this.text = text;
        }
    }

    /** The device has the transcript entry {@code seq}. */
    public static final class Ack extends AgentMessage {
        public final long seq;

        @JsonCreator
        public Ack(@JsonProperty("seq") long seq) {
            this.seq = seq;
        }
    }

    /** The customer's answer to a consent prompt. */
    public static final class Answer extends AgentMessage {
        public final String id;
        public final boolean granted;

        @JsonCreator
        public Answer(@JsonProperty("id") String id, @JsonProperty("granted") boolean granted) {
            this.id = id;
            this.granted = granted;
        }
    }

    /** The device's capabilities changed (for example accessibility was switched on). */
    public static final class CapabilitiesUpdate extends AgentMessage {
        public final Capabilities capabilities;

        @JsonCreator
        public CapabilitiesUpdate(@JsonProperty("capabilities") Capabilities capabilities) {
            this.capabilities = capabilities;
        }
    }

    /** The customer tapped the exit icon. */
    public static final class Leave extends AgentMessage {
    }

    public static final class Ping extends AgentMessage {
    }

    public static final class Pong extends AgentMessage {
    }

    /** What the customer allows right now for the screen, sent when it changes outside a prompt. */
    public static final class Sharing extends AgentMessage {
        public final boolean screen;
        public final boolean control;

        @JsonCreator
        public Sharing(@JsonProperty("screen") boolean screen, @JsonProperty("control") boolean control) {
            this.screen = screen;
            this.control = control;
        }
    }

    /** The agent ended the RFB stream of one viewer. */
    public static final class ScreenClosed extends AgentMessage {
        public final long stream;
        public final String reason;

        @JsonCreator
        public ScreenClosed(@JsonProperty("stream") long stream, @JsonProperty("reason") String reason) {
            this.stream = stream;
            this.reason = reason;
        }
    }

    /** The report for the granted diagnostics prompt {@code id}, or why the phone could not collect it. */
    public static final class Diagnostics extends AgentMessage {
        public final String id;
        public final DiagnosticsReport report;
        public final String error;

        @JsonCreator
        public Diagnostics(@JsonProperty("id") String id, @JsonProperty("report") DiagnosticsReport report,
                           @JsonProperty("error") String error) {
            this.id = id;
            this.report = report;
            this.error = error;
        }
    }

    /** A log file about to be uploaded for the granted logs prompt {@code id}. */
    public static final class LogFile extends AgentMessage {
        public final String id;
        public final String upload;
        public final String name;
        public final long size;
        public final String sha256;

        @JsonCreator
        public LogFile(@JsonProperty("id") String id, @JsonProperty("upload") String upload,
                       @JsonProperty("name") String name, @JsonProperty("size") long size,
                       @JsonProperty("sha256") String sha256) {
            this.id = id;
            this.upload = upload;
            this.name = name;
            this.size = size;
            this.sha256 = sha256;
        }
    }

    /** One piece of an upload, in order: base64 of at most {@code Limits.LOG_CHUNK_BYTES} bytes. */
    public static final class LogChunk extends AgentMessage {
        public final String upload;
        public final long index;
        public final String data;
        public final long crc32;

        @JsonCreator
        public LogChunk(@JsonProperty("upload") String upload, @JsonProperty("index") long index,
                        @JsonProperty("data") String data, @JsonProperty("crc32") long crc32) {
            this.upload = upload;
            this.index = index;
            this.data = data;
            this.crc32 = crc32;
        }
    }

    /** The upload is complete. */
    public static final class LogEnd extends AgentMessage {
        public final String upload;

        @JsonCreator
        public LogEnd(@JsonProperty("upload") String upload) {
            this.upload = upload;
        }
    }

    /** Every file of the logs prompt {@code id} was sent. */
    public static final class LogsDone extends AgentMessage {
        public final String id;
        public final int files;

        @JsonCreator
        public LogsDone(@JsonProperty("id") String id, @JsonProperty("files") int files) {
            this.id = id;
            this.files = files;
        }
    }

    /**
     * Issue 18.7: the phone can show the technician's drawings on a screen of {@code width} x
     * {@code height} pixels (its own size, as drawings' points are given), and whether the customer
     * hid them. Sent when sharing starts, after a resume while sharing, and on every change.
     */
    public static final class Drawings extends AgentMessage {
        public final boolean hidden;
        public final int width;
        public final int height;

        @JsonCreator
        public Drawings(@JsonProperty("hidden") boolean hidden, @JsonProperty("width") int width,
                        @JsonProperty("height") int height) {
            this.hidden = hidden;
            this.width = width;
            this.height = height;
        }
    }
}
