package dev.tandem.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.stream.StreamFrame;
import dev.tandem.server.domain.Portal;
import dev.tandem.server.recordings.RecordingFile;
import dev.tandem.server.recordings.Recordings;
import dev.tandem.server.store.RecordingStore;
import dev.tandem.server.testing.SettableClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session recording (issue 18.6) through the screen relay of one live session on a real database:
 * the portal records, so the customer is told first, and what the relay passes (the phone's bytes to
 * the viewer, the viewer's input to the phone, streams opening and closing) is stored in order with
 * times that never go back, and read back through the export format. A writer that falls behind drops
 * the recording, never the live stream, and gives every lent buffer back; the storage limit keeps new
 * recordings from starting and the technician sees why.
 */
class ScreenRecordingTest {
    @TempDir
    Path data;
    private OneSession one;
    private ScreenSharing screens;
    private RecordingStore store;
    private Recordings recordings;
    private final SettableClock clock = new SettableClock();
    private final ScheduledExecutorService writers = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger limitMegabytes = new AtomicInteger(100);

    @BeforeEach
    void open() throws Exception {
        one = new OneSession(data);
        store = new RecordingStore(one.database);
        recordings = new Recordings(store, limitMegabytes::get, one.audit, clock, "node-a", 1 << 20, writers);
        screens = new ScreenSharing(one.sessions, one.portals, one.events, one.audit, one.sessionStore, recordings);
        one.open(screens, true);
        Portal p = one.portals.findBySlug("help").orElseThrow();
        one.portals.update(new Portal(p.id(), p.slug(), p.name(), p.language(), p.askBeforeScreenSharing(),
                p.askBeforeDiagnostics(), p.allowChatRequests(), p.codeLifetimeMinutes(), p.maxLiveCodes(),
                p.welcomeText(), p.brandColor(), p.requestTimeoutMinutes(), p.surveyAfterSession(), true));
    }

    @AfterEach
    void close() {
        writers.shutdownNow();
        one.close();
    }

    private ViewerLink sharedWithControl(RecordingOutlet viewer) throws Exception {
        screens.request(one.technician, one.id, true);
        for (JsonNode prompt : one.phone.of("prompt")) {
            one.phoneSays(new AgentMessage.Answer(prompt.path("id").asText(), true));
        }
        return screens.attachViewer(one.technician, one.id, viewer);
    }

    /** Passes {@code bytes} from the phone to the viewer as the agent socket does; counts the lent buffers given back. */
    private void phoneSends(ViewerLink viewer, byte[] bytes, AtomicInteger returned) {
        ByteBuffer lent = ByteBuffer.allocateDirect(bytes.length);
        lent.put(bytes).flip();
        StreamFrame frame;
        try {
            frame = StreamFrame.decode(StreamFrame.encode(viewer.stream(), lent));
        } catch (dev.tandem.protocol.ProtocolException e) {
            throw new AssertionError(e);
        }
        assertThat(screens.streamBytes(one.sessions.live(one.id), frame, returned::incrementAndGet)).isTrue();
    }

    private RecordingFile.Contents exported() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        recordings.export(one.id, "{\"format\":1}", out);
        return RecordingFile.read(new ByteArrayInputStream(out.toByteArray()));
    }

    private void awaitWriters() throws InterruptedException {
        // The writer stores a chunk a second after the last record; the session's end stores it at once.
        CountDownLatch idle = new CountDownLatch(1);
        writers.execute(idle::countDown);
        assertThat(idle.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theCustomerIsToldFirstAndTheRelayedBytesInputAndStreamsAreRecordedInOrder() throws Exception {
        RecordingOutlet viewer = new RecordingOutlet();
        ViewerLink link = sharedWithControl(viewer);

        JsonNode screenPrompt = one.phone.of("prompt").get(0);
        assertThat(screenPrompt.path("recorded").asBoolean()).isTrue();
        assertThat(screenPrompt.path("text").asText()).contains("recorded");
        assertThat(one.phone.of("prompt").get(1).has("recorded")).as("control adds nothing new").isFalse();
        assertThat(one.console.of("message")).extracting(m -> m.path("message").path("key").asText())
                .contains("event.recordingStarted");
        assertThat(screens.status(one.technician, one.id).recording()).isEqualTo("recording");

        byte[] handshake = concat("RFB 003.008\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                new byte[] {1, 1}); // the viewer's version, security type None, ClientInit (shared)
        screens.viewerBytes(link, ByteBuffer.wrap(handshake));
        AtomicInteger returned = new AtomicInteger();
        byte[] first = pattern(1, 60_000);
        byte[] second = pattern(2, 13);
        one.sessions.live(one.id).loop.call(() -> null);
        phoneSends(link, first, returned);
        clock.advance(Duration.ofMillis(40));
        byte[] pointer = {5, 1, 0, 10, 0, 20}; // RFB PointerEvent: button 1 at (10, 20)
        screens.viewerBytes(link, ByteBuffer.wrap(pointer));
        one.sessions.live(one.id).loop.call(() -> null); // the input goes to the phone on the session's loop
        clock.freeze();
        clock.advance(Duration.ofSeconds(-5)); // a clock stepped back must not put a record before the last
        phoneSends(link, second, returned);
        screens.viewerClosed(link);
        one.sessions.live(one.id).loop.call(() -> null);
        one.sessions.endByTechnician(one.technician, one.id);
        awaitWriters();
        awaitWriters();

        assertThat(returned.get()).as("every lent buffer goes back once").isEqualTo(2);
        List<RecordingFile.Entry> entries = exported().entries();
        assertThat(entries).extracting(RecordingFile.Entry::kind).containsExactly(RecordingFile.OPENED,
                RecordingFile.INPUT, RecordingFile.SCREEN, RecordingFile.INPUT, RecordingFile.SCREEN,
                RecordingFile.CLOSED);
        assertThat(entries).extracting(RecordingFile.Entry::stream).containsOnly(link.stream());
        assertThat(entries.get(1).bytes()).isEqualTo(handshake);
        assertThat(entries.get(2).bytes()).isEqualTo(first);
        assertThat(entries.get(3).bytes()).isEqualTo(pointer);
        assertThat(entries.get(4).bytes()).isEqualTo(second);
        List<Long> times = entries.stream().map(RecordingFile.Entry::at).toList();
        assertThat(times).isSorted();
        assertThat(times.get(3) - times.get(2)).isGreaterThanOrEqualTo(40);
        RecordingStore.Part part = store.parts(one.id).get(0);
        assertThat(part.endedAt()).isNotNull();
        assertThat(part.incomplete()).isNull();
        assertThat(part.bytes()).isEqualTo(entries.stream().mapToLong(e -> RecordingFile.HEAD + e.bytes().length).sum());
        assertThat(viewer.binary()).as("the viewer got the bytes unchanged").isEqualTo(concat(first, second));
    }

    @Test
    void aWriterThatFallsBehindDropsTheRecordingNeverTheScreenAndGivesEveryBufferBack() throws Exception {
        RecordingOutlet viewer = new RecordingOutlet();
        ViewerLink link = sharedWithControl(viewer);
        awaitWriters(); // the stream's opening is written before the writer is held up
        CountDownLatch release = new CountDownLatch(1);
        writers.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        AtomicInteger returned = new AtomicInteger();
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // 40 x 60 KB: well past the 1 MiB the writer may have queued
            byte[] bytes = pattern(i, 60_000);
            sent.add(bytes);
            phoneSends(link, bytes, returned);
        }
        assertThat(returned.get()).as("queued buffers go back when the recording drops").isEqualTo(40);
        assertThat(screens.status(one.technician, one.id).recording()).isEqualTo("stopped");
        assertThat(viewer.binary()).as("the live stream lost nothing").isEqualTo(concat(sent.toArray(byte[][]::new)));

        release.countDown();
        one.sessions.endByTechnician(one.technician, one.id);
        awaitWriters();
        awaitWriters();
        RecordingStore.Part part = store.parts(one.id).get(0);
        assertThat(part.incomplete()).isEqualTo("behind");
        assertThat(exported().entries()).extracting(RecordingFile.Entry::kind)
                .as("what came before the drop (the stream's opening) stays").containsExactly(RecordingFile.OPENED);
    }

    @Test
    void noRecordingStartsPastTheStorageLimitAndTheTechnicianSeesWhy() throws Exception {
        limitMegabytes.set(0);
        screens.request(one.technician, one.id, false);

        JsonNode prompt = one.phone.last("prompt");
        assertThat(prompt.has("recorded")).as("the customer is not told of a recording that does not happen").isFalse();
        assertThat(screens.status(one.technician, one.id).recording()).isEqualTo("limit");
        assertThat(store.parts(one.id)).isEmpty();
        assertThat(one.audit.store().find(dev.tandem.server.audit.AuditFilter.ofSession(one.id)))
                .extracting(dev.tandem.server.audit.AuditEntry::action).contains("recording.refused");
    }

    @Test
    void aRecordingThatReachesTheLimitStopsAndKeepsWhatItStored() throws Exception {
        limitMegabytes.set(1);
        RecordingOutlet viewer = new RecordingOutlet();
        ViewerLink link = sharedWithControl(viewer);
        AtomicInteger returned = new AtomicInteger();
        for (int i = 0; i < 30; i++) { // 30 x 60 KB is past 1 MiB
            phoneSends(link, pattern(i, 60_000), returned);
            awaitWriters();
        }
        one.sessions.endByTechnician(one.technician, one.id);
        awaitWriters();
        awaitWriters();

        assertThat(returned.get()).isEqualTo(30);
        RecordingStore.Part part = store.parts(one.id).get(0);
        assertThat(part.incomplete()).isEqualTo("limit");
        assertThat(part.bytes()).isGreaterThan(0).isLessThanOrEqualTo(1 << 20);
        assertThat(recordings.usedBytes()).isEqualTo(part.bytes());
    }

    private static byte[] pattern(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }
}
