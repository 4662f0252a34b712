package dev.tandem.server.live;

import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.FileFrames;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Secrets;
import dev.tandem.server.domain.User;
import dev.tandem.server.events.Events;
import dev.tandem.server.files.FileLimits;
import dev.tandem.server.files.FilePieces;
import dev.tandem.server.files.FileShelf;
import dev.tandem.server.files.FileStore;
import dev.tandem.server.files.SessionFile;
import dev.tandem.server.files.SessionFile.Direction;
import dev.tandem.server.files.SessionFile.Status;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.view.SessionFileView;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Files both ways, the phone's side (docs/files.md): the technician offers a file the server holds
 * whole ({@link FileShelf}) and the phone fetches it piece by piece once the customer accepted; the
 * technician asks for a file and the phone uploads the one the customer picked, piece by piece.
 * Every step is checked against the file's row in the database, so consent holds on the server too:
 * a declined offer is never served, a declined request takes no bytes. All state lives in the
 * database, so after a dropped connection (also on another node) the offers and requests still open
 * go out again and each side goes on from the last piece the other holds. Runs on the session's loop.
 */
public final class FileExchanges implements SessionFeature {
    private final LiveSessions sessions;
    private final FileShelf shelf;
    private final FileStore store;
    private final FileLimits limits;
    private final Events consoles;
    private final AuditLog audit;
    private final Clock clock;

    public FileExchanges(LiveSessions sessions, FileShelf shelf, Events consoles, AuditLog audit, Clock clock) {
        this.sessions = sessions;
        this.shelf = shelf;
        this.store = shelf.store();
        this.limits = shelf.limits();
        this.consoles = consoles;
        this.audit = audit;
        this.clock = clock;
    }

    /** The files' side that needs no phone (the routes' declare, parts, list and download). */
    public FileShelf shelf() {
        return shelf;
    }

    // ---- the technician ----------------------------------------------------------------------

    /** Offers the customer a file the server holds whole; the phone asks the customer (now or when back). */
    public SessionFileView offer(User user, String sessionId, String fileId) {
        LiveSession session = sessions.liveFor(user, sessionId);
        return session.loop.call(() -> {
            refuseIfEnded(session);
            SessionFile file = store.find(sessionId, fileId).orElseThrow(() ->
                    Rejection.notFound("There is no file " + fileId + " in session " + sessionId + "."));
            if (file.direction() != Direction.TO_CUSTOMER || file.status() != Status.UPLOADING || !file.complete()) {
                throw Rejection.of(file.status() == Status.DECLINED ? ErrorCode.FILE_DECLINED : ErrorCode.FILE_NOT_READY,
                        file.status() == Status.UPLOADING ? "The server holds " + file.received() + " of the "
                                + file.size() + " bytes of " + file.name() + "; send the rest before offering it."
                                : file.name() + " was offered already (" + file.status().wireName() + ").");
            }
            store.move(fileId, List.of(Status.UPLOADING), Status.OFFERED, null);
            session.sendToDevice(offerOf(file));
            sessions.systemLine(session, Phrase.of("event.fileOffered", "technician", user.displayName(),
                    "customer", session.customerName, "name", file.name(), "size", FilePieces.humanSize(file.size())));
            audit.record(user.username(), AuditAction.FILE_OFFERED, sessionId, Phrase.of("audit.fileOffered",
                    "name", file.name(), "size", String.valueOf(file.size())));
            publish(session);
            return view(sessionId, fileId);
        });
    }

    /** Asks the customer to pick a file and send it. */
    public SessionFileView request(User user, String sessionId) {
        LiveSession session = sessions.liveFor(user, sessionId);
        return session.loop.call(() -> {
            refuseIfEnded(session);
            SessionFile file = new SessionFile(Secrets.id("x"), sessionId, Direction.FROM_CUSTOMER, Status.REQUESTED,
                    null, null, null, 0, user.displayName(), clock.instant(), null);
            store.insert(file);
            session.sendToDevice(new FileFrames.FileRequest(file.id(), user.displayName(), 0, null));
            sessions.systemLine(session, Phrase.of("event.fileRequested", "technician", user.displayName(),
                    "customer", session.customerName));
            audit.record(user.username(), AuditAction.FILE_REQUESTED, sessionId, Phrase.of("audit.fileRequested"));
            publish(session);
            return view(sessionId, file.id());
        });
    }

    // ---- the phone (on the session's loop) ---------------------------------------------------

    @Override
    public boolean received(LiveSession session, DeviceLink link, AgentMessage message) {
        if (message instanceof FileFrames.FileAnswer answer) {
            withFile(session, link, answer.id, file -> answered(session, file, answer.accepted));
        } else if (message instanceof FileFrames.FileFetch fetch) {
            withFile(session, link, fetch.id, file -> fetch(link, file, fetch.index));
        } else if (message instanceof FileFrames.FileSaved saved) {
            withFile(session, link, saved.id, file -> saved(session, file));
        } else if (message instanceof FileFrames.FileUpload upload) {
            withFile(session, link, upload.id, file -> upload(session, link, file, upload));
        } else if (message instanceof FileFrames.FileChunk chunk) {
            withFile(session, link, chunk.id, file -> chunk(link, file, chunk));
        } else if (message instanceof FileFrames.FileEnd end) {
            withFile(session, link, end.id, file -> end(session, link, file));
        } else {
            return false;
        }
        return true;
    }

    @Override
    public void answered(LiveSession session, ServerMessage.Prompt prompt, boolean granted) {
        // Offers and requests are not prompts: they carry a file, and their answers are file frames.
    }

    /** The phone is back: every offer and request still open goes out again, with where the upload stands. */
    @Override
    public void deviceAttached(LiveSession session) {
        for (SessionFile file : store.of(session.id)) {
            if (file.direction() == Direction.TO_CUSTOMER
                    && (file.status() == Status.OFFERED || file.status() == Status.ACCEPTED)) {
                session.sendToDevice(offerOf(file));
            } else if (file.direction() == Direction.FROM_CUSTOMER
                    && (file.status() == Status.REQUESTED || file.status() == Status.UPLOADING)) {
                session.sendToDevice(new FileFrames.FileRequest(file.id(), file.technician(),
                        file.received() / FilePieces.PIECE_BYTES, file.sha256()));
            }
        }
    }

    private void answered(LiveSession session, SessionFile file, boolean accepted) {
        String customer = AuditLog.customer(session.customerName);
        if (file.direction() == Direction.TO_CUSTOMER && file.status() == Status.OFFERED) {
            Status to = accepted ? Status.ACCEPTED : Status.DECLINED;
            if (store.move(file.id(), List.of(Status.OFFERED), to, accepted ? null : clock.instant())) {
                sessions.systemLine(session, Phrase.of(accepted ? "event.fileAccepted" : "event.fileDeclined",
                        "customer", session.customerName, "name", file.name()));
                audit.record(customer, accepted ? AuditAction.FILE_ACCEPTED : AuditAction.FILE_DECLINED, session.id,
                        Phrase.of(accepted ? "audit.fileAccepted" : "audit.fileDeclined", "name", file.name()));
            }
        } else if (file.direction() == Direction.FROM_CUSTOMER && !accepted
                && store.move(file.id(), List.of(Status.REQUESTED, Status.UPLOADING), Status.DECLINED, clock.instant())) {
            sessions.systemLine(session, Phrase.of("event.fileRequestDeclined", "customer", session.customerName));
            audit.record(customer, AuditAction.FILE_DECLINED, session.id, Phrase.of("audit.fileRequestDeclined"));
        }
        publish(session);
    }

    private void fetch(DeviceLink link, SessionFile file, long index) {
        if (file.direction() != Direction.TO_CUSTOMER || file.status() != Status.ACCEPTED) {
            refuse(link, file.id(), file.status() == Status.DECLINED ? ErrorCode.FILE_DECLINED : ErrorCode.FILE_NOT_READY,
                    file.status() == Status.DECLINED ? "The customer declined " + file.name() + "; it is not sent."
                            : file.name() + " is served only after the customer accepted it.");
            return;
        }
        Optional<byte[]> piece = index < 0 || index >= file.pieces() ? Optional.empty() : store.piece(file.id(), index);
        if (piece.isEmpty()) {
            refuse(link, file.id(), ErrorCode.FILE_NOT_READY, file.name() + " has no piece " + index + " (it has "
                    + file.pieces() + ").");
            return;
        }
        link.send(new FileFrames.FileData(file.id(), index, FilePieces.base64(piece.get()), FilePieces.crc32(piece.get())));
    }

    private void saved(LiveSession session, SessionFile file) {
        if (file.direction() == Direction.TO_CUSTOMER
                && store.move(file.id(), List.of(Status.ACCEPTED), Status.SAVED, clock.instant())) {
            sessions.systemLine(session, Phrase.of("event.fileSaved", "customer", session.customerName,
                    "name", file.name()));
            audit.record(AuditLog.customer(session.customerName), AuditAction.FILE_SAVED, session.id,
                    Phrase.of("audit.fileSaved", "name", file.name(), "sha256", file.sha256()));
            publish(session);
        }
    }

    private void upload(LiveSession session, DeviceLink link, SessionFile file, FileFrames.FileUpload upload) {
        if (!expectsBytes(link, file)) {
            return;
        }
        Optional<String> name = FilePieces.plainName(upload.name);
        if (name.isEmpty() || !FilePieces.isSha256(upload.sha256)) {
            refuse(link, file.id(), ErrorCode.BAD_INPUT, "A file needs a plain name and its SHA-256 in 64 lower-case"
                    + " hex digits.");
            return;
        }
        long counted = file.size() == null ? 0 : file.size();
        Optional<FileLimits.Refusal> refusal = limits.refusal(session.id, name.get(), upload.size, counted);
        if (refusal.isPresent()) {
            refuse(link, file.id(), refusal.get().code(), refusal.get().message());
            return;
        }
        store.declare(file.id(), name.get(), upload.size, upload.sha256);
        publish(session);
    }

    private void chunk(DeviceLink link, SessionFile file, FileFrames.FileChunk chunk) {
        if (!expectsBytes(link, file) || file.size() == null || file.status() != Status.UPLOADING) {
            return;
        }
        long stored = file.received() / FilePieces.PIECE_BYTES;
        if (chunk.index < stored) {
            return; // a piece the server holds already: sent again after a drop
        }
        Optional<byte[]> bytes = FilePieces.decode(chunk.data, chunk.crc32);
        if (bytes.isEmpty()) {
            refuse(link, file.id(), ErrorCode.FILE_DAMAGED, "Piece " + chunk.index + " of " + file.name()
                    + " is damaged (not base64, or its CRC-32 does not match); send it again.");
            return;
        }
        if (chunk.index >= file.pieces() || bytes.get().length != FilePieces.lengthOf(file.size(), chunk.index)
                || !store.addPiece(file.id(), chunk.index, bytes.get())) {
            refuse(link, file.id(), ErrorCode.FILE_NOT_READY, "Piece " + chunk.index + " of " + file.name()
                    + " is not the next one (the server holds " + stored + "), or not of the length it should have.");
        }
    }

    private void end(LiveSession session, DeviceLink link, SessionFile file) {
        if (!expectsBytes(link, file) || file.status() != Status.UPLOADING) {
            return;
        }
        if (!file.complete()) {
            refuse(link, file.id(), ErrorCode.FILE_NOT_READY, file.name() + " ended after " + file.received()
                    + " of its " + file.size() + " bytes.");
            return;
        }
        if (!store.sha256(file.id(), file.pieces()).equals(file.sha256())) {
            store.reset(file.id());
            refuse(link, file.id(), ErrorCode.FILE_DAMAGED, file.name() + " arrived damaged (its SHA-256 does not"
                    + " match); it is sent again from the start.");
            return;
        }
        store.move(file.id(), List.of(Status.UPLOADING), Status.RECEIVED, clock.instant());
        link.send(new FileFrames.FileStored(file.id()));
        sessions.systemLine(session, Phrase.of("event.fileReceived", "customer", session.customerName,
                "name", file.name(), "size", FilePieces.humanSize(file.size())));
        audit.record(AuditLog.customer(session.customerName), AuditAction.FILE_RECEIVED, session.id,
                Phrase.of("audit.fileReceived", "name", file.name(), "size", String.valueOf(file.size()),
                        "sha256", file.sha256()));
        publish(session);
    }

    // ---- shared ------------------------------------------------------------------------------

    /** A file the technician asked for and the customer did not decline takes bytes; anything else is refused. */
    private boolean expectsBytes(DeviceLink link, SessionFile file) {
        if (file.direction() == Direction.FROM_CUSTOMER
                && (file.status() == Status.REQUESTED || file.status() == Status.UPLOADING)) {
            return true;
        }
        refuse(link, file.id(), file.status() == Status.DECLINED ? ErrorCode.FILE_DECLINED : ErrorCode.FILE_NOT_READY,
                "Nobody is waiting for bytes of this file: the technician asks with Ask for a file, and only"
                        + " that request, while open, takes them.");
        return false;
    }

    private void withFile(LiveSession session, DeviceLink link, String fileId, java.util.function.Consumer<SessionFile> step) {
        Optional<SessionFile> file = fileId == null ? Optional.empty() : store.find(session.id, fileId);
        if (file.isEmpty()) {
            refuse(link, fileId, ErrorCode.NOT_FOUND, "There is no file " + fileId + " in this session.");
            return;
        }
        step.accept(file.get());
    }

    private static void refuse(DeviceLink link, String fileId, ErrorCode code, String reason) {
        link.send(new FileFrames.FileRefused(fileId, code.code(), reason));
    }

    private static FileFrames.FileOffer offerOf(SessionFile file) {
        return new FileFrames.FileOffer(file.id(), file.name(), file.size(), file.sha256(), file.technician());
    }

    private static void refuseIfEnded(LiveSession session) {
        if (session.ended) {
            throw Rejection.of(TandemStatus.SESSION_ENDED);
        }
    }

    private SessionFileView view(String sessionId, String fileId) {
        return shelf.views(sessionId).files().stream().filter(f -> f.id().equals(fileId)).findFirst().orElseThrow();
    }

    private void publish(LiveSession session) {
        consoles.filesChanged(session.technicianId, session.id, shelf.views(session.id));
    }
}
