package dev.tandem.android.capability;

import android.app.AppOpsManager;
import android.content.Context;
import android.os.Build;
import android.os.Process;
import dev.tandem.android.SinceApi;

/**
 * Android 13's "restricted settings": an app installed from a file (the server hands out its own
 * APK) may not have its accessibility service switched on until the customer opens App info, ⋮, and
 * "Allow restricted settings". Android keeps that decision in the app op
 * {@code android:access_restricted_settings}; Settings itself treats "errored" as blocked. Stateless.
 */
public final class RestrictedSettings {
    static final String OP = "android:access_restricted_settings";

    private RestrictedSettings() {
    }

    /** Whether Android still blocks Tandem's accessibility service for this install. */
    public static boolean blocked(Context context) {
        return Build.VERSION.SDK_INT >= 33 && opErrored(context);
    }

    @SinceApi(33)
    private static boolean opErrored(Context context) {
        AppOpsManager ops = (AppOpsManager) context.getSystemService(Context.APP_OPS_SERVICE);
        if (ops == null) {
            return false;
        }
        try {
            return ops.unsafeCheckOpNoThrow(OP, Process.myUid(), context.getPackageName())
                    == AppOpsManager.MODE_ERRORED;
        } catch (IllegalArgumentException unknownOp) {
            return false; // a build without the op has no such restriction
        }
    }
}
