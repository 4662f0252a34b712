package dev.tandem.server.files;

import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Secrets;
import dev.tandem.server.domain.SessionStatus;
import dev.tandem.server.domain.SupportSession;
import dev.tandem.server.domain.User;
import dev.tandem.server.events.Events;
import dev.tandem.server.files.SessionFile.Direction;
import dev.tandem.server.files.SessionFile.Status;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.records.SessionAccess;
import dev.tandem.server.view.SessionFileView;
import dev.tandem.server.view.SessionFilesView;
import dev.tandem.server.view.Views;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;

/**
 * The technician's side of files both ways that needs no phone, so it runs on whichever node a call
 * reaches (the files are in the shared database): a file to send is declared (name, size,
 * SHA-256; the limits answer 413 here), then its bytes arrive in parts of whole pieces, each part
 * where the previous one ended (so an interrupted upload goes on from {@code received}); the list
 * of a session's files; a whole file's download. Only the session's technician and administrators
 * (404 for anyone else). Offering the file to the phone is the live part ({@code live.FileExchanges}).
 * Thread-safe.
 */
public final class FileShelf {
    /** The largest part of a technician's upload in one call: whole pieces, well under the server's body limit. */
    public static final int MAX_PART_BYTES = 16 * FilePieces.PIECE_BYTES;
    private final FileStore store;
    private final FileLimits limits;
    private final SessionAccess access;
    private final AuditLog audit;
    private final Clock clock;
    private final Events consoles;

    public FileShelf(FileStore store, FileLimits limits, SessionAccess access, Events consoles, AuditLog audit,
                     Clock clock) {
        this.consoles = consoles;
        this.store = store;
        this.limits = limits;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public FileStore store() {
        return store;
    }

    public FileLimits limits() {
        return limits;
    }

    /** Declares a file the technician is going to send; its bytes follow with {@link #addPart}. */
    public SessionFileView declare(User user, String sessionId, String rawName, long size, String sha256) {
        SupportSession session = access.visible(user, sessionId);
        if (session.status() == SessionStatus.ENDED) {
            throw Rejection.of(dev.tandem.protocol.TandemStatus.SESSION_ENDED);
        }
        String name = FilePieces.plainName(rawName).orElseThrow(() -> Rejection.badInput(
                "'name' must be a plain file name of 1 to 120 characters, without a folder."));
        if (!FilePieces.isSha256(sha256)) {
            throw Rejection.badInput("'sha256' must be the file's SHA-256 in 64 lower-case hex digits.");
        }
        limits.require(sessionId, name, size);
        SessionFile file = new SessionFile(Secrets.id("x"), sessionId, Direction.TO_CUSTOMER, Status.UPLOADING, name,
                size, sha256, 0, user.displayName(), clock.instant(), null);
        store.insert(file);
        audit.record(user.username(), AuditAction.FILE_UPLOADED, sessionId, Phrase.of("audit.fileUploaded",
                "name", name, "size", String.valueOf(size)));
        consoles.filesChanged(session.technicianId(), sessionId, views(sessionId));
        return view(sessionId, file);
    }

    /**
     * Bytes of a file being uploaded, from byte {@code offset} (where the previous part ended, a
     * multiple of the piece size): whole pieces, or the file's last bytes. Answers the file as it is now.
     */
    public SessionFileView addPart(User user, String sessionId, String fileId, long offset, byte[] bytes) {
        SupportSession session = access.visible(user, sessionId);
        SessionFile file = uploading(sessionId, fileId);
        if (offset != file.received()) {
            throw Rejection.of(ErrorCode.FILE_NOT_READY, "The server holds " + file.received() + " bytes of "
                    + file.name() + "; send the part that starts there (offset=" + file.received() + ").");
        }
        if (bytes.length > MAX_PART_BYTES || offset + bytes.length > file.size()
                || (bytes.length % FilePieces.PIECE_BYTES != 0 && offset + bytes.length != file.size())) {
            throw Rejection.badInput("A part holds whole pieces of " + FilePieces.PIECE_BYTES + " bytes (at most "
                    + MAX_PART_BYTES + " bytes in all) or the file's last bytes, and never more than the "
                    + file.size() + " bytes declared.");
        }
        long index = offset / FilePieces.PIECE_BYTES;
        for (int at = 0; at < bytes.length; at += FilePieces.PIECE_BYTES, index++) {
            byte[] piece = java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + FilePieces.PIECE_BYTES));
            if (!store.addPiece(fileId, index, piece)) {
                throw Rejection.of(ErrorCode.FILE_NOT_READY, "Another upload of " + file.name()
                        + " stored this part first; ask for the file to see where it stands.");
            }
        }
        SessionFile now = store.find(sessionId, fileId).orElseThrow();
        if (now.complete() && !store.sha256(fileId, now.pieces()).equals(now.sha256())) {
            store.move(fileId, List.of(Status.UPLOADING), Status.DECLINED, clock.instant());
            throw Rejection.of(ErrorCode.FILE_DAMAGED, file.name() + " arrived damaged (its SHA-256 does not match"
                    + " the one declared); declare it again and send it once more.");
        }
        consoles.filesChanged(session.technicianId(), sessionId, views(sessionId));
        return view(sessionId, now);
    }

    /** The files of a session, oldest first. */
    public SessionFilesView list(User user, String sessionId) {
        access.visible(user, sessionId);
        return views(sessionId);
    }

    /** The files of a session as the console's event shows them (no caller: the live side publishes). */
    public SessionFilesView views(String sessionId) {
        return new SessionFilesView(sessionId, store.of(sessionId).stream().map(f -> view(sessionId, f)).toList());
    }

    /** One whole file for its download (audited); 404 for anyone who may not see the session, 409 before it is whole. */
    public SessionFile downloadable(User user, String sessionId, String fileId) {
        access.visible(user, sessionId);
        SessionFile file = store.find(sessionId, fileId).orElseThrow(() ->
                Rejection.notFound("There is no file " + fileId + " in session " + sessionId + "."));
        if (!file.complete() || (file.direction() == Direction.FROM_CUSTOMER && file.status() != Status.RECEIVED)) {
            throw Rejection.of(ErrorCode.FILE_NOT_READY, "The server does not hold the whole of "
                    + (file.name() == null ? "this file" : file.name()) + " yet.");
        }
        audit.record(user.username(), AuditAction.FILE_DOWNLOADED, sessionId, Phrase.of("audit.fileDownloaded",
                "name", file.name(), "size", String.valueOf(file.size())));
        return file;
    }

    public void write(SessionFile file, OutputStream out) {
        store.copy(file.id(), file.pieces(), out);
    }

    private SessionFile uploading(String sessionId, String fileId) {
        SessionFile file = store.find(sessionId, fileId).orElseThrow(() ->
                Rejection.notFound("There is no file " + fileId + " in session " + sessionId + "."));
        if (file.direction() != Direction.TO_CUSTOMER || file.status() != Status.UPLOADING) {
            throw Rejection.of(ErrorCode.FILE_NOT_READY, "The server holds the whole of " + file.name()
                    + " already; it takes no more bytes.");
        }
        return file;
    }

    static SessionFileView view(String sessionId, SessionFile f) {
        boolean whole = f.complete() && (f.direction() == Direction.TO_CUSTOMER ? f.status() != Status.UPLOADING
                : f.status() == Status.RECEIVED);
        return new SessionFileView(f.id(), f.direction().wireName(), f.status().wireName(), f.name(), f.size(),
                f.sha256(), f.received(), f.technician(), Views.iso(f.createdAt()),
                f.finishedAt() == null ? null : Views.iso(f.finishedAt()),
                whole ? "/api/v1/sessions/" + sessionId + "/files/" + f.id() + "/content" : null);
    }
}
