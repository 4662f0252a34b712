package dev.tandem.android.session;

import android.content.ContentResolver;
import android.net.Uri;
import android.os.Handler;
import dev.tandem.agent.files.FileOffer;
import dev.tandem.agent.files.FileRequest;
import dev.tandem.agent.files.FileSaver;
import dev.tandem.android.files.PickedDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Files both ways as the chat screen shows them (docs/files.md): the technician's offers waiting for
 * the customer's Save or Decline, the requests waiting for a pick in the system's picker, and the
 * last thing that became of a file (saved, sent, failed) for a short notice. Saving goes to
 * Downloads through {@code saver} only after the customer's Save; sending reads only the document
 * the picker returned.
 *
 * <p>Threading: state is read and changed on the main thread; reading a picked document runs on a
 * thread of its own.
 */
public final class SessionFiles {
    /** What became of the latest file, for a notice: which way, its name, and a reason when it failed. */
    public static final class Outcome {
        public enum Kind { SAVED, SENT, FAILED }

        public final Kind kind;
        public final String name;
        public final String reason;

        Outcome(Kind kind, String name, String reason) {
            this.kind = kind;
            this.name = name;
            this.reason = reason;
        }
    }

    /** The largest file the app reads for sending (the server's default limit; it refuses larger ones too). */
    public static final long MAX_PICKED_BYTES = 20L * 1024 * 1024;
    private final Handler main;
    private final Runnable changed;
    private final FileSaver saver;
    private final List<FileOffer> offers = new ArrayList<>();
    private final List<FileRequest> requests = new ArrayList<>();
    private ExecutorService reader;
    private Outcome latest;

    SessionFiles(Handler main, Runnable changed, FileSaver saver) {
        this.main = main;
        this.changed = changed;
        this.saver = saver;
    }

    public List<FileOffer> offers() {
        return Collections.unmodifiableList(offers);
    }

    public List<FileRequest> requests() {
        return Collections.unmodifiableList(requests);
    }

    /** The latest outcome not yet shown, taken once. */
    public Outcome takeOutcome() {
        Outcome taken = latest;
        latest = null;
        return taken;
    }

    /** The customer tapped Save: the file is downloaded, checked and saved in Downloads. */
    public void accept(FileOffer offer) {
        if (offers.remove(offer)) {
            offer.accept(saver);
            changed.run();
        }
    }

    public void decline(FileOffer offer) {
        if (offers.remove(offer)) {
            offer.decline();
            changed.run();
        }
    }

    public void decline(FileRequest request) {
        if (requests.remove(request)) {
            request.decline();
            changed.run();
        }
    }

    /** The picker returned {@code document}: it is read (off the main thread) and sent. */
    public void send(FileRequest request, ContentResolver resolver, Uri document) {
        if (!requests.remove(request)) {
            return;
        }
        changed.run();
        readerThread().execute(() -> {
            try {
                PickedDocument picked = PickedDocument.read(resolver, document, MAX_PICKED_BYTES);
                request.send(picked.name(), picked.content());
            } catch (IOException | RuntimeException e) {
                main.post(() -> {
                    requests.add(request); // the customer may pick another one
                    finished(new Outcome(Outcome.Kind.FAILED, "", e.getMessage()));
                });
            }
        });
    }

    // ---- from the session's listener, on the main thread ----

    void offered(FileOffer offer) {
        offers.add(offer);
        changed.run();
    }

    void requested(FileRequest request) {
        requests.add(request);
        changed.run();
    }

    void finished(Outcome outcome) {
        latest = outcome;
        changed.run();
    }

    /** The session is over: nothing is waiting any more. */
    void reset() {
        offers.clear();
        requests.clear();
        latest = null;
        if (reader != null) {
            reader.shutdown();
            reader = null;
        }
    }

    private ExecutorService readerThread() {
        if (reader == null) {
            reader = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "tandem-picked-file");
                thread.setDaemon(true);
                return thread;
            });
        }
        return reader;
    }
}
