package dev.tandem.protocol.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A message from the server to the customer's device. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerMessage.Welcome.class, name = "welcome"),
        @JsonSubTypes.Type(value = ServerMessage.Chat.class, name = "chat"),
        @JsonSubTypes.Type(value = ServerMessage.ChatAck.class, name = "ack"),
        @JsonSubTypes.Type(value = ServerMessage.Prompt.class, name = "prompt"),
        @JsonSubTypes.Type(value = ServerMessage.PromptClosed.class, name = "promptClosed"),
        @JsonSubTypes.Type(value = ServerMessage.End.class, name = "end"),
        @JsonSubTypes.Type(value = ServerMessage.Release.class, name = "release"),
        @JsonSubTypes.Type(value = ServerMessage.ScreenOpen.class, name = "screenOpen"),
        @JsonSubTypes.Type(value = ServerMessage.ScreenClose.class, name = "screenClose"),
        @JsonSubTypes.Type(value = ServerMessage.LogStored.class, name = "logStored"),
        @JsonSubTypes.Type(value = ServerMessage.LogRefused.class, name = "logRefused"),
        @JsonSubTypes.Type(value = ServerMessage.AppInvite.class, name = "appInvite"),
        @JsonSubTypes.Type(value = ServerMessage.MovedToApp.class, name = "movedToApp"),
        @JsonSubTypes.Type(value = ServerMessage.Transferred.class, name = "transferred"),
        @JsonSubTypes.Type(value = ServerMessage.TechnicianJoined.class, name = "technicianJoined"),
        @JsonSubTypes.Type(value = ServerMessage.TechnicianLeft.class, name = "technicianLeft"),
        @JsonSubTypes.Type(value = ServerMessage.Ping.class, name = "ping"),
        @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
        @JsonSubTypes.Type(value = ServerMessage.Drawing.class, name = "drawing")
})
public abstract class ServerMessage {

    ServerMessage() {
    }

    /** The handshake succeeded. */
    public static final class Welcome extends ServerMessage {
        public final int version;
        public final String session;
        public final String resumeToken;
        public final String technician;
        public final String portal;
        public final String language;
        public final int heartbeatSeconds;
        public final long lastCseq;

        @JsonCreator
        public Welcome(@JsonProperty("version") int version, @JsonProperty("session") String session,
                       @JsonProperty("resumeToken") String resumeToken, @JsonProperty("technician") String technician,
                       @JsonProperty("portal") String portal, @JsonProperty("language") String language,
                       @JsonProperty("heartbeatSeconds") int heartbeatSeconds, @JsonProperty("lastCseq") long lastCseq) {
            this.version = version;
            this.session = session;
            this.resumeToken = resumeToken;
            this.technician = technician;
            this.portal = portal;
            this.language = language;
            this.heartbeatSeconds = heartbeatSeconds;
            this.lastCseq = lastCseq;
        }
    }

    /**
     * One transcript entry: from the technician, the customer or the system. A system line also
     * carries the catalogue {@code key} and {@code params} it was worded from (optional), so a
     * client with the catalogue (the browser chat) words it in its own language; {@code text} is
     * already in the customer's language for every other client.
     */
    public static final class Chat extends ServerMessage {
        public final long seq;
        public final String sender;
        public final String name;
        public final String text;
        public final String at;
        public final String key;
        public final Map<String, String> params;

        public Chat(long seq, String sender, String name, String text, String at) {
            this(seq, sender, name, text, at, null, null);
        }

        @JsonCreator
        public Chat(@JsonProperty("seq") long seq, @JsonProperty("sender") String sender,
                    @JsonProperty("name") String name, @JsonProperty("text") String text,
                    @JsonProperty("at") String at, @JsonProperty("key") String key,
                    @JsonProperty("params") Map<String, String> params) {
            this.seq = seq;
            this.sender = sender;
            this.name = name;
            this.text = text;
            this.at = at;
            this.key = key;
            this.params = params == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    /** Why a customer message was refused. */
    public static final class AckError {
        public final String code;
        public final String message;

        @JsonCreator
        public AckError(@JsonProperty("code") String code, @JsonProperty("message") String message) {
            this.code = code;
            this.message = message;
        }
    }

    /** The customer message {@code cseq} is stored as {@code seq}, or refused with {@code error}. */
    public static final class ChatAck extends ServerMessage {
        public final long cseq;
        public final Long seq;
        public final AckError error;

        @JsonCreator
        public ChatAck(@JsonProperty("cseq") long cseq, @JsonProperty("seq") Long seq,
                       @JsonProperty("error") AckError error) {
            this.cseq = cseq;
            this.seq = seq;
            this.error = error;
        }
    }

    /**
     * Ask the customer for consent. {@code ask == false} (only for {@code screen}, on a portal that
     * shares without asking) means: record it, show the sharing notice, no question.
     */
    public static final class Prompt extends ServerMessage {
        public final String id;
        public final String kind;
        public final String text;
        public final boolean ask;
        /**
         * Issue 18.6: the portal records this session's screen (docs/recording.md); the customer is told
         * before sharing starts. Left out of the JSON when false.
         */
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
        public final boolean recorded;

        public Prompt(String id, String kind, String text) {
            this(id, kind, text, Boolean.TRUE);
        }

        public Prompt(String id, String kind, String text, Boolean ask) {
            this(id, kind, text, ask, null);
        }

        @JsonCreator
        public Prompt(@JsonProperty("id") String id, @JsonProperty("kind") String kind,
                      @JsonProperty("text") String text, @JsonProperty("ask") Boolean ask,
                      @JsonProperty("recorded") Boolean recorded) {
            this.id = id;
            this.kind = kind;
            this.text = text;
            this.ask = ask == null || ask;
            this.recorded = recorded != null && recorded;
        }
    }

    /** A prompt was withdrawn and needs no answer. */
    public static final class PromptClosed extends ServerMessage {
        public final String id;

        @JsonCreator
        public PromptClosed(@JsonProperty("id") String id) {
            this.id = id;
        }
    }

    /** The session is over. */
    /**
     * The session is over. {@code survey}: where the portal asks customers how it went, the one-time
     * token to answer with ({@code POST /api/v1/surveys/{token}}); null otherwise.
     */
    public static final class End extends ServerMessage {
        public final String by;
        public final String reason;
        public final String survey;

        public End(String by, String reason) {
            this(by, reason, null);
        }

        @JsonCreator
        public End(@JsonProperty("by") String by, @JsonProperty("reason") String reason,
                   @JsonProperty("survey") String survey) {
            this.by = by;
            this.reason = reason;
            this.survey = survey;
        }
    }

    public static final class Ping extends ServerMessage {
    }

    public static final class Pong extends ServerMessage {
    }

    /** The technician gives back what is {@code true}: the screen (stops viewing) and/or control. */
    public static final class Release extends ServerMessage {
        public final boolean screen;
        public final boolean control;

        @JsonCreator
        public Release(@JsonProperty("screen") boolean screen, @JsonProperty("control") boolean control) {
            this.screen = screen;
            this.control = control;
        }
    }

    /** A viewer attached: start an RFB server for {@code stream}. */
    public static final class ScreenOpen extends ServerMessage {
        public final long stream;

        @JsonCreator
        public ScreenOpen(@JsonProperty("stream") long stream) {
            this.stream = stream;
        }
    }

    /** The viewer of {@code stream} left. */
    public static final class ScreenClose extends ServerMessage {
        public final long stream;

        @JsonCreator
        public ScreenClose(@JsonProperty("stream") long stream) {
            this.stream = stream;
        }
    }

    /** The upload arrived whole and is stored with the session. */
    public static final class LogStored extends ServerMessage {
        public final String upload;

        @JsonCreator
        public LogStored(@JsonProperty("upload") String upload) {
            this.upload = upload;
        }
    }

    /** The upload was refused (too large, corrupt, out of order); the session goes on. */
    public static final class LogRefused extends ServerMessage {
        public final String upload;
        public final String reason;

        @JsonCreator
        public LogRefused(@JsonProperty("upload") String upload, @JsonProperty("reason") String reason) {
            this.upload = upload;
            this.reason = reason;
        }
    }

    /**
     * To a chat-only customer (issue 18): the technician invites them to continue this session in the
     * app. {@code link} opens the app (or a page offering it) with a one-time token; it is not part
     * of the transcript, so the token is never stored in clear.
     */
    public static final class AppInvite extends ServerMessage {
        public final String link;
        public final String expiresAt;

        @JsonCreator
        public AppInvite(@JsonProperty("link") String link, @JsonProperty("expiresAt") String expiresAt) {
            this.link = link;
            this.expiresAt = expiresAt;
        }
    }

    /** Sent to the browser chat just before its socket is replaced: the app took the session over (not an error). */
    public static final class MovedToApp extends ServerMessage {
    }

    // ---- issue 18.2: transfer and collaborate ------------------------------------------------

    /**
     * The session now continues with another technician ({@code technician}: their display name);
     * the chat goes on unchanged (same session, same transcript). The transcript's system line says
     * so in the customer's language; this message lets an app show a notice.
     */
    public static final class Transferred extends ServerMessage {
        public final String technician;

        @JsonCreator
        public Transferred(@JsonProperty("technician") String technician) {
            this.technician = technician;
        }
    }

    /** A second technician joined the session to help; they see the chat and, when shared, the screen. */
    public static final class TechnicianJoined extends ServerMessage {
        public final String technician;

        @JsonCreator
        public TechnicianJoined(@JsonProperty("technician") String technician) {
            this.technician = technician;
        }
    }

    /** A technician who was helping left the session. */
    public static final class TechnicianLeft extends ServerMessage {
        public final String technician;

        @JsonCreator
        public TechnicianLeft(@JsonProperty("technician") String technician) {
            this.technician = technician;
        }
    }

    /**
     * Issue 18.7: the technician points at ({@code kind} "pointer", one point) or draws on
     * ({@code kind} "stroke", 2 to {@code Limits.DRAWING_POINTS} points) the customer's screen. Points
     * are {@code [x, y]} pairs in the phone's own screen pixels (as its {@code drawings} message gave
     * the size). The phone shows them on top of its screen and lets them fade; it never injects them.
     */
    public static final class Drawing extends ServerMessage {
        public static final String POINTER = "pointer";
        public static final String STROKE = "stroke";
        public final String kind;
        public final int[][] points;

        @JsonCreator
        public Drawing(@JsonProperty("kind") String kind, @JsonProperty("points") int[][] points) {
            this.kind = kind;
            this.points = points;
        }
    }
}
