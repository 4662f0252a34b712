package dev.tandem.android.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.app.Activity;
import android.app.AlertDialog;
import android.app.Application;
import android.content.Intent;
import android.net.Uri;
import android.provider.MediaStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.agent.ServerAddress;
import dev.tandem.android.TandemApplication;
import dev.tandem.android.session.ActiveSession;
import dev.tandem.android.testing.MainLooper;
import dev.tandem.android.testing.RealServer;
import dev.tandem.protocol.SessionCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.shadows.ShadowAlertDialog;
import org.robolectric.shadows.ShadowContentResolver;

/**
 * Files both ways in the app, against the real server (docs/files.md): the technician's file is
 * saved into MediaStore.Downloads only after the customer taps Save, byte for byte; asked for a
 * file, the customer picks one in the system's picker (ACTION_OPEN_DOCUMENT) and exactly that
 * document reaches the technician.
 */
@RunWith(RobolectricTestRunner.class)
public class FilesInTheAppTest {
    private static RealServer server;

    @BeforeClass
    public static void startServer() throws Exception {
        org.robolectric.shadows.ShadowLog.stream = System.out; // the agent's warnings, in the report
        server = RealServer.start();
    }

    @AfterClass
    public static void stopServer() throws Exception {
        server.close();
    }

    /** Joins with a new code and opens the chat; the session's id. */
    private static String joined(ActivityController<ChatActivity>[] opened) throws Exception {
        String code = server.post("/api/v1/codes", "{}", 201).get("code").asText();
        Application app = RuntimeEnvironment.getApplication();
        ActiveSession session = TandemApplication.session(app);
        session.join(ServerAddress.parse(server.baseUrl()), SessionCode.parse(code).orElseThrow(), "Ana");
        MainLooper.runUntil("the welcome", () -> session.phase() == ActiveSession.Phase.JOINED);
        opened[0] = Robolectric.buildActivity(ChatActivity.class).setup();
        return server.get("/api/v1/sessions?status=active").get(0).get("id").asText();
    }

    @Test
    public void theTechniciansFileIsSavedToDownloadsOnlyAfterSave() throws Exception {
        @SuppressWarnings("unchecked")
        ActivityController<ChatActivity>[] opened = new ActivityController[1];
        String id = joined(opened);
        ChatActivity chat = opened[0].get();
        try {
            byte[] manual = new byte[100_000];
            new Random(5).nextBytes(manual);
            String file = server.post("/api/v1/sessions/" + id + "/files", "{\"name\":\"manual.pdf\",\"size\":"
                    + manual.length + ",\"sha256\":\"" + sha256(manual) + "\"}", 201).get("id").asText();
            server.put("/api/v1/sessions/" + id + "/files/" + file + "/parts/0", manual, 200);
            // MediaStore is Robolectric's resolver: an insert answers <table>/<n>, and what is written to
            // that item goes to the stream registered for it (n counts the inserts of the resolver the
            // app's session holds, so every likely n is registered).
            ShadowContentResolver media = shadowOf(chat.getContentResolver());
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            for (int n = 1; n <= 200; n++) {
                media.registerOutputStream(Uri.withAppendedPath(MediaStore.Downloads.EXTERNAL_CONTENT_URI, String.valueOf(n)),
                        saved);
            }
            server.post("/api/v1/sessions/" + id + "/file-offers", "{\"file\":\"" + file + "\"}", 202);

            MainLooper.runUntil("the offer", () -> ShadowAlertDialog.getLatestAlertDialog() != null
                    && ShadowAlertDialog.getLatestAlertDialog().isShowing()
                    && shadowOf(ShadowAlertDialog.getLatestAlertDialog()).getMessage().toString().contains("manual.pdf"));
            AlertDialog offer = ShadowAlertDialog.getLatestAlertDialog();
            assertThat(shadowOf(offer).getMessage().toString()).contains("wants to send you the file manual.pdf")
                    .contains("Save it to Downloads?");
            assertThat(media.getInsertStatements()).as("nothing saved before Save").isEmpty();
            offer.getButton(AlertDialog.BUTTON_POSITIVE).performClick();
            shadowOf(android.os.Looper.getMainLooper()).idle(); // the dialog posts its button's click

            awaitStatus(id, file, "saved");
            assertThat(saved.toByteArray()).isEqualTo(manual);
            ShadowContentResolver.InsertStatement insert = media.getInsertStatements().get(0);
            assertThat(insert.getUri()).isEqualTo(MediaStore.Downloads.EXTERNAL_CONTENT_URI);
            assertThat(insert.getContentValues().getAsString(MediaStore.MediaColumns.DISPLAY_NAME)).isEqualTo("manual.pdf");
            assertThat(insert.getContentValues().getAsInteger(MediaStore.MediaColumns.IS_PENDING)).as("hidden while written")
                    .isEqualTo(1);
        } finally {
            opened[0].pause().stop().destroy();
        }
    }

    @Test
    public void theDocumentTheCustomerPicksIsSentAndNothingElse() throws Exception {
        @SuppressWarnings("unchecked")
        ActivityController<ChatActivity>[] opened = new ActivityController[1];
        String id = joined(opened);
        ChatActivity chat = opened[0].get();
        try {
            String asked = server.post("/api/v1/sessions/" + id + "/file-requests", "", 201).get("id").asText();
            MainLooper.runUntil("the request", () -> ShadowAlertDialog.getLatestAlertDialog() != null
                    && ShadowAlertDialog.getLatestAlertDialog().isShowing()
                    && shadowOf(ShadowAlertDialog.getLatestAlertDialog()).getMessage().toString().contains("pick a file"));
            ShadowAlertDialog.getLatestAlertDialog().getButton(AlertDialog.BUTTON_POSITIVE).performClick();
            shadowOf(android.os.Looper.getMainLooper()).idle(); // the dialog posts its button's click

            Intent picker = null;
            for (org.robolectric.shadows.ShadowActivity.IntentForResult started = shadowOf(chat).getNextStartedActivityForResult();
                 started != null && picker == null; started = shadowOf(chat).getNextStartedActivityForResult()) {
                if (Intent.ACTION_OPEN_DOCUMENT.equals(started.intent.getAction())) {
                    picker = started.intent; // the first one may be the notification permission's question
                }
            }
            assertThat(picker).as("the system picker was opened").isNotNull();
            assertThat(picker.getAction()).isEqualTo(Intent.ACTION_OPEN_DOCUMENT);
            assertThat(picker.getCategories()).contains(Intent.CATEGORY_OPENABLE);
            byte[] report = new byte[70_000];
            new Random(6).nextBytes(report);
            Uri document = Uri.parse("content://com.android.providers.downloads.documents/document/report.txt");
            shadowOf(chat.getContentResolver()).registerInputStream(document, new ByteArrayInputStream(report));
            shadowOf(chat).receiveResult(picker, Activity.RESULT_OK, new Intent().setData(document));

            awaitStatus(id, asked, "received");
            assertThat(server.bytes("/api/v1/sessions/" + id + "/files/" + asked + "/content")).isEqualTo(report);
            assertThat(file(id, asked).get("name").asText()).isEqualTo("report.txt");
        } finally {
            opened[0].pause().stop().destroy();
        }
    }

    /** Waits for the file's status; a failure says what the customer was told and where the file stood. */
    private static void awaitStatus(String session, String file, String wanted) {
        try {
            MainLooper.runUntil(wanted, () -> status(session, file).equals(wanted));
        } catch (AssertionError e) {
            throw new AssertionError("The file never became " + wanted + ": " + file(session, file)
                    + "; the phone's latest notice: " + org.robolectric.shadows.ShadowToast.getTextOfLatestToast(), e);
        }
    }

    private static JsonNode file(String session, String file) {
        try {
            for (JsonNode f : server.get("/api/v1/sessions/" + session + "/files").get("files")) {
                if (f.get("id").asText().equals(file)) {
                    return f;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no file " + file);
    }

    private static String status(String session, String file) {
        return file(session, file).get("status").asText();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
