package dev.tandem.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.server.ServerConfig.DatabaseSettings;
import dev.tandem.server.domain.Portal;
import dev.tandem.server.domain.Role;
import dev.tandem.server.domain.User;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.DiagnosticsStore;
import dev.tandem.server.store.LogVault;
import dev.tandem.server.store.PortalStore;
import dev.tandem.server.store.SessionStore;
import dev.tandem.server.store.UserStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Coverage-guided fuzzing of the log upload frames a phone sends ({@code logFile}, {@code logChunk},
 * {@code logEnd}) against the real {@link LogUploads} with a real database and file vault. Whatever
 * arrives, in whatever order: each refusal is a sentence that costs that upload only, no more than
 * {@value LogUploads#MAX_OPEN_PER_CONNECTION} uploads are ever open on the connection, and when it
 * drops nothing stays open and no partial file is left behind.
 */
class LogUploadFramesFuzzTest {
    private static final String SESSION = "s_fuzz";
    private static Path data;
    private static LogUploads uploads;
    private static LiveSession session;

    private static synchronized void prepare() throws Exception {
        if (uploads != null) {
            return;
        }
        data = Files.createTempDirectory("tandem-fuzz-logs");
        Database database = Database.open(DatabaseSettings.embedded(data));
        User owner = new UserStore(database).create("fuzz", "Fuzz", Role.TECHNICIAN, "x");
        Portal portal = new PortalStore(database).create(new Portal(0, "fuzz", "Fuzz", "en", false, true, true, 20, 8));
        Capabilities caps = new Capabilities(Capability.available(), Capability.available(), Capability.available(),
                Capability.available());
        DeviceInfo device = new DeviceInfo("samsung", "SM-S918B", "14", 34, "samsung");
        SessionStore sessions = new SessionStore(database);
        sessions.jdbi().useTransaction(h -> sessions.insert(h, SESSION, null, owner.id(), portal.id(), "Ana", device, caps,
                "hash", Instant.now()));
        uploads = new LogUploads(new DiagnosticsStore(database), new LogVault(data), Clock.systemUTC());
        session = new LiveSession(SESSION, owner.id(), "Fuzz", "en", "fuzz", "Ana", device, caps, 0, 0, Runnable::run);
    }

    @FuzzTest(maxDuration = "12s")
    void anyUploadFramesCostAtMostTheirOwnUpload(FuzzedDataProvider input) throws Exception {
        prepare();
        Map<String, LogUploads.Upload> open = new HashMap<>();
        Map<String, byte[]> declared = new HashMap<>();
        int frames = 0;
        while (input.remainingBytes() > 0 && frames++ < 64) {
            String upload = "u" + input.consumeInt(0, 6);
            LogUploads.Outcome outcome;
            String said = upload; // what of this frame a refusal may quote back
            switch (input.consumeInt(0, 2)) {
                case 0: {
                    byte[] content = input.consumeBytes(input.consumeInt(0, 3000));
                    declared.put(upload, content);
                    long size = input.consumeBoolean() ? content.length : input.consumeLong(-10, 30_000_000L);
                    String sha = input.consumeBoolean() ? sha256(content) : input.consumeString(70);
                    String name = input.consumeBoolean() ? "app" + frames + ".log" : input.consumeString(130);
                    said = upload + name + sha;
                    outcome = uploads.start(session, open, new AgentMessage.LogFile("p_fuzz", upload, name, size, sha));
                    break;
                }
                case 1: {
                    byte[] content = declared.getOrDefault(upload, new byte[0]);
                    int from = input.consumeInt(0, content.length);
                    byte[] piece = java.util.Arrays.copyOfRange(content, from, input.consumeInt(from, content.length));
                    String encoded = input.consumeBoolean() ? Base64.getEncoder().encodeToString(piece) : input.consumeString(200);
                    CRC32 crc = new CRC32();
                    crc.update(piece);
                    long crc32 = input.consumeBoolean() ? crc.getValue() : input.consumeLong();
                    said = upload + encoded;
                    outcome = uploads.chunk(session, open, new AgentMessage.LogChunk(upload, input.consumeLong(-2, 4),
                            encoded, crc32));
                    break;
                }
                default:
                    outcome = uploads.end(session, open, new AgentMessage.LogEnd(upload));
            }
            String quoted = said;
            outcome.refused().ifPresent(reason -> {
                assertThat(reason).isNotBlank();
                for (String javaName : new String[] {"java.", "Exception", "dev.tandem"}) {
                    if (!quoted.contains(javaName)) {
                        assertThat(reason).doesNotContain(javaName);
                    }
                }
            });
            assertThat(open.size()).isLessThanOrEqualTo(LogUploads.MAX_OPEN_PER_CONNECTION);
            assertThat(uploads.openUploads()).isLessThanOrEqualTo(LogUploads.MAX_OPEN_IN_ALL);
        }
        uploads.abandonAll(session, open);
        assertThat(uploads.openUploads()).isZero();
        try (Stream<Path> files = Files.walk(data.resolve("logs"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        } catch (java.nio.file.NoSuchFileException nothingStoredYet) {
            // no upload got as far as a file
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
