package dev.tandem.android.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.content.Intent;
import android.net.Uri;
import android.view.View;
import android.widget.Button;
import android.widget.EditText;
import android.widget.TextView;
import dev.tandem.android.R;
import dev.tandem.android.testing.MainLooper;
import dev.tandem.android.testing.ScriptedServer;
import dev.tandem.protocol.message.AgentMessage;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;

@RunWith(RobolectricTestRunner.class)
public class JoinActivityTest {

    private static JoinActivity open(String link) {
        Intent intent = link == null ? new Intent(Intent.ACTION_MAIN) : new Intent(Intent.ACTION_VIEW, Uri.parse(link));
        return Robolectric.buildActivity(JoinActivity.class, intent).setup().get();
    }

    private static String text(JoinActivity activity, int id) {
        return ((TextView) activity.findViewById(id)).getText().toString();
    }

    @Test
    public void httpsJoinLinkFillsInTheCodeAndTheServer() {
        JoinActivity join = open("https://help.example.org/join/123456789");
        assertThat(text(join, R.id.code)).isEqualTo("123 456 789");
        assertThat(text(join, R.id.server)).isEqualTo("https://help.example.org");
    }

    @Test
    public void appLinkFillsInTheCodeAndKeepsTheServerTheAppWasBuiltFor() {
        JoinActivity join = open("tandem://join/987654321");
        assertThat(text(join, R.id.code)).isEqualTo("987 654 321");
        assertThat(text(join, R.id.server)).isEqualTo(join.getString(R.string.default_server)).startsWith("https://");
    }

    @Test
    public void aLinkWithAWrongCodeSaysWhatToType() {
        JoinActivity join = open("tandem://join/12345");
        assertThat(join.findViewById(R.id.error).getVisibility()).isEqualTo(View.VISIBLE);
        assertThat(text(join, R.id.error)).isEqualTo("Type the nine-digit code your technician gave you.");
    }

    @Test
    public void joiningWithoutANameAsksForIt() {
        JoinActivity join = open("tandem://join/123456789");
        join.findViewById(R.id.join).performClick();
        assertThat(text(join, R.id.error)).isEqualTo("Type your name so the technician can greet you.");
    }

    @Test
    public void joinSessionIntroducesThePhoneAndOpensTheChat() throws Exception {
        try (ScriptedServer server = ScriptedServer.welcoming()) {
            JoinActivity join = open("tandem://join/123456789");
            ((EditText) join.findViewById(R.id.server)).setText(server.url());
            ((EditText) join.findViewById(R.id.name)).setText("Ana");
            join.findViewById(R.id.join).performClick();

            AgentMessage.Hello hello = server.next(AgentMessage.Hello.class);
            assertThat(hello.code).isEqualTo("123456789");
            assertThat(hello.customerName).isEqualTo("Ana");
            assertThat(hello.device.profile).isEqualTo("android");
            assertThat(hello.capabilities.chat.available).isTrue();
            MainLooper.runUntil("the chat to open", () -> {
                Intent next = shadowOf(join).peekNextStartedActivity();
                return next != null && next.getComponent().getClassName().equals(ChatActivity.class.getName());
            });
        }
    }

    @Test
    public void aRefusedCodeIsExplainedInTheServersWords() throws Exception {
        try (ScriptedServer server = ScriptedServer.refusing(4004)) {
            JoinActivity join = open("tandem://join/123456789");
            ((EditText) join.findViewById(R.id.server)).setText(server.url());
            ((EditText) join.findViewById(R.id.name)).setText("Ana");
            join.findViewById(R.id.join).performClick();
            MainLooper.runUntil("the refusal", () -> join.findViewById(R.id.error).getVisibility() == View.VISIBLE);
            assertThat(text(join, R.id.error)).isEqualTo("That code does not exist. Check the nine digits.");
            assertThat(((Button) join.findViewById(R.id.join)).isEnabled()).isTrue();
        }
    }

    @Test
    @Config(qualifiers = "es")
    public void theJoinScreenSpeaksSpanishOnASpanishPhone() {
        JoinActivity join = open(null);
        assertThat(text(join, R.id.join)).isEqualTo("Unirse a la sesión");
        join.findViewById(R.id.join).performClick();
        assertThat(text(join, R.id.error)).isEqualTo("Escriba el código de nueve dígitos que le dio su técnico.");
    }

    @Test
    public void anInviteToTheAppLinkResumesThatSessionWithTheLinksTokenAndThePhonesCapabilities() throws Exception {
        rememberName("Ana");
        try (ScriptedServer server = ScriptedServer.welcoming()) {
            JoinActivity join = open(server.url() + "/join/app/s_Hk3mZ9pQ2xR7tW4v/Zm9yLXRoZS1hcHAtb25jZS1vbmx5");
            assertThat(text(join, R.id.server)).isEqualTo(server.url());

            AgentMessage.Hello hello = server.next(AgentMessage.Hello.class);
            assertThat(hello.code).isNull();
            assertThat(hello.resume.session).isEqualTo("s_Hk3mZ9pQ2xR7tW4v");
            assertThat(hello.resume.token).isEqualTo("Zm9yLXRoZS1hcHAtb25jZS1vbmx5");
            assertThat(hello.device.profile).isEqualTo("android");
            assertThat(hello.capabilities.screen.available).as("the app offers what the browser could not").isTrue();
            MainLooper.runUntil("the chat to open", () -> {
                Intent next = shadowOf(join).peekNextStartedActivity();
                return next != null && next.getComponent().getClassName().equals(ChatActivity.class.getName());
            });
        }
    }

    @Test
    public void anInviteLinkAsksForTheNameFirstWhenTheAppKnowsNoneAndAUsedOneSaysWhatTheServerSaid()
            throws Exception {
        try (ScriptedServer server = ScriptedServer.refusing(4014)) {
            JoinActivity join = open(server.url() + "/join/app/s_Hk3mZ9pQ2xR7tW4v/Zm9yLXRoZS1hcHAtb25jZS1vbmx5");
            assertThat(text(join, R.id.error)).isEqualTo("Type your name so the technician can greet you.");
            ((EditText) join.findViewById(R.id.name)).setText("Ana");
            join.findViewById(R.id.join).performClick();
            assertThat(server.next(AgentMessage.Hello.class).resume.token).isEqualTo("Zm9yLXRoZS1hcHAtb25jZS1vbmx5");
            MainLooper.runUntil("the refusal to show", () -> join.findViewById(R.id.error).getVisibility() == View.VISIBLE);
            assertThat(((Button) join.findViewById(R.id.join)).isEnabled()).isTrue();
        }
    }

    private static void rememberName(String customer) {
        RuntimeEnvironment.getApplication().getSharedPreferences(JoinActivity.PREFERENCES, android.content.Context.MODE_PRIVATE)
                .edit().putString(JoinActivity.LAST_NAME, customer).commit();
    }
}
