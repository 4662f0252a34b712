package dev.tandem.android.ui;

import static org.assertj.core.api.Assertions.assertThat;

import android.app.Application;
import android.widget.Button;
import dev.tandem.agent.ServerAddress;
import dev.tandem.android.R;
import dev.tandem.android.TandemApplication;
import dev.tandem.android.session.ActiveSession;
import dev.tandem.android.testing.MainLooper;
import dev.tandem.android.testing.ScriptedServer;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.ServerMessage;
import org.junit.After;
import org.junit.Before;
import org.robolectric.android.controller.ServiceController;
import dev.tandem.android.input.TandemAccessibilityService;
import dev.tandem.android.testing.RemoteControlService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ActivityController;

/**
 * Issue 18.7 in the app's chat: once the screen is shared the app tells the server it shows drawings
 * (with its screen's size), and "Hide drawings" on the sharing notice tells it they are hidden (the
 * technician's Viewer then says so); the button turns into "Show drawings".
 */
@RunWith(RobolectricTestRunner.class)
public class DrawingsInTheAppTest {
    private final Application app = RuntimeEnvironment.getApplication();
    private ScriptedServer server;
    private ActiveSession session;
    private ServiceController<TandemAccessibilityService> service;

    @Before
    public void join() throws Exception {
        server = ScriptedServer.welcoming();
        session = TandemApplication.session(app);
        session.join(ServerAddress.parse(server.url()), SessionCode.parse("123456789").orElseThrow(), "Ana");
        server.next(AgentMessage.Hello.class);
        MainLooper.runUntil("the welcome", () -> session.phase() == ActiveSession.Phase.JOINED);
    }

    @After
    public void leave() throws Exception {
        if (service != null) {
            service.destroy();
        }
        session.leave();
        server.close();
    }

    @Test
    public void drawingsAreOfferedOnlyOnceTheAccessibilityServiceCanShowThem() throws Exception {
        server.send(new ServerMessage.Prompt("p1", "screen", "Bob sees your screen.", false));
        MainLooper.runUntil("sharing", session::screenShared);
        // The overlay needs the service: with it off the app says nothing, so the server refuses drawings.
        server.expectNone(AgentMessage.Drawings.class, 1_000);
        service = RemoteControlService.switchedOn();
        MainLooper.runUntil("the service on", () -> TandemAccessibilityService.connected() != null);
        AgentMessage.Drawings said = server.next(AgentMessage.Drawings.class);
        assertThat(said.hidden).isFalse();
        assertThat(said.width).isPositive();
    }

    @Test
    public void theSharingNoticeHidesAndShowsTheTechniciansDrawings() throws Exception {
        service = RemoteControlService.switchedOn();
        server.send(new ServerMessage.Prompt("p1", "screen", "Bob sees your screen.", false));
        MainLooper.runUntil("sharing", session::screenShared);
        AgentMessage.Drawings said = server.next(AgentMessage.Drawings.class);
        assertThat(said.hidden).isFalse();
        assertThat(said.width).isPositive();
        assertThat(said.height).isPositive();

        ActivityController<ChatActivity> chat = Robolectric.buildActivity(ChatActivity.class).setup();
        Button hide = chat.get().findViewById(R.id.sharing_hide_drawings);
        assertThat(hide.isShown()).isTrue();
        assertThat(hide.getText().toString()).isEqualTo("Hide drawings");
        hide.performClick();
        MainLooper.runUntil("hidden", session::drawingsHidden);
        assertThat(server.next(AgentMessage.Drawings.class).hidden).isTrue();
        assertThat(hide.getText().toString()).isEqualTo("Show drawings");

        hide.performClick();
        MainLooper.runUntil("shown again", () -> !session.drawingsHidden());
        assertThat(server.next(AgentMessage.Drawings.class).hidden).isFalse();
        chat.pause().stop().destroy();
    }
}
