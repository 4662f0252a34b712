package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Session recording end to end (issue 18.6): an administrator turns recording on for the portal in
 * the Management Center; `tandem device` is told before it shares and its notice says "recorded"; a
 * technician views and controls the virtual phone in Chromium; then the session's history page plays
 * the recording back with the Viewer's own decoder, and the frames it decodes at two moments are the
 * very pixels the live Viewer showed then.
 */
class RecordingBrowserTest {
    /** The Settings icon on the virtual phone's home screen (device module, Layout). */
    private static final int SETTINGS_ICON_X = 675;
    private static final int SETTINGS_ICON_Y = 1464;
    /** A hash of a canvas's size and pixels (FNV-1a over RGB); {@code empty} while noVNC has not sized it yet. */
    private static final String PIXELS = "c => { if (c.width === 0 || c.height === 0) return 'empty'; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            + " let h = 2166136261; for (let i = 0; i < d.length; i += 4) {"
            + " h ^= d[i] | (d[i + 1] << 8) | (d[i + 2] << 16); h = Math.imul(h, 16777619); }"
            + " return c.width + 'x' + c.height + ':' + (h >>> 0); }";

    static RunningServer server;
    static Chromium chromium;
    static Api tech;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        tech = server.technician("rita");
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
    }

    /** The canvas's pixels once they stopped changing (the same hash three times, 300 ms apart). */
    private static String steadyPixels(Locator canvas) throws InterruptedException {
        return steady(canvas).pixels();
    }

    /** A picture the live Viewer showed unchanged from {@code since} (browser time) on. */
    private record Steady(String pixels, long since) {
    }

    private static Steady steady(Locator canvas) throws InterruptedException {
        String last = null;
        long since = 0;
        int same = 0;
        for (int i = 0; i < 100; i++) {
            long at = browserNow(canvas.page());
            String now = (String) canvas.evaluate(PIXELS);
            // A canvas noVNC has not sized yet (no first update drawn) is no picture at all.
            same = now.equals(last) && !now.equals("empty") ? same + 1 : 0;
            if (same == 0) {
                since = at;
            }
            if (same == 2) {
                return new Steady(now, since);
            }
            last = now;
            Thread.sleep(300);
        }
        throw new AssertionError("The picture never settled");
    }

    /**
     * The recording's moment that shows {@code seen}, the picture the live Viewer showed steadily until
     * {@code until}. The recorder writes an update when the server relays it, and a loaded browser draws
     * it a little later (the Viewer also asks for its own frame size once laid out, so the first frames
     * change size): so the moments from a little before the picture was first seen until {@code until}
     * are tried, latest first. Pixels that equal the live ones exactly (a hash of 1080x2400 pixels) do
     * not match by chance.
     */
    private static String playbackShowing(Locator player, String seen, long since, long until, long start) {
        String shown = null;
        for (long at = until - start - 200; at >= Math.max(0, since - start - 2_000); at -= 250) {
            shown = playbackAt(player, at);
            if (shown.equals(seen)) {
                return shown;
            }
        }
        return shown;
    }

    private static long browserNow(Page page) {
        return ((Number) page.evaluate("() => Date.now()")).longValue();
    }

    /** Moves the player's timeline to {@code position} ms and waits until noVNC drew that moment. */
    private static String playbackAt(Locator player, long position) {
        player.locator("[data-testid=recording-timeline]").evaluate("(el, v) => { el.value = v;"
                + " el.dispatchEvent(new Event('input', { bubbles: true })); }", String.valueOf(position));
        assertThat(player).hasAttribute("data-drawn-at", String.valueOf(position));
        org.assertj.core.api.Assertions.assertThat(player.locator("[data-testid=recording-screen] canvas").count())
                .as("a viewer's screen at %d ms: %s", position, player.innerText()).isPositive();
        return (String) player.locator("[data-testid=recording-screen] canvas").first().evaluate(PIXELS);
    }

    /** What the recording holds, in short, for a failure's message: each record's kind, stream and time. */
    private static String recordsOf(String session) throws Exception {
        java.net.http.HttpResponse<byte[]> file = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/api/v1/sessions/" + session
                        + "/recording/file")).header("Authorization", "Bearer " + tech.token()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        StringBuilder out = new StringBuilder();
        for (dev.tandem.server.recordings.RecordingFile.Entry e : dev.tandem.server.recordings.RecordingFile.read(
                new java.io.ByteArrayInputStream(file.body())).entries()) {
            if (e.kind() != dev.tandem.server.recordings.RecordingFile.SCREEN || out.length() < 2000) {
                out.append(e.kind()).append('/').append(e.stream()).append('@').append(e.at()).append(' ');
            }
        }
        return out.toString();
    }

    @Test
    void theHistoryPagePlaysBackTheFramesTheViewerShowed() throws Exception {
        try (BrowserContext adminSide = chromium.context("en-US");
             BrowserContext techSide = chromium.context("en-US")) {
            // The administrator turns recording on for the default portal.
            Page admin = ConsoleSessionTest.signInAs(server, adminSide, "admin", RunningServer.ADMIN_PASSWORD);
            admin.locator("[data-testid=view-admin]").click();
            admin.locator("[data-testid=mc-nav-portals]").click();
            admin.locator("[data-testid=portal-row][data-slug=default] [data-testid=edit-portal]").click();
            Locator dialog = admin.locator("[data-testid=portal-dialog]");
            dialog.locator("input[name=recordSessions]").check();
            dialog.locator("[data-testid=save-portal]").click();
            assertThat(admin.locator("[data-testid=portal-row][data-slug=default] [data-testid=portal-recorded]"))
                    .hasText("Sessions are recorded");

            String session;
            String before;
            long beforeAt;
            long beforeSince;
            String after;
            try (DeviceProcess phone = DeviceProcess.start("--server", server.baseUrl(), "--code",
                    tech.createCode("recorded"), "--name", "Ana", "--language", "en", "--consent", "yes")) {
                session = phone.next("joined").get("session").asText();
                Page page = ConsoleSessionTest.signInAs(server, techSide, "rita", RunningServer.password("rita"));
                Locator viewer = ViewerBrowserTest.openViewer(page, session);

                JsonNode prompt = phone.next(e -> "prompt".equals(e.path("event").asText())
                        && "screen".equals(e.path("kind").asText()), "the screen prompt");
                assertThat(prompt.path("recorded").asBoolean()).as("told before sharing").isTrue();
                assertThat(prompt.path("text").asText()).contains("recorded");
                JsonNode sharing = phone.next(e -> "sharing".equals(e.path("event").asText())
                        && e.path("screen").asBoolean(), "sharing");
                assertThat(sharing.path("recorded").asBoolean()).isTrue();
                assertThat(sharing.path("notice").asText()).contains("recorded");
                assertThat(viewer.locator("[data-testid=recording-status]")).hasAttribute("data-status", "recording");

                Locator canvas = viewer.locator("canvas").first();
                Steady home = steady(canvas);
                before = home.pixels();
                beforeSince = home.since();
                beforeAt = browserNow(page);

                viewer.locator("[data-testid=toggle-control]").click();
                assertThat(viewer).hasAttribute("data-control", "granted");
                ViewerBrowserTest.tap(page, canvas, SETTINGS_ICON_X, SETTINGS_ICON_Y);
                for (int i = 0; i < 50 && steadyPixels(canvas).equals(before); i++) {
                    Thread.sleep(100);
                }
                after = steadyPixels(canvas);
                assertThat(after).as("the tap opened Settings on the phone").isNotEqualTo(before);
                tech.post("/api/v1/sessions/" + session + "/end", "").expect(200);
                phone.next("ended");
            }

            for (int i = 0; i < 100 && tech.get("/api/v1/sessions/" + session + "/recording").json()
                    .path("endedAt").isNull(); i++) {
                Thread.sleep(100);
            }
            admin.navigate(server.baseUrl() + "/#/admin/history/" + session);
            Locator player = admin.locator("[data-testid=recording-player]");
            player.locator("[data-testid=recording-play]").click();
            assertThat(player.locator("[data-testid=recording-play]")).hasText("Pause");
            player.locator("[data-testid=recording-play]").click();
            assertThat(player.locator("[data-testid=recording-play]")).hasText("Play");
            long start = Long.parseLong(player.getAttribute("data-start"));
            long duration = Long.parseLong(player.getAttribute("data-duration"));
            assertThat(duration).isGreaterThan(0);

            String records = recordsOf(session);
            System.out.println("RecordingBrowserTest: start " + start + ", duration " + duration + ", before at "
                    + beforeAt + "; " + records);

            // Just before the tap the Viewer showed the home screen; at the end, Settings.
            assertThat(playbackShowing(player, before, beforeSince, beforeAt, start)).isEqualTo(before);
            assertThat(playbackAt(player, duration)).isEqualTo(after);
            // Back again: the decoder replays from the start and draws the same home screen.
            assertThat(playbackShowing(player, before, beforeSince, beforeAt, start)).isEqualTo(before);
            assertThat(player.locator("[data-testid=recording-transcript]"))
                    .containsText("This session is being recorded");
            player.locator("[data-testid=recording-speed]").selectOption("4");
            assertThat(player.locator("[data-testid=recording-speed]")).hasValue("4");

            admin.locator("[data-testid=mc-nav-settings]").click();
            assertThat(admin.locator("[data-testid=recordings-used]")).containsText(" of ");
            JsonNode audit = server.admin().get("/api/v1/audit?session=" + session).expect(200).json();
            assertThat(audit.findValuesAsText("action")).contains("recording.started", "recording.stopped",
                    "recording.played");
        }
    }
}
