package dev.tandem.protocol.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.util.List;

/**
 * The frames of "files both ways" (docs/files.md, docs/protocol.md section 1.12). A file travels in
 * the pieces log files use (section 1.10): at most {@code Limits.LOG_CHUNK_BYTES} bytes of base64
 * per piece with its CRC-32, the whole checked against its SHA-256. Both directions go piece by
 * piece in the phone's rhythm, so a dropped connection resumes from the last piece the other side
 * holds. Registered with {@link WireCodec} from here, so that the core message lists stay short.
 */
public final class FileFrames {
    private FileFrames() {
    }

    /** The named types {@link WireCodec} registers for the agent's and the server's frames. */
    static List<NamedType> types() {
        return List.of(
                new NamedType(FileAnswer.class, "fileAnswer"),
                new NamedType(FileFetch.class, "fileFetch"),
                new NamedType(FileSaved.class, "fileSaved"),
                new NamedType(FileUpload.class, "fileUpload"),
                new NamedType(FileChunk.class, "fileChunk"),
                new NamedType(FileEnd.class, "fileEnd"),
                new NamedType(FileOffer.class, "fileOffer"),
                new NamedType(FileRequest.class, "fileRequest"),
                new NamedType(FileData.class, "fileData"),
                new NamedType(FileStored.class, "fileStored"),
                new NamedType(FileRefused.class, "fileRefused"));
    }

    // ---- server -> device -------------------------------------------------------------------

    /** The technician sends a file: the customer accepts (then the phone fetches it) or declines. */
    public static final class FileOffer extends ServerMessage {
        public final String id;
        public final String name;
        public final long size;
        public final String sha256;
        public final String from;

        @JsonCreator
        public FileOffer(@JsonProperty("id") String id, @JsonProperty("name") String name,
                         @JsonProperty("size") long size, @JsonProperty("sha256") String sha256,
                         @JsonProperty("from") String from) {
            this.id = id;
            this.name = name;
            this.size = size;
            this.sha256 = sha256;
            this.from = from;
        }
    }

    /**
     * The technician asks the customer to pick a file and send it. {@code next}: the piece the server
     * expects (0, or where an interrupted upload of this request goes on), {@code sha256}: the file
     * the interrupted upload declared (null before any).
     */
    public static final class FileRequest extends ServerMessage {
        public final String id;
        public final String from;
        public final long next;
        public final String sha256;

        @JsonCreator
        public FileRequest(@JsonProperty("id") String id, @JsonProperty("from") String from,
                           @JsonProperty("next") long next, @JsonProperty("sha256") String sha256) {
            this.id = id;
            this.from = from;
            this.next = next;
            this.sha256 = sha256;
        }
    }

    /** One piece of an offered file, in answer to {@link FileFetch}. */
    public static final class FileData extends ServerMessage {
        public final String id;
        public final long index;
        public final String data;
        public final long crc32;

        @JsonCreator
        public FileData(@JsonProperty("id") String id, @JsonProperty("index") long index,
                        @JsonProperty("data") String data, @JsonProperty("crc32") long crc32) {
            this.id = id;
            this.index = index;
            this.data = data;
            this.crc32 = crc32;
        }
    }

    /** The customer's file arrived whole (its SHA-256 matched) and is kept with the session. */
    public static final class FileStored extends ServerMessage {
        public final String id;

        @JsonCreator
        public FileStored(@JsonProperty("id") String id) {
            this.id = id;
        }
    }

    /** The server refuses a step of file {@code id}: {@code code} says why for a program, {@code reason} for people. */
    public static final class FileRefused extends ServerMessage {
        public final String id;
        public final String code;
        public final String reason;

        @JsonCreator
        public FileRefused(@JsonProperty("id") String id, @JsonProperty("code") String code,
                           @JsonProperty("reason") String reason) {
            this.id = id;
            this.code = code;
            this.reason = reason;
        }
    }

    // ---- device -> server -------------------------------------------------------------------

    /** The customer's answer to an offer or a request (accepted = will save it / picked a file). */
    public static final class FileAnswer extends AgentMessage {
        public final String id;
        public final boolean accepted;

        @JsonCreator
        public FileAnswer(@JsonProperty("id") String id, @JsonProperty("accepted") boolean accepted) {
            this.id = id;
            this.accepted = accepted;
        }
    }

    /** The phone asks for piece {@code index} of an accepted offer (the first, the next, or where it left off). */
    public static final class FileFetch extends AgentMessage {
        public final String id;
        public final long index;

        @JsonCreator
        public FileFetch(@JsonProperty("id") String id, @JsonProperty("index") long index) {
            this.id = id;
            this.index = index;
        }
    }

    /** The offered file is whole (its SHA-256 matched) and saved in the phone's Downloads. */
    public static final class FileSaved extends AgentMessage {
        public final String id;

        @JsonCreator
        public FileSaved(@JsonProperty("id") String id) {
            this.id = id;
        }
    }

    /** The file the customer picked for request {@code id}: its name, size and SHA-256, before its pieces. */
    public static final class FileUpload extends AgentMessage {
        public final String id;
        public final String name;
        public final long size;
        public final String sha256;

        @JsonCreator
        public FileUpload(@JsonProperty("id") String id, @JsonProperty("name") String name,
                          @JsonProperty("size") long size, @JsonProperty("sha256") String sha256) {
            this.id = id;
            this.name = name;
            this.size = size;
            this.sha256 = sha256;
        }
    }

    /** One piece of the picked file, in order from the request's {@code next}. */
    public static final class FileChunk extends AgentMessage {
        public final String id;
        public final long index;
        public final String data;
        public final long crc32;

        @JsonCreator
        public FileChunk(@JsonProperty("id") String id, @JsonProperty("index") long index,
                         @JsonProperty("data") String data, @JsonProperty("crc32") long crc32) {
            this.id = id;
            this.index = index;
            this.data = data;
            this.crc32 = crc32;
        }
    }

    /** Every piece of the picked file was sent. */
    public static final class FileEnd extends AgentMessage {
        public final String id;

        @JsonCreator
        public FileEnd(@JsonProperty("id") String id) {
            this.id = id;
        }
    }
}
