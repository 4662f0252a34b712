package dev.tandem.android.screen;

import android.app.Notification;
import android.app.PendingIntent;
import android.app.Service;
import android.content.Context;
import android.content.Intent;
import android.content.pm.ServiceInfo;
import android.hardware.display.DisplayManager;
import android.media.projection.MediaProjection;
import android.media.projection.MediaProjectionManager;
import android.os.Build;
import android.os.Handler;
import android.os.HandlerThread;
import android.os.IBinder;
import android.util.DisplayMetrics;
import android.view.Display;
import dev.tandem.android.R;
import dev.tandem.android.SinceApi;
import dev.tandem.android.TandemApplication;
import dev.tandem.android.session.SessionNotifications;
import dev.tandem.android.ui.ChatActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The foreground service (type {@code mediaProjection}) that holds the screen capture while the
 * customer shares: Android requires it, and its persistent notification tells the customer their
 * screen is shared and has a Stop button. It starts with the token from Android's consent dialog and
 * stops when the customer stops, the technician releases the screen, the session ends, or Android
 * ends the projection (e.g. the customer tapped the system's own stop chip). A projection Android
 * refuses (a {@code SecurityException}, e.g. a consent token it no longer honours) ends the sharing
 * with a log line instead of the app. It follows rotation: a change of the phone's display resizes
 * the capture.
 */
public final class ScreenCaptureService extends Service {
    static final String ACTION_START = "dev.tandem.android.screen.START";
    static final String ACTION_STOP = "dev.tandem.android.screen.STOP";
    static final String EXTRA_RESULT_CODE = "resultCode";
    static final String EXTRA_RESULT_DATA = "resultData";
    private static final Logger log = LoggerFactory.getLogger(ScreenCaptureService.class);

    private HandlerThread thread;
    private MediaProjection projection;
    private DisplayManager.DisplayListener rotation;

    /** Starts capturing with the consent Android gave ({@code resultCode}, {@code data} of its dialog). */
    static void start(Context context, int resultCode, Intent data) {
        context.startForegroundService(new Intent(context, ScreenCaptureService.class).setAction(ACTION_START)
                .putExtra(EXTRA_RESULT_CODE, resultCode).putExtra(EXTRA_RESULT_DATA, data));
    }

    /** Stops capturing, if it runs. */
    public static void stop(Context context) {
        context.stopService(new Intent(context, ScreenCaptureService.class));
    }

    @Override
    public int onStartCommand(Intent intent, int flags, int startId) {
        String action = intent == null ? null : intent.getAction();
        if (ACTION_STOP.equals(action)) {
            TandemApplication.session(this).stopSharing(); // the session's sharing(false) stops this service
            return START_NOT_STICKY;
        }
        if (!ACTION_START.equals(action) || projection != null) {
            return START_NOT_STICKY;
        }
        // Android 14 requires the foreground service to run before the projection is taken.
        Notification notification = notification();
        if (Build.VERSION.SDK_INT >= 29) {
            startAsProjection(notification);
        } else {
            startForeground(SessionNotifications.SHARING_ID, notification);
        }
        try {
            MediaProjectionManager manager = (MediaProjectionManager) getSystemService(MEDIA_PROJECTION_SERVICE);
            Intent data = intent.getParcelableExtra(EXTRA_RESULT_DATA);
            projection = manager == null || data == null ? null
                    : manager.getMediaProjection(intent.getIntExtra(EXTRA_RESULT_CODE, 0), data);
            if (projection == null) {
                refused("Android gave no screen projection");
                return START_NOT_STICKY;
            }
            thread = new HandlerThread("tandem-projection");
            thread.start();
            Handler handler = new Handler(thread.getLooper());
            projection.registerCallback(new MediaProjection.Callback() {
                @Override
                public void onStop() {
                    log.info("Android ended the screen projection");
                    TandemApplication.session(ScreenCaptureService.this).projectionEnded();
                }
            }, handler);
            followRotation(handler);
            TandemApplication.session(this).screen().attach(projection, handler);
        } catch (SecurityException | IllegalStateException e) {
            // E.g. a consent token Android no longer honours, or a second capture of one token (Android 14).
            refused("Android refused the screen projection: " + e.getMessage());
            return START_NOT_STICKY;
        }
        TandemApplication.session(this).captureStarted();
        log.info("Screen capture started");
        return START_NOT_STICKY;
    }

    @SinceApi(29)
    private void startAsProjection(Notification notification) {
        startForeground(SessionNotifications.SHARING_ID, notification, ServiceInfo.FOREGROUND_SERVICE_TYPE_MEDIA_PROJECTION);
    }

    private void refused(String why) {
        log.warn("{}; sharing stops", why);
        if (projection != null) {
            projection.stop();
            projection = null;
        }
        TandemApplication.session(this).projectionEnded();
        stopSelf();
    }

    /** A rotation changes the default display's size: the capture follows it. */
    private void followRotation(Handler handler) {
        DisplayManager displays = (DisplayManager) getSystemService(DISPLAY_SERVICE);
        rotation = new DisplayManager.DisplayListener() {
            @Override
            public void onDisplayChanged(int displayId) {
                if (displayId == Display.DEFAULT_DISPLAY) {
                    DisplayMetrics metrics = new DisplayMetrics();
                    displays.getDisplay(Display.DEFAULT_DISPLAY).getRealMetrics(metrics);
                    TandemApplication.session(ScreenCaptureService.this).screen()
                            .phoneRotated(metrics.widthPixels, metrics.heightPixels, metrics.densityDpi);
                }
            }

            @Override
            public void onDisplayAdded(int displayId) {
            }

            @Override
            public void onDisplayRemoved(int displayId) {
            }
        };
        displays.registerDisplayListener(rotation, handler);
        rotation.onDisplayChanged(Display.DEFAULT_DISPLAY); // the phone may have turned before sharing began
    }

    @Override
    public void onDestroy() {
        if (rotation != null) {
            ((DisplayManager) getSystemService(DISPLAY_SERVICE)).unregisterDisplayListener(rotation);
        }
        TandemApplication.session(this).screen().detach();
        if (projection != null) {
            projection.stop();
            projection = null;
        }
        if (thread != null) {
            thread.quitSafely();
        }
        log.info("Screen capture stopped");
        super.onDestroy();
    }

    @Override
    public IBinder onBind(Intent intent) {
        return null;
    }

    private Notification notification() {
        int immutable = PendingIntent.FLAG_IMMUTABLE;
        PendingIntent stop = PendingIntent.getService(this, 0,
                new Intent(this, ScreenCaptureService.class).setAction(ACTION_STOP), immutable);
        PendingIntent open = PendingIntent.getActivity(this, 0,
                new Intent(this, ChatActivity.class).addFlags(Intent.FLAG_ACTIVITY_SINGLE_TOP), immutable);
        return new Notification.Builder(this, SessionNotifications.SHARING_CHANNEL).setSmallIcon(android.R.drawable.ic_menu_view)
                .setContentTitle(getString(R.string.notification_title))
                .setContentText(getString(R.string.notification_text))
                .setOngoing(true)
                .setContentIntent(open)
                .addAction(new Notification.Action.Builder(android.R.drawable.ic_menu_close_clear_cancel,
                        getString(R.string.sharing_stop), stop).build())
                .build();
    }
}
