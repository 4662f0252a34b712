package dev.tandem.device.cli;

import dev.tandem.agent.files.FileOffer;
import dev.tandem.agent.files.FileRequest;
import dev.tandem.agent.files.FileSaver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files both ways for the customer at the virtual phone (docs/files.md): offers and requests become
 * {@code fileOffered} and {@code fileRequested} events, and wait for {@code /accept-file ID},
 * {@code /decline-file ID} or {@code /send-file ID PATH} on stdin. Only the one path the customer
 * typed is read. Thread-safe: offers and requests sit in concurrent maps between the session's
 * thread and the stdin reader's.
 */
final class CustomerFiles {
    private final CustomerEvents events;
    private final FileSaver downloads;
    private final Map<String, FileOffer> offers = new ConcurrentHashMap<>();
    private final Map<String, FileRequest> requests = new ConcurrentHashMap<>();

    CustomerFiles(CustomerEvents events, FileSaver downloads) {
        this.events = events;
        this.downloads = downloads;
    }

    /** A stdin command of files; false when {@code words[0]} is none. */
    boolean command(String[] words) {
        switch (words[0].toLowerCase(java.util.Locale.ROOT)) {
            case "/accept-file" -> {
                FileOffer offer = offers.remove(id(words));
                if (offer == null) {
                    events.error("There is no file offer " + id(words) + " to accept.");
                } else {
                    offer.accept(downloads);
                }
            }
            case "/decline-file" -> {
                FileOffer offer = offers.remove(id(words));
                FileRequest request = offer == null ? requests.remove(id(words)) : null;
                if (offer != null) {
                    offer.decline();
                } else if (request != null) {
                    request.decline();
                } else {
                    events.error("There is no file offer or request " + id(words) + " to decline.");
                }
            }
            case "/send-file" -> send(words);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void send(String[] words) {
        if (words.length < 3) {
            events.error("Send a file with /send-file ID PATH (the id of the technician's request, then the file).");
            return;
        }
        FileRequest request = requests.get(words[1]);
        if (request == null) {
            events.error("There is no file request " + words[1] + ": the technician asks with Ask for a file.");
            return;
        }
        Path path = Path.of(words[2].strip());
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (IOException | RuntimeException e) {
            events.error("Cannot read " + path + ": " + e.getMessage());
            return;
        }
        if (requests.remove(words[1], request)) {
            request.send(path.getFileName().toString(), content);
        }
    }

    private static String id(String[] words) {
        return words.length > 1 ? words[1] : "";
    }

    // ---- session events, on the session's thread ----

    void offered(FileOffer offer) {
        offers.put(offer.id(), offer);
        events.fileOffered(offer.id(), offer.name(), offer.size(), offer.from());
    }

    void requested(FileRequest request) {
        requests.put(request.id(), request);
        events.fileRequested(request.id(), request.from());
    }

    void saved(String id, String name, String where) {
        events.fileSaved(id, name, where);
    }

    void sent(String id, String name) {
        events.fileSent(id, name);
    }

    void failed(String id, String code, String reason) {
        events.fileFailed(id, code, reason);
    }
}
