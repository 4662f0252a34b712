package dev.tandem.android.session;

import android.app.Notification;
import android.app.NotificationChannel;
import android.app.NotificationManager;
import android.app.PendingIntent;
import android.content.Context;
import android.content.Intent;
import dev.tandem.android.R;
import dev.tandem.android.screen.ProjectionConsentActivity;
import dev.tandem.android.ui.ChatActivity;

/**
 * What the session shows outside the app: the ongoing "support session" notification of
 * {@link SessionService}, and, while the customer is in another app, the technician's messages, the
 * technician's requests (prompts) and the reminder to allow screen capture. Tapping any of them opens
 * the chat (or Android's capture dialog). Android 13+ shows them only once the customer allowed
 * notifications. Thread-safe.
 */
public final class SessionNotifications {
    public static final int SHARING_ID = 1;
    static final int SESSION_ID = 2;
    static final int MESSAGE_ID = 3;
    static final int PROMPT_ID = 4;
    static final int CONSENT_ID = 5;
    public static final String SHARING_CHANNEL = "sharing";
    static final String SESSION_CHANNEL = "session";
    static final String MESSAGES_CHANNEL = "messages";

    private final Context context;

    public SessionNotifications(Context context) {
        this.context = context.getApplicationContext() != null ? context.getApplicationContext() : context;
    }

    /** Creates the channels (again: names follow the phone's language). */
    public void createChannels() {
        NotificationManager manager = manager();
        manager.createNotificationChannel(new NotificationChannel(SESSION_CHANNEL,
                context.getString(R.string.channel_session), NotificationManager.IMPORTANCE_LOW));
        manager.createNotificationChannel(new NotificationChannel(SHARING_CHANNEL,
                context.getString(R.string.notification_channel), NotificationManager.IMPORTANCE_LOW));
        NotificationChannel messages = new NotificationChannel(MESSAGES_CHANNEL,
                context.getString(R.string.channel_messages), NotificationManager.IMPORTANCE_HIGH);
        manager.createNotificationChannel(messages);
    }

    /** The ongoing notification while the customer is in a session. */
    Notification session(String technician) {
        String title = technician == null || technician.isEmpty()
                ? context.getString(R.string.session_notification_title)
                : context.getString(R.string.session_notification_title_with, technician);
        return new Notification.Builder(context, SESSION_CHANNEL)
                .setSmallIcon(android.R.drawable.stat_sys_data_bluetooth)
                .setContentTitle(title)
                .setContentText(context.getString(R.string.session_notification_text))
                .setOngoing(true)
                .setContentIntent(openChat(0))
                .build();
    }

    /** A message from the technician while the customer is elsewhere. */
    void message(String from, String text) {
        manager().notify(MESSAGE_ID, new Notification.Builder(context, MESSAGES_CHANNEL)
                .setSmallIcon(android.R.drawable.sym_action_chat)
                .setContentTitle(from)
                .setContentText(text)
                .setStyle(new Notification.BigTextStyle().bigText(text))
                .setCategory(Notification.CATEGORY_MESSAGE)
                .setAutoCancel(true)
                .setContentIntent(openChat(1))
                .build());
    }

    /** The technician asks for something; the answer is given in the chat. */
    void prompt(String title, String text) {
        manager().notify(PROMPT_ID, new Notification.Builder(context, MESSAGES_CHANNEL)
                .setSmallIcon(android.R.drawable.ic_dialog_info)
                .setContentTitle(title)
                .setContentText(text)
                .setStyle(new Notification.BigTextStyle().bigText(text))
                .setCategory(Notification.CATEGORY_REMINDER)
                .setAutoCancel(true)
                .setContentIntent(openChat(2))
                .build());
    }

    /**
     * Android did not let Tandem open its capture dialog from the background: the customer taps this
     * to open it.
     */
    void allowCapture() {
        PendingIntent consent = PendingIntent.getActivity(context, 3,
                new Intent(context, ProjectionConsentActivity.class).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK),
                PendingIntent.FLAG_IMMUTABLE | PendingIntent.FLAG_UPDATE_CURRENT);
        manager().notify(CONSENT_ID, new Notification.Builder(context, MESSAGES_CHANNEL)
                .setSmallIcon(android.R.drawable.ic_menu_view)
                .setContentTitle(context.getString(R.string.consent_notification_title))
                .setContentText(context.getString(R.string.consent_notification_text))
                .setCategory(Notification.CATEGORY_REMINDER)
                .setAutoCancel(true)
                .setContentIntent(consent)
                .build());
    }

    /** The customer is looking at the chat: what it shows needs no notification any more. */
    public void chatSeen() {
        manager().cancel(MESSAGE_ID);
        manager().cancel(PROMPT_ID);
    }

    void consentHandled() {
        manager().cancel(CONSENT_ID);
    }

    /** The session is over: nothing of it stays in the shade. */
    void clear() {
        chatSeen();
        consentHandled();
    }

    /** Whether Android shows Tandem's notifications (on 13+ only after the customer allowed them). */
    public boolean enabled() {
        return manager().areNotificationsEnabled();
    }

    private PendingIntent openChat(int request) {
        Intent chat = new Intent(context, ChatActivity.class)
                .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK | Intent.FLAG_ACTIVITY_SINGLE_TOP);
        return PendingIntent.getActivity(context, request, chat,
                PendingIntent.FLAG_IMMUTABLE | PendingIntent.FLAG_UPDATE_CURRENT);
    }

    private NotificationManager manager() {
        return (NotificationManager) context.getSystemService(Context.NOTIFICATION_SERVICE);
    }
}
