package dev.tandem.android.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.app.AlertDialog;
import android.app.Application;
import android.content.DialogInterface;
import android.content.Intent;
import android.os.Looper;
import android.view.View;
import android.widget.EditText;
import android.widget.LinearLayout;
import android.widget.TextView;
import org.robolectric.RuntimeEnvironment;
import dev.tandem.agent.ServerAddress;
import dev.tandem.android.R;
import dev.tandem.android.TandemApplication;
import dev.tandem.android.screen.ProjectionConsentActivity;
import dev.tandem.android.session.ActiveSession;
import dev.tandem.android.testing.MainLooper;
import dev.tandem.android.testing.ScriptedServer;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.ServerMessage;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.shadows.ShadowDialog;

@RunWith(RobolectricTestRunner.class)
public class ChatActivityTest {
    private ScriptedServer server;
    private ActiveSession session;
    private ActivityController<ChatActivity> controller;
    private ChatActivity chat;

    @Before
    public void joinAndOpenTheChat() throws Exception {
        server = ScriptedServer.welcoming();
        Application app = RuntimeEnvironment.getApplication();
        session = TandemApplication.session(app);
        session.join(ServerAddress.parse(server.url()), SessionCode.parse("123456789").orElseThrow(), "Ana");
        server.next(AgentMessage.Hello.class);
        MainLooper.runUntil("the welcome", () -> session.phase() == ActiveSession.Phase.JOINED);
        controller = Robolectric.buildActivity(ChatActivity.class).setup();
        chat = controller.get();
    }

    @After
    public void stop() throws Exception {
        controller.pause().stop().destroy();
        server.close();
    }

    private String lastLine() {
        LinearLayout transcript = chat.findViewById(R.id.transcript);
        return transcript.getChildCount() == 0 ? ""
                : ((TextView) transcript.getChildAt(transcript.getChildCount() - 1)).getText().toString();
    }

    @Test
    public void theTechniciansMessagesAppearAndTheCustomersAreSent() throws Exception {
        server.send(new ServerMessage.Chat(1, "technician", "Bob", "Hello Ana, how can I help?", "2026-11-25T10:00:00Z"));
        MainLooper.runUntil("the message", () -> lastLine().equals("Bob: Hello Ana, how can I help?"));

        ((EditText) chat.findViewById(R.id.message)).setText("My phone is slow");
        chat.findViewById(R.id.send).performClick();
        assertThat(server.next(AgentMessage.Chat.class).text).isEqualTo("My phone is slow");
        assertThat(((EditText) chat.findViewById(R.id.message)).getText().toString()).isEmpty();
    }

    @Test
    public void aPromptIsAskedAndAllowingItSendsTheDiagnostics() throws Exception {
        server.send(new ServerMessage.Prompt("p1", "diagnostics", "Bob would like to read your phone's diagnostics."));
        MainLooper.runUntil("the prompt dialog", () -> ShadowDialog.getLatestDialog() instanceof AlertDialog
                && ShadowDialog.getLatestDialog().isShowing());
        AlertDialog dialog = (AlertDialog) ShadowDialog.getLatestDialog();
        assertThat(shadowOf(dialog).getTitle().toString()).isEqualTo("Send diagnostics?");
        assertThat(shadowOf(dialog).getMessage().toString()).isEqualTo("Bob would like to read your phone's diagnostics.");

        dialog.getButton(DialogInterface.BUTTON_POSITIVE).performClick();
        shadowOf(Looper.getMainLooper()).idle(); // the dialog posts its button's click
        AgentMessage.Answer answer = server.next(AgentMessage.Answer.class);
        assertThat(answer.id).isEqualTo("p1");
        assertThat(answer.granted).isTrue();
        AgentMessage.Diagnostics diagnostics = server.next(AgentMessage.Diagnostics.class);
        assertThat(diagnostics.error).isNull();
        assertThat(diagnostics.report.device.isAvailable()).isTrue();
        assertThat(diagnostics.report.device.value.manufacturer).isNotEmpty();
    }

    @Test
    public void decliningAPromptTellsTheServerNo() throws Exception {
        server.send(new ServerMessage.Prompt("p2", "logs", "Bob would like your log files."));
        MainLooper.runUntil("the prompt dialog", () -> ShadowDialog.getLatestDialog() != null
                && ShadowDialog.getLatestDialog().isShowing());
        ((AlertDialog) ShadowDialog.getLatestDialog()).getButton(DialogInterface.BUTTON_NEGATIVE).performClick();
        shadowOf(Looper.getMainLooper()).idle();
        AgentMessage.Answer answer = server.next(AgentMessage.Answer.class);
        assertThat(answer.id).isEqualTo("p2");
        assertThat(answer.granted).isFalse();
        MainLooper.runUntil("the prompt to close", () -> session.openPrompts().isEmpty());
    }

    @Test
    public void sharingShowsTheNoticeAsksAndroidAndStopEndsIt() throws Exception {
        server.send(new ServerMessage.Prompt("p3", "screen", "Bob sees your screen.", false)); // portal: notice only
        View notice = chat.findViewById(R.id.sharing);
        MainLooper.runUntil("the sharing notice", () -> notice.getVisibility() == View.VISIBLE);
        // Until Android's dialog is answered the customer is told it waits, never that it is shared.
        TextView text = chat.findViewById(R.id.sharing_text);
        assertThat(text.getText().toString()).startsWith("Waiting for you to allow screen capture");
        assertThat(chat.findViewById(R.id.allow_capture).getVisibility()).isEqualTo(View.VISIBLE);
        Intent consent = shadowOf((Application) RuntimeEnvironment.getApplication()).getNextStartedActivity();
        assertThat(consent.getComponent().getClassName()).isEqualTo(ProjectionConsentActivity.class.getName());

        session.captureStarted();
        MainLooper.runUntil("the shared notice", () -> text.getText().toString()
                .equals("Your screen is being shared with the technician."));
        assertThat(chat.findViewById(R.id.allow_capture).getVisibility()).isEqualTo(View.GONE);

        chat.findViewById(R.id.sharing_stop).performClick();
        AgentMessage.Sharing sharing = server.next(AgentMessage.Sharing.class);
        assertThat(sharing.screen).isFalse();
        MainLooper.runUntil("the notice to go", () -> notice.getVisibility() == View.GONE);
    }

    @Test
    public void aRecordedSessionSaysSoInTheQuestionAndTheSharingNotice() throws Exception {
        server.send(new ServerMessage.Prompt("p4", "screen",
                "Allow Bob to see your screen? This session is recorded: what you share is recorded too.", true, true));
        MainLooper.runUntil("the prompt dialog", () -> ShadowDialog.getLatestDialog() instanceof AlertDialog
                && ShadowDialog.getLatestDialog().isShowing());
        AlertDialog dialog = (AlertDialog) ShadowDialog.getLatestDialog();
        assertThat(shadowOf(dialog).getMessage().toString()).contains("This session is recorded");
        dialog.getButton(DialogInterface.BUTTON_POSITIVE).performClick();
        shadowOf(Looper.getMainLooper()).idle();
        server.next(AgentMessage.Answer.class);

        session.captureStarted();
        TextView text = chat.findViewById(R.id.sharing_text);
        MainLooper.runUntil("the recorded notice", () -> text.getText().toString()
                .equals("Your screen is being shared with the technician and recorded."));
    }

    @Test
    public void theExitIconLeavesTheSessionAfterConfirming() throws Exception {
        shadowOf(chat).clickMenuItem(R.id.leave);
        AlertDialog confirm = (AlertDialog) ShadowDialog.getLatestDialog();
        confirm.getButton(DialogInterface.BUTTON_POSITIVE).performClick();
        shadowOf(Looper.getMainLooper()).idle();
        server.next(AgentMessage.Leave.class);
        TextView status = chat.findViewById(R.id.status);
        MainLooper.runUntil("the end", () -> status.getVisibility() == View.VISIBLE);
        assertThat(status.getText().toString()).isEqualTo("You left the session.");
        assertThat(session.phase()).isEqualTo(ActiveSession.Phase.OVER);
    }

    @Test
    public void aTransferAndASecondTechnicianAreShownInTheStatusLine() throws Exception {
        TextView status = chat.findViewById(R.id.status);
        server.send(new ServerMessage.TechnicianJoined("Marco"));
        MainLooper.runUntil("the joined notice", () -> status.getVisibility() == View.VISIBLE
                && status.getText().toString().equals("Marco, another technician, joined to help."));
        server.send(new ServerMessage.Transferred("Marco"));
        MainLooper.runUntil("the transfer notice", () -> status.getText().toString()
                .equals("Marco continues this chat with you."));
        assertThat(session.technician()).isEqualTo("Marco");
    }

    @Test
    @org.robolectric.annotation.Config(qualifiers = "es")
    public void theTransferNoticeIsInSpanishForASpanishPhone() throws Exception {
        TextView status = chat.findViewById(R.id.status);
        server.send(new ServerMessage.Transferred("Marco"));
        MainLooper.runUntil("the transfer notice", () -> status.getVisibility() == View.VISIBLE
                && status.getText().toString().equals("Marco continúa este chat con usted."));
    }
}
