package dev.tandem.android.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.app.AppOpsManager;
import android.app.Application;
import android.content.Context;
import android.os.Process;
import dev.tandem.agent.ServerAddress;
import dev.tandem.android.TandemApplication;
import dev.tandem.android.input.TandemAccessibilityService;
import dev.tandem.android.session.ActiveSession;
import dev.tandem.android.testing.MainLooper;
import dev.tandem.android.testing.RemoteControlService;
import dev.tandem.android.testing.ScriptedServer;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.Capability;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ServiceController;
import org.robolectric.annotation.Config;

/**
 * What the technician's console learns about remote control, as the phone sends it to the server:
 * the step the customer is on in the hello (switched off, or Android's restricted setting on 13+),
 * and at once when Android binds or unbinds Tandem's accessibility service.
 */
@RunWith(RobolectricTestRunner.class)
public class ControlStepReportTest {
    private final Application app = RuntimeEnvironment.getApplication();
    private ScriptedServer server;
    private ActiveSession session;

    private Capability joinAndReadHello() throws Exception {
        server = ScriptedServer.welcoming();
        session = TandemApplication.session(app);
        session.join(ServerAddress.parse(server.url()), SessionCode.parse("123456789").orElseThrow(), "Ana");
        Capability control = server.next(AgentMessage.Hello.class).capabilities.control;
        MainLooper.runUntil("the welcome", () -> session.phase() == ActiveSession.Phase.JOINED);
        return control;
    }

    @After
    public void leave() throws Exception {
        if (session != null) {
            session.leave();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Config(sdk = {26, 30, 35})
    public void switchingTheServiceOnAndOffIsReportedAtOnceWithTheStep() throws Exception {
        Capability atJoin = joinAndReadHello();
        assertThat(atJoin.available).isFalse();
        assertThat(atJoin.code).isEqualTo("accessibility_off");

        // The customer switched it on: Android binds it.
        ServiceController<TandemAccessibilityService> service = RemoteControlService.switchedOn();
        Capability on = server.next(AgentMessage.CapabilitiesUpdate.class).capabilities.control;
        assertThat(on.available).isTrue();
        assertThat(on.code).isNull();

        service.destroy(); // switched off again, or Android stopped the service
        Capability off = server.next(AgentMessage.CapabilitiesUpdate.class).capabilities.control;
        assertThat(off.available).isFalse();
        assertThat(off.code).isEqualTo("accessibility_off");
    }

    @Test
    @Config(sdk = {33, 35})
    public void aSideloadedAppOnAndroid13NamesTheRestrictedStepInItsHello() throws Exception {
        AppOpsManager ops = (AppOpsManager) app.getSystemService(Context.APP_OPS_SERVICE);
        shadowOf(ops).setMode(RestrictedSettings.OP, Process.myUid(), app.getPackageName(), AppOpsManager.MODE_ERRORED);
        Capability atJoin = joinAndReadHello();
        assertThat(atJoin.available).isFalse();
        assertThat(atJoin.code).isEqualTo("accessibility_restricted");
        assertThat(atJoin.reason).contains("Allow restricted settings");
    }
}
