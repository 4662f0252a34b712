package dev.tandem.android.session;

import android.app.Activity;
import android.app.Application;
import android.os.Bundle;

/**
 * Whether one of Tandem's screens is in front of the customer: then Android lets the app open its
 * own screens (the screen-capture dialog) and show the chat itself; otherwise the session speaks
 * through notifications. Counts started activities; main thread only.
 */
public final class AppInFront implements Application.ActivityLifecycleCallbacks {
    private int started;

    public boolean now() {
        return started > 0;
    }

    @Override
    public void onActivityStarted(Activity activity) {
        started++;
    }

    @Override
    public void onActivityStopped(Activity activity) {
        started = Math.max(0, started - 1);
    }

    @Override
    public void onActivityCreated(Activity activity, Bundle saved) {
    }

    @Override
    public void onActivityResumed(Activity activity) {
    }

    @Override
    public void onActivityPaused(Activity activity) {
    }

    @Override
    public void onActivitySaveInstanceState(Activity activity, Bundle out) {
    }

    @Override
    public void onActivityDestroyed(Activity activity) {
    }
}
