package dev.tandem.android.ui;

import android.Manifest;
import android.app.Activity;
import android.content.Intent;
import android.content.pm.PackageManager;
import android.os.Build;
import android.provider.Settings;
import dev.tandem.android.SinceApi;

/**
 * Android 13+ shows an app's notifications only after the customer allowed them; without them the
 * session's Stop button and the technician's messages are invisible while the customer is in another
 * app. Asked once when the chat opens; after a "no" the chat shows a line with a button that opens
 * Tandem's notification settings. Main thread only.
 */
final class NotificationPermission {
    static final int REQUEST = 7;

    private NotificationPermission() {
    }

    /** Asks for the permission where Android needs it and it is neither granted nor refused for good. */
    static void askIfNeeded(Activity activity) {
        if (Build.VERSION.SDK_INT >= 33) {
            ask(activity);
        }
    }

    @SinceApi(33)
    private static void ask(Activity activity) {
        if (activity.checkSelfPermission(Manifest.permission.POST_NOTIFICATIONS) != PackageManager.PERMISSION_GRANTED) {
            activity.requestPermissions(new String[] {Manifest.permission.POST_NOTIFICATIONS}, REQUEST);
        }
    }

    /** Opens Tandem's notification settings, where the customer can switch them on. */
    static void openSettings(Activity activity) {
        activity.startActivity(new Intent(Settings.ACTION_APP_NOTIFICATION_SETTINGS)
                .putExtra(Settings.EXTRA_APP_PACKAGE, activity.getPackageName()));
    }
}
