package dev.tandem.android.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.content.Intent;
import android.view.View;
import android.widget.EditText;
import android.widget.TextView;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.android.R;
import dev.tandem.android.TandemApplication;
import dev.tandem.android.session.ActiveSession;
import dev.tandem.android.testing.MainLooper;
import dev.tandem.android.testing.RealServer;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.annotation.Config;

/**
 * "Ask for help" against the real server (in a child JVM), through the same request API the portal
 * page uses: the place in line live, the chat once a technician takes it, the follow-up offer after
 * the timeout, and the server's refusals in the customer's language.
 */
@RunWith(RobolectricTestRunner.class)
public class RequestActivityTest {
    private static RealServer server;

    @BeforeClass
    public static void startServer() throws Exception {
        server = RealServer.start();
    }

    @AfterClass
    public static void stopServer() throws Exception {
        server.close();
    }

    private static ActivityController<RequestActivity> open() {
        return Robolectric.buildActivity(RequestActivity.class).setup();
    }

    private static void fill(RequestActivity help, String portal, String name, String description) {
        ((EditText) help.findViewById(R.id.help_server)).setText(server.baseUrl());
        ((EditText) help.findViewById(R.id.help_portal)).setText(portal);
        ((EditText) help.findViewById(R.id.help_name)).setText(name);
        ((EditText) help.findViewById(R.id.help_description)).setText(description);
    }

    private static String text(RequestActivity help, int id) {
        return ((TextView) help.findViewById(id)).getText().toString();
    }

    /** The waiting request of {@code customer}, as technicians list it. */
    private static JsonNode waiting(String customer) throws Exception {
        for (JsonNode request : server.get("/api/v1/requests")) {
            if (request.path("name").asText().equals(customer)) {
                return request;
            }
        }
        return null;
    }

    @Test
    public void aRequestWaitsInLineLiveAndOpensTheChatWhenATechnicianTakesIt() throws Exception {
        ActivityController<RequestActivity> controller = open();
        RequestActivity help = controller.get();
        fill(help, "default", "Ana Pérez", "My Wi-Fi keeps dropping");
        help.findViewById(R.id.help_send).performClick();
        MainLooper.runUntil("the place in line", () -> text(help, R.id.help_position).contains("number 1 in line"));
        assertThat(help.findViewById(R.id.help_form).getVisibility()).isEqualTo(View.GONE);

        // Rotating keeps the place: the request is kept, the new screen watches it again.
        controller.recreate();
        RequestActivity turned = controller.get();
        MainLooper.runUntil("the place after rotating", () -> text(turned, R.id.help_position).contains("number 1"));

        JsonNode request = waiting("Ana Pérez");
        assertThat(request.path("description").asText()).isEqualTo("My Wi-Fi keeps dropping");
        String session = server.post("/api/v1/requests/" + request.path("id").asText() + "/accept", "", 200)
                .path("session").asText();

        MainLooper.runUntil("the chat to open", () -> {
            Intent next = shadowOf(turned).peekNextStartedActivity();
            return next != null && next.getComponent().getClassName().equals(ChatActivity.class.getName());
        });
        ActiveSession chat = TandemApplication.session(RuntimeEnvironment.getApplication());
        MainLooper.runUntil("the chat session", () -> chat.phase() == ActiveSession.Phase.JOINED
                && !chat.transcript().isEmpty());
        assertThat(chat.chatOnly()).isTrue();
        assertThat(chat.transcript().get(0).text).contains("My Wi-Fi keeps dropping");
        assertThat(chat.send("Hello, thanks for taking it")).isTrue();
        MainLooper.runUntil("the message on the server", () -> {
            try {
                return server.get("/api/v1/sessions/" + session + "/messages").toString()
                        .contains("Hello, thanks for taking it");
            } catch (Exception e) {
                return false;
            }
        });
        JsonNode view = server.get("/api/v1/sessions/" + session);
        assertThat(view.path("capabilities").path("screen").asBoolean()).isFalse();
        chat.leave();
        MainLooper.runUntil("the session to end", () -> chat.phase() == ActiveSession.Phase.OVER);
    }

    @Test
    public void anExpiredRequestOffersToLeaveAnEmailForTheTeam() throws Exception {
        RequestActivity help = open().get();
        fill(help, "default", "Luis", "The printer app crashes");
        help.findViewById(R.id.help_send).performClick();
        MainLooper.runUntil("the place in line", () -> text(help, R.id.help_position).contains("in line"));
        server.advance(11 * 60); // the default portal's requests wait 10 minutes
        MainLooper.runUntil("the follow-up offer", () -> help.findViewById(R.id.help_expired).getVisibility() == View.VISIBLE);
        assertThat(text(help, R.id.help_expired_text)).startsWith("No technician was free in time");

        ((EditText) help.findViewById(R.id.help_follow_up_email)).setText("luis@example.com");
        help.findViewById(R.id.help_follow_up).performClick();
        MainLooper.runUntil("the thanks", () -> text(help, R.id.help_expired_text)
                .equals("Thank you. The team will write to luis@example.com."));
    }

    @Test
    @Config(qualifiers = "es")
    public void theServersRefusalsAreShownInTheCustomersLanguage() {
        RequestActivity help = open().get();
        fill(help, "default", "Marta", "");
        help.findViewById(R.id.help_send).performClick();
        MainLooper.runUntil("the refusal", () -> help.findViewById(R.id.help_error).getVisibility() == View.VISIBLE);
        assertThat(text(help, R.id.help_error)).isEqualTo("Describa con qué necesita ayuda.");

        fill(help, "no-such-portal", "Marta", "Ayuda");
        help.findViewById(R.id.help_send).performClick();
        MainLooper.runUntil("the next refusal", () -> text(help, R.id.help_error).startsWith("No hay ningún portal"));

        fill(help, "https://x/not-a-portal", "Marta", "Ayuda");
        help.findViewById(R.id.help_send).performClick();
        assertThat(text(help, R.id.help_error)).isEqualTo("Escriba el nombre del portal de asistencia o pegue su enlace.");
    }

    @Test
    public void cancellingLeavesTheLineAndShowsTheFormAgain() throws Exception {
        RequestActivity help = open().get();
        fill(help, "default", "Rosa", "Cannot send photos");
        help.findViewById(R.id.help_send).performClick();
        MainLooper.runUntil("the place in line", () -> text(help, R.id.help_position).contains("in line"));
        help.findViewById(R.id.help_cancel).performClick();
        MainLooper.runUntil("the form", () -> help.findViewById(R.id.help_form).getVisibility() == View.VISIBLE);
        assertThat(text(help, R.id.help_error)).isEqualTo("You cancelled your request.");
        assertThat(waiting("Rosa")).isNull();
    }
}
