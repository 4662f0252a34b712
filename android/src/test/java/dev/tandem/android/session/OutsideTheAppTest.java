package dev.tandem.android.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.app.Activity;
import android.app.Application;
import android.app.Notification;
import android.app.NotificationManager;
import android.app.PendingIntent;
import android.content.Context;
import android.content.Intent;
import android.content.pm.PackageManager;
import android.content.pm.ServiceInfo;
import android.os.Build;
import android.view.View;
import dev.tandem.agent.ServerAddress;
import dev.tandem.android.R;
import dev.tandem.android.TandemApplication;
import dev.tandem.android.screen.ProjectionConsentActivity;
import dev.tandem.android.screen.ScreenCaptureService;
import dev.tandem.android.testing.MainLooper;
import dev.tandem.android.testing.ScriptedServer;
import dev.tandem.android.ui.ChatActivity;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.ServerMessage;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.android.controller.ServiceController;
import org.robolectric.annotation.Config;
import org.robolectric.shadows.ShadowActivity;
import org.robolectric.shadows.ShadowNotificationManager;

/**
 * The session while the customer is in another app, on every Android the app supports: the session's
 * foreground notification, the technician's messages and requests as notifications, Android's capture
 * dialog asked for from the background, the sharing notification's Stop, the consent dialog's answer,
 * a projection Android refuses, and Android 13's notification permission, granted and denied.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = {26, 29, 30, 33, 34, 35})
public class OutsideTheAppTest {
    private final Application app = RuntimeEnvironment.getApplication();
    private ScriptedServer server;
    private ActiveSession session;

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
        session.leave();
        server.close();
    }

    private ShadowNotificationManager notifications() {
        return shadowOf((NotificationManager) app.getSystemService(Context.NOTIFICATION_SERVICE));
    }

    private static String title(Notification notification) {
        return notification.extras.getCharSequence(Notification.EXTRA_TITLE).toString();
    }

    private static String text(Notification notification) {
        return notification.extras.getCharSequence(Notification.EXTRA_TEXT).toString();
    }

    private static String target(PendingIntent intent) {
        return shadowOf(intent).getSavedIntent().getComponent().getClassName();
    }

    @Test
    public void theSessionRunsAsAForegroundServiceWithItsNotification() {
        Intent started = shadowOf(app).getNextStartedService();
        assertThat(started.getComponent().getClassName()).isEqualTo(SessionService.class.getName());
        ServiceController<SessionService> service = Robolectric.buildService(SessionService.class, started).create()
                .startCommand(0, 1);
        Notification notification = shadowOf(service.get()).getLastForegroundNotification();
        assertThat(title(notification)).isEqualTo("Support session with Bob");
        assertThat(notification.flags & Notification.FLAG_ONGOING_EVENT).isNotZero();
        assertThat(target(notification.contentIntent)).isEqualTo(ChatActivity.class.getName());
        if (Build.VERSION.SDK_INT >= 34) {
            assertThat(service.get().getForegroundServiceType())
                    .isEqualTo(ServiceInfo.FOREGROUND_SERVICE_TYPE_SPECIAL_USE);
        }
    }

    @Test
    public void whileTheCustomerIsElsewhereMessagesAndRequestsBecomeNotifications() throws Exception {
        server.send(new ServerMessage.Chat(1, "technician", "Bob", "Open Settings, please", "2026-11-25T10:00:00Z"));
        MainLooper.runUntil("the message notification",
                () -> notifications().getNotification(SessionNotifications.MESSAGE_ID) != null);
        Notification message = notifications().getNotification(SessionNotifications.MESSAGE_ID);
        assertThat(title(message)).isEqualTo("Bob");
        assertThat(text(message)).isEqualTo("Open Settings, please");

        server.send(new ServerMessage.Prompt("p1", "diagnostics", "Bob would like to read your phone's diagnostics."));
        MainLooper.runUntil("the prompt notification",
                () -> notifications().getNotification(SessionNotifications.PROMPT_ID) != null);
        Notification prompt = notifications().getNotification(SessionNotifications.PROMPT_ID);
        assertThat(title(prompt)).isEqualTo(app.getString(R.string.prompt_title_diagnostics));
        assertThat(target(prompt.contentIntent)).isEqualTo(ChatActivity.class.getName());

        // Back in the chat, the notifications have done their job.
        ActivityController<ChatActivity> chat = Robolectric.buildActivity(ChatActivity.class).setup();
        assertThat(notifications().getNotification(SessionNotifications.MESSAGE_ID)).isNull();
        assertThat(notifications().getNotification(SessionNotifications.PROMPT_ID)).isNull();
        chat.pause().stop().destroy();
    }

    @Test
    public void fromTheBackgroundTheCaptureDialogIsOfferedAsANotificationNotLaunched() throws Exception {
        server.send(new ServerMessage.Prompt("p2", "screen", "Bob sees your screen.", false));
        MainLooper.runUntil("the capture notification",
                () -> notifications().getNotification(SessionNotifications.CONSENT_ID) != null);
        Notification consent = notifications().getNotification(SessionNotifications.CONSENT_ID);
        assertThat(title(consent)).isEqualTo(app.getString(R.string.consent_notification_title));
        assertThat(target(consent.contentIntent)).isEqualTo(ProjectionConsentActivity.class.getName());
        assertThat(session.waitingForAndroid()).as("not 'shared' until Android's dialog is answered").isTrue();
    }

    @Test
    public void theConsentDialogsAnswerStartsTheCaptureOrStopsTheSharing() throws Exception {
        server.send(new ServerMessage.Prompt("p3", "screen", "Bob sees your screen.", false));
        MainLooper.runUntil("sharing", session::screenShared);
        ActivityController<ProjectionConsentActivity> consent = Robolectric.buildActivity(ProjectionConsentActivity.class)
                .setup();
        ShadowActivity.IntentForResult dialog = shadowOf(consent.get()).getNextStartedActivityForResult();
        assertThat(dialog).as("Android's capture dialog").isNotNull();
        if (Build.VERSION.SDK_INT >= 34) {
            assertThat(dialog.intent.getExtras().keySet()).as("whole screen only")
                    .anyMatch(key -> key.toLowerCase(java.util.Locale.ROOT).contains("config"));
        }
        shadowOf(consent.get()).receiveResult(dialog.intent, Activity.RESULT_OK, new Intent("granted"));
        boolean captureStarted = false;
        for (Intent started = shadowOf(app).getNextStartedService(); started != null;
                started = shadowOf(app).getNextStartedService()) {
            captureStarted |= started.getComponent().getClassName().equals(ScreenCaptureService.class.getName());
        }
        assertThat(captureStarted).as("the capture service started").isTrue();
        assertThat(consent.get().isFinishing()).isTrue();

        ActivityController<ProjectionConsentActivity> again = Robolectric.buildActivity(ProjectionConsentActivity.class)
                .setup();
        ShadowActivity.IntentForResult second = shadowOf(again.get()).getNextStartedActivityForResult();
        shadowOf(again.get()).receiveResult(second.intent, Activity.RESULT_CANCELED, null);
        assertThat(server.next(AgentMessage.Sharing.class).screen).as("declining stops the sharing").isFalse();
    }

    @Test
    public void aProjectionAndroidRefusesEndsTheSharingNotTheApp() throws Exception {
        server.send(new ServerMessage.Prompt("p4", "screen", "Bob sees your screen.", false));
        MainLooper.runUntil("sharing", session::screenShared);
        Intent start = new Intent(app, ScreenCaptureService.class).setAction("dev.tandem.android.screen.START")
                .putExtra("resultCode", Activity.RESULT_OK).putExtra("resultData", new Intent("a token Android rejects"));
        ServiceController<ScreenCaptureService> service = Robolectric.buildService(ScreenCaptureService.class, start)
                .create().startCommand(0, 1);
        // The sharing notification with Stop was up first, as Android 14 requires.
        Notification sharing = shadowOf(service.get()).getLastForegroundNotification();
        assertThat(sharing.actions).extracting(a -> a.title.toString()).containsExactly("Stop");
        assertThat(server.next(AgentMessage.Sharing.class).screen).isFalse();
        assertThat(session.phase()).isEqualTo(ActiveSession.Phase.JOINED);
    }

    @Test
    public void theSharingNotificationsStopEndsTheSharing() throws Exception {
        server.send(new ServerMessage.Prompt("p5", "screen", "Bob sees your screen.", false));
        MainLooper.runUntil("sharing", session::screenShared);
        Intent start = new Intent(app, ScreenCaptureService.class).setAction("dev.tandem.android.screen.START");
        ServiceController<ScreenCaptureService> service = Robolectric.buildService(ScreenCaptureService.class, start)
                .create().startCommand(0, 1);
        PendingIntent stop = shadowOf(service.get()).getLastForegroundNotification().actions[0].actionIntent;
        Intent stopIntent = shadowOf(stop).getSavedIntent();
        assertThat(stopIntent.getAction()).isEqualTo("dev.tandem.android.screen.STOP");
        // Robolectric has no MediaProjection, so that capture ended at once; the technician asks again.
        assertThat(server.next(AgentMessage.Sharing.class).screen).isFalse();
        MainLooper.runUntil("sharing off", () -> !session.screenShared());
        server.send(new ServerMessage.Prompt("p6", "screen", "Bob sees your screen.", false));
        MainLooper.runUntil("sharing again", session::screenShared);

        Robolectric.buildService(ScreenCaptureService.class, stopIntent).create().startCommand(0, 2);
        assertThat(server.next(AgentMessage.Sharing.class).screen).as("Stop in the notification").isFalse();
        MainLooper.runUntil("sharing off", () -> !session.screenShared());
    }

    @Test
    public void theChatAsksForNotificationsOnAndroid13AndShowsAWayBackAfterANo() {
        ActivityController<ChatActivity> controller = Robolectric.buildActivity(ChatActivity.class).setup();
        ChatActivity chat = controller.get();
        View hint = chat.findViewById(R.id.notifications_off);
        if (Build.VERSION.SDK_INT < 33) {
            assertThat(shadowOf(chat).getLastRequestedPermission()).as("nothing to ask before 13").isNull();
            assertThat(hint.getVisibility()).isEqualTo(View.GONE);
            controller.pause().stop().destroy();
            return;
        }
        assertThat(shadowOf(chat).getLastRequestedPermission().requestedPermissions)
                .containsExactly(Manifest.permission.POST_NOTIFICATIONS);

        notifications().setNotificationsEnabled(false); // the customer said no
        chat.onRequestPermissionsResult(7, new String[] {Manifest.permission.POST_NOTIFICATIONS},
                new int[] {PackageManager.PERMISSION_DENIED});
        assertThat(hint.getVisibility()).isEqualTo(View.VISIBLE);
        chat.findViewById(R.id.notifications_allow).performClick();
        assertThat(shadowOf(chat).getNextStartedActivity().getAction())
                .isEqualTo(android.provider.Settings.ACTION_APP_NOTIFICATION_SETTINGS);

        notifications().setNotificationsEnabled(true); // ... and yes, later
        shadowOf(app).grantPermissions(Manifest.permission.POST_NOTIFICATIONS);
        chat.onRequestPermissionsResult(7, new String[] {Manifest.permission.POST_NOTIFICATIONS},
                new int[] {PackageManager.PERMISSION_GRANTED});
        assertThat(hint.getVisibility()).isEqualTo(View.GONE);
        controller.pause().stop().destroy();
    }
}
