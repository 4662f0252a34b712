package dev.tandem.agent.files;

import dev.tandem.agent.logs.LogUpload;
import dev.tandem.protocol.Limits;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.FileFrames;
import dev.tandem.protocol.message.ServerMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files both ways, the phone's part of the protocol (docs/protocol.md section 1.12). Consent is
 * enforced here, whatever the server sends: no piece of an offer is fetched or kept before the
 * customer accepted it, and a request sends only the bytes the customer's picker handed over. The
 * server sends the offers and requests still open again after every welcome; each one is answered
 * from what this phone holds (the piece it needs next, the picked file again from the server's
 * {@code next} when the SHA-256 is the same), which is how both directions go on after a dropped
 * connection. Confined to the session's thread ({@code loop}); the customer's answers come from any
 * thread and are posted there.
 */
public final class FileExchange {
    private static final Logger log = LoggerFactory.getLogger(FileExchange.class);

    /** What the customer sees of files (the session's listener, on the session's thread). */
    public interface Events {
        void offered(FileOffer offer);

        void requested(FileRequest request);

        /** An accepted file is whole, verified and saved {@code where}. */
        void saved(String id, String name, String where);

        /** The picked file arrived whole at the server. */
        void sent(String id, String name);

        /** A file could not be saved or sent: {@code code} for programs, {@code reason} for people. */
        void failed(String id, String code, String reason);
    }

    /** A file offered to this phone. */
    private static final class Download {
        final FileFrames.FileOffer offer;
        FileSaver saver;
        ByteArrayOutputStream bytes;
        long next;
        boolean saving;

        Download(FileFrames.FileOffer offer) {
            this.offer = offer;
        }
    }

    private final Consumer<AgentMessage> transmit;
    private final Executor loop;
    private final Events events;
    private final Map<String, Download> downloads = new HashMap<>();
    private final Map<String, PickedFile> uploads = new HashMap<>();
    private final Set<String> shownRequests = new HashSet<>();
    private final Set<String> declined = new HashSet<>();

    /**
     * {@code transmit} sends to the server while the session is joined (and drops otherwise: the
     * server asks again after the next welcome); {@code loop} runs tasks on the session's thread.
     */
    public FileExchange(Consumer<AgentMessage> transmit, Executor loop, Events events) {
        this.transmit = transmit;
        this.loop = loop;
        this.events = events;
    }

    /** Takes a file frame from the server; false when {@code message} is none. On the session's thread. */
    public boolean received(ServerMessage message) {
        if (message instanceof FileFrames.FileOffer) {
            offered((FileFrames.FileOffer) message);
        } else if (message instanceof FileFrames.FileData) {
            data((FileFrames.FileData) message);
        } else if (message instanceof FileFrames.FileRequest) {
            requested((FileFrames.FileRequest) message);
        } else if (message instanceof FileFrames.FileStored) {
            stored(((FileFrames.FileStored) message).id);
        } else if (message instanceof FileFrames.FileRefused) {
            refused((FileFrames.FileRefused) message);
        } else {
            return false;
        }
        return true;
    }

    // ---- the customer's answers (any thread) -------------------------------------------------

    void accept(String id, FileSaver saver) {
        loop.execute(() -> {
            Download download = downloads.get(id);
            if (download == null || download.saver != null) {
                return;
            }
            download.saver = saver;
            download.bytes = new ByteArrayOutputStream((int) Math.min(download.offer.size, 1 << 20));
            transmit.accept(new FileFrames.FileAnswer(id, true));
            fetchNext(download);
        });
    }

    void decline(String id) {
        loop.execute(() -> {
            Download download = downloads.get(id);
            boolean offerOpen = download != null && download.saver == null;
            if (offerOpen || shownRequests.remove(id)) {
                if (offerOpen) {
                    downloads.remove(id);
                }
                declined.add(id);
                transmit.accept(new FileFrames.FileAnswer(id, false));
            }
        });
    }

    void send(String id, PickedFile file) {
        loop.execute(() -> {
            if (shownRequests.remove(id)) {
                uploads.put(id, file);
                transmit.accept(new FileFrames.FileAnswer(id, true));
                upload(id, file, 0);
            }
        });
    }

    // ---- the server's frames -----------------------------------------------------------------

    private void offered(FileFrames.FileOffer offer) {
        if (offer.id == null || offer.size < 0) {
            return;
        }
        if (declined.contains(offer.id)) {
            transmit.accept(new FileFrames.FileAnswer(offer.id, false)); // the answer was lost with a connection
            return;
        }
        Download known = downloads.get(offer.id);
        if (known == null) {
            if (offer.name == null || offer.name.contains("/") || offer.name.contains("\\") || offer.sha256 == null) {
                transmit.accept(new FileFrames.FileAnswer(offer.id, false));
                return;
            }
            Download download = new Download(offer);
            downloads.put(offer.id, download);
            events.offered(new FileOffer(offer.id, offer.name, offer.size, offer.from, this));
        } else if (known.saver != null && !known.saving) {
            // Sent again after a reconnect: go on from the piece this phone needs next.
            transmit.accept(new FileFrames.FileAnswer(offer.id, true));
            fetchNext(known);
        }
    }

    private void data(FileFrames.FileData piece) {
        Download download = downloads.get(piece.id);
        if (download == null || download.saver == null || download.saving || piece.index != download.next) {
            return; // not accepted (nothing is kept), or a piece fetched twice
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(piece.data == null ? "" : piece.data);
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        long expected = Math.min(Limits.LOG_CHUNK_BYTES, download.offer.size - download.next * Limits.LOG_CHUNK_BYTES);
        if (bytes == null || bytes.length != expected || crc32(bytes) != piece.crc32) {
            log.warn("Piece {} of file {} arrived damaged; fetching it again", piece.index, piece.id);
            fetchNext(download);
            return;
        }
        download.bytes.write(bytes, 0, bytes.length);
        download.next++;
        fetchNext(download);
    }

    /** Fetches the next piece, or, once every piece is here, verifies the whole and saves it. */
    private void fetchNext(Download download) {
        String id = download.offer.id;
        if (download.bytes.size() < download.offer.size) {
            transmit.accept(new FileFrames.FileFetch(id, download.next));
            return;
        }
        byte[] content = download.bytes.toByteArray();
        if (!LogUpload.sha256(content).equals(download.offer.sha256)) {
            // Every piece passed its CRC-32 but the whole does not match: start over once more from nothing.
            log.warn("File {} arrived whole but its SHA-256 does not match; downloading it again", id);
            download.bytes.reset();
            download.next = 0;
            events.failed(id, "file_damaged", download.offer.name + " arrived damaged; it is downloaded again.");
            transmit.accept(new FileFrames.FileFetch(id, 0));
            return;
        }
        download.saving = true;
        FileSaver saver = download.saver;
        Thread worker = new Thread(() -> {
            try {
                String where = saver.save(download.offer.name, content);
                loop.execute(() -> {
                    downloads.remove(id);
                    transmit.accept(new FileFrames.FileSaved(id));
                    events.saved(id, download.offer.name, where);
                });
            } catch (IOException | RuntimeException e) {
                loop.execute(() -> {
                    downloads.remove(id);
                    events.failed(id, "not_saved", download.offer.name + " could not be saved on this phone: "
                            + e.getMessage());
                });
            }
        }, "tandem-file-save");
        worker.setDaemon(true);
        worker.start();
    }

    private void requested(FileFrames.FileRequest request) {
        if (request.id == null) {
            return;
        }
        if (declined.contains(request.id)) {
            transmit.accept(new FileFrames.FileAnswer(request.id, false));
            return;
        }
        PickedFile picked = uploads.get(request.id);
        if (picked != null) {
            // Asked again after a reconnect: the server holds pieces up to 'next' of the file it was told of.
            long from = picked.sha256.equals(request.sha256) ? request.next : 0;
            upload(request.id, picked, from);
        } else if (shownRequests.add(request.id)) {
            events.requested(new FileRequest(request.id, request.from, this));
        }
    }

    private void upload(String id, PickedFile file, long from) {
        transmit.accept(new FileFrames.FileUpload(id, file.name, file.content.length, file.sha256));
        for (long index = Math.max(0, from); index * Limits.LOG_CHUNK_BYTES < file.content.length; index++) {
            int at = (int) (index * Limits.LOG_CHUNK_BYTES);
            byte[] piece = Arrays.copyOfRange(file.content, at, Math.min(file.content.length, at + Limits.LOG_CHUNK_BYTES));
            transmit.accept(new FileFrames.FileChunk(id, index, Base64.getEncoder().encodeToString(piece), crc32(piece)));
        }
        transmit.accept(new FileFrames.FileEnd(id));
    }

    private void stored(String id) {
        PickedFile file = uploads.remove(id);
        if (file != null) {
            events.sent(id, file.name);
        }
    }

    private void refused(FileFrames.FileRefused refusal) {
        Download download = downloads.get(refusal.id);
        if (download != null && !download.saving) {
            downloads.remove(refusal.id);
            events.failed(refusal.id, refusal.code, refusal.reason);
        } else if (uploads.remove(refusal.id) != null) {
            events.failed(refusal.id, refusal.code, refusal.reason);
        }
    }

    private static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
