package dev.tandem.android.screen;

import android.app.Notification;
import android.app.NotificationChannel;
import android.app.NotificationManager;
import android.app.PendingIntent;
import android.app.Service;
import android.content.Context;
import android.content.Intent;
import android.content.pm.ServiceInfo;
import android.media.projection.MediaProjection;
import android.media.projection.MediaProjectionManager;
import android.os.Build;
import android.os.Handler;
import android.os.HandlerThread;
import android.os.IBinder;
import dev.tandem.android.R;
import dev.tandem.android.TandemApplication;
import dev.tandem.android.ui.ChatActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The foreground service (type {@code mediaProjection}) that holds the screen capture while the
 * customer shares: Android requires it, and its persistent notification tells the customer their
 * screen is shared and has a Stop button. It starts with the token from Android's consent dialog and
 * stops when the customer stops, the technician releases the screen, the session ends, or Android
 * ends the projection (e.g. the customer tapped the system's own stop chip).
 */
public final class ScreenCaptureService extends Service {
    static final String ACTION_START = "dev.tandem.android.screen.START";
    static final String ACTION_STOP = "dev.tandem.android.screen.STOP";
    static final String EXTRA_RESULT_CODE = "resultCode";
    static final String EXTRA_RESULT_DATA = "resultData";
    private static final String CHANNEL = "sharing";
    private static final int NOTIFICATION_ID = 1;
    private static final Logger log = LoggerFactory.getLogger(ScreenCaptureService.class);

    private HandlerThread thread;
    private MediaProjection projection;

    /** Starts capturing with the consent Android gave ({@code resultCode}, {@code data} of its dialog). */
    static void start(Context context, int resultCode, Intent data) {
        Intent start = new Intent(context, ScreenCaptureService.class).setAction(ACTION_START)
                .putExtra(EXTRA_RESULT_CODE, resultCode).putExtra(EXTRA_RESULT_DATA, data);
        if (Build.VERSION.SDK_INT >= 26) {
            context.startForegroundService(start);
        } else {
            context.startService(start);
        }
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
            startForeground(NOTIFICATION_ID, notification, ServiceInfo.FOREGROUND_SERVICE_TYPE_MEDIA_PROJECTION);
        } else {
            startForeground(NOTIFICATION_ID, notification);
        }
        MediaProjectionManager manager = (MediaProjectionManager) getSystemService(MEDIA_PROJECTION_SERVICE);
        Intent data = intent.getParcelableExtra(EXTRA_RESULT_DATA);
        projection = manager == null || data == null ? null
                : manager.getMediaProjection(intent.getIntExtra(EXTRA_RESULT_CODE, 0), data);
        if (projection == null) {
            log.warn("Android gave no screen projection; sharing stops");
            TandemApplication.session(this).projectionEnded();
            stopSelf();
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
        TandemApplication.session(this).screen().attach(projection, handler);
        log.info("Screen capture started");
        return START_NOT_STICKY;
    }

    @Override
    public void onDestroy() {
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
        int immutable = Build.VERSION.SDK_INT >= 23 ? PendingIntent.FLAG_IMMUTABLE : 0;
        PendingIntent stop = PendingIntent.getService(this, 0,
                new Intent(this, ScreenCaptureService.class).setAction(ACTION_STOP), immutable);
        PendingIntent open = PendingIntent.getActivity(this, 0,
                new Intent(this, ChatActivity.class).addFlags(Intent.FLAG_ACTIVITY_SINGLE_TOP), immutable);
        Notification.Builder builder;
        if (Build.VERSION.SDK_INT >= 26) {
            NotificationManager notifications = getSystemService(NotificationManager.class);
            notifications.createNotificationChannel(new NotificationChannel(CHANNEL,
                    getString(R.string.notification_channel), NotificationManager.IMPORTANCE_LOW));
            builder = new Notification.Builder(this, CHANNEL);
        } else {
            builder = new Notification.Builder(this);
        }
        return builder.setSmallIcon(android.R.drawable.ic_menu_view)
                .setContentTitle(getString(R.string.notification_title))
                .setContentText(getString(R.string.notification_text))
                .setOngoing(true)
                .setContentIntent(open)
                .addAction(new Notification.Action.Builder(android.R.drawable.ic_menu_close_clear_cancel,
                        getString(R.string.sharing_stop), stop).build())
                .build();
    }
}
