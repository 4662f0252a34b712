package dev.tandem.android.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.app.Application;
import android.content.Context;
import android.content.Intent;
import android.net.Uri;
import android.widget.Button;
import android.widget.EditText;
import android.widget.LinearLayout;
import dev.tandem.agent.ServerAddress;
import dev.tandem.agent.transport.WebSocketTransport;
import dev.tandem.android.R;
import dev.tandem.android.TandemApplication;
import dev.tandem.android.logs.AppLog;
import dev.tandem.android.session.ActiveSession;
import dev.tandem.android.session.AppInFront;
import dev.tandem.android.testing.MainLooper;
import dev.tandem.android.testing.ScriptedServer;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.ServerMessage;
import java.io.File;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.annotation.Config;

/**
 * What Android does to the app on real phones, on every Android the app supports: the screen rotates
 * (activities are recreated) while joining and while chatting, Android kills the process and the
 * customer comes back, Back is pressed in the chat.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = {26, 29, 30, 33, 34, 35})
public class LifecycleTest {
    private final Application app = RuntimeEnvironment.getApplication();
    private ScriptedServer server;

    @Before
    public void startServer() throws Exception {
        server = ScriptedServer.welcoming();
    }

    @After
    public void stopServer() throws Exception {
        TandemApplication.session(app).leave();
        server.close();
    }

    @Test
    public void aJoinInProgressSurvivesRotationAndOpensTheChat() throws Exception {
        server.close();
        server = ScriptedServer.slowToWelcome();
        ActivityController<JoinActivity> controller = Robolectric.buildActivity(JoinActivity.class,
                new Intent(Intent.ACTION_VIEW, Uri.parse("tandem://join/123456789"))).setup();
        JoinActivity join = controller.get();
        ((EditText) join.findViewById(R.id.server)).setText(server.url());
        ((EditText) join.findViewById(R.id.name)).setText("Ana");
        join.findViewById(R.id.join).performClick();
        server.next(AgentMessage.Hello.class);

        controller.recreate(); // rotated before the welcome reached the screen
        JoinActivity turned = controller.get();
        Button button = turned.findViewById(R.id.join);
        assertThat(button.isEnabled()).as("still joining after the rotation").isFalse();
        assertThat(button.getText().toString()).isEqualTo(turned.getString(R.string.join_connecting));
        server.welcome();
        MainLooper.runUntil("the chat to open", () -> {
            Intent next = shadowOf(turned).peekNextStartedActivity();
            return next != null && next.getComponent().getClassName().equals(ChatActivity.class.getName());
        });
    }

    @Test
    public void theChatKeepsItsTranscriptWhenRotated() throws Exception {
        ActiveSession session = joined();
        server.send(new ServerMessage.Chat(1, "technician", "Bob", "Hello Ana", "2026-11-25T10:00:00Z"));
        MainLooper.runUntil("the message", () -> session.transcript().size() == 1);
        ActivityController<ChatActivity> controller = Robolectric.buildActivity(ChatActivity.class).setup();
        controller.recreate();
        LinearLayout transcript = controller.get().findViewById(R.id.transcript);
        assertThat(transcript.getChildCount()).isEqualTo(1);
    }

    @Test
    public void afterAndroidKilledTheAppTheSessionIsResumedAndSendWorks() throws Exception {
        joined();
        // A new process: a new session object, as TandemApplication creates it, that knows nothing yet.
        ActiveSession afterRestart = new ActiveSession(app, AppLog.in(new File(app.getFilesDir(), "restart-logs"),
                64 * 1024), WebSocketTransport.create(), new AppInFront());
        afterRestart.restore();
        AgentMessage.Hello hello = server.next(AgentMessage.Hello.class);
        assertThat(hello.resume).as("the saved resume ticket").isNotNull();
        assertThat(hello.resume.session).isEqualTo("s1");
        assertThat(hello.resume.token).isEqualTo("resume-token");
        assertThat(hello.lastSeq).as("the whole transcript again").isZero();
        assertThat(hello.customerName).isEqualTo("Ana");
        server.send(new ServerMessage.Chat(1, "technician", "Bob", "Still there?", "2026-11-25T10:00:00Z"));
        MainLooper.runUntil("the transcript", () -> afterRestart.phase() == ActiveSession.Phase.JOINED
                && afterRestart.transcript().size() == 1);
        assertThat(afterRestart.send("Yes, I am back")).isTrue();
        assertThat(server.next(AgentMessage.Chat.class).text).isEqualTo("Yes, I am back");
        afterRestart.leave();
    }

    @Test
    public void theSavedSessionIsForgottenWhenItEnds() throws Exception {
        ActiveSession session = joined();
        assertThat(app.getSharedPreferences("session", Context.MODE_PRIVATE).getString("session", null)).isEqualTo("s1");
        session.leave();
        MainLooper.runUntil("the end", () -> session.phase() == ActiveSession.Phase.OVER);
        assertThat(app.getSharedPreferences("session", Context.MODE_PRIVATE).getAll()).isEmpty();
    }

    @Test
    public void backInTheChatKeepsTheSessionRunningInTheBackground() throws Exception {
        ActiveSession session = joined();
        ChatActivity chat = Robolectric.buildActivity(ChatActivity.class).setup().get();
        chat.onBackPressed();
        assertThat(shadowOf(chat).isTaskMovedToBack()).isTrue();
        assertThat(chat.isFinishing()).as("no bounce through the join screen").isFalse();
        assertThat(session.phase()).isEqualTo(ActiveSession.Phase.JOINED);
    }

    private ActiveSession joined() throws Exception {
        ActiveSession session = TandemApplication.session(app);
        session.join(ServerAddress.parse(server.url()), SessionCode.parse("123456789").orElseThrow(), "Ana");
        server.next(AgentMessage.Hello.class);
        MainLooper.runUntil("the welcome", () -> session.phase() == ActiveSession.Phase.JOINED);
        return session;
    }
}
