package dev.tandem.android.session;

import android.content.Context;
import android.hardware.display.DisplayManager;
import android.os.Build;
import android.os.SystemClock;
import android.util.DisplayMetrics;
import android.view.Display;
import dev.tandem.agent.PhoneFeatures;
import dev.tandem.agent.drawing.Drawings;
import dev.tandem.agent.rfb.session.StreamSettings;
import dev.tandem.agent.sharing.ScreenAccess;
import dev.tandem.android.diagnostics.PlatformDiagnostics;
import dev.tandem.android.input.AccessibilityInput;
import dev.tandem.android.input.AndroidClipboard;
import dev.tandem.android.input.DrawingOverlay;
import dev.tandem.android.input.TandemAccessibilityService;
import dev.tandem.android.logs.AppLog;
import dev.tandem.android.logs.PhoneLogs;
import dev.tandem.android.screen.BitmapJpegCompressor;
import dev.tandem.android.screen.ProjectionScreen;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import dev.tandem.protocol.message.DeviceInfo;
import java.time.Clock;

/**
 * What this phone offers a session: its description, its screen (MediaProjection, one for the app's
 * life), input and clipboard through the accessibility service, diagnostics and log files; or chat
 * alone for a session made from the customer's own request (docs/requests.md). Thread-safe.
 */
final class PhoneSetup {
    /** Why a request-made session can do nothing but chat. */
    static final String CHAT_REQUEST = "This is a chat request from the app: only chat is available.";

    private final Context context;
    private final AppLog appLog;
    private final AndroidClipboard clipboard;
    private ProjectionScreen screen;
    /** The technician's drawings (issue 18.7): shown in the accessibility service's overlay. */
    private final Drawings drawings = new Drawings(SystemClock::uptimeMillis);

    PhoneSetup(Context context, AppLog appLog) {
        this.context = context;
        this.appLog = appLog;
        this.clipboard = new AndroidClipboard(context);
        DrawingOverlay.follow(drawings);
        // The overlay needs the accessibility service: without it the phone does not offer drawings.
        drawings.showOnlyWhen(() -> TandemAccessibilityService.connected() != null);
    }

    DeviceInfo device() {
        return new DeviceInfo(Build.MANUFACTURER, Build.MODEL, Build.VERSION.RELEASE, Build.VERSION.SDK_INT, "android");
    }

    /** The features for a session with {@code capabilities}; chat alone when {@code onlyChat}. */
    PhoneFeatures features(Capabilities capabilities, boolean onlyChat) {
        if (onlyChat) {
            return PhoneFeatures.chatOnly();
        }
        PhoneFeatures features = PhoneFeatures.chatOnly()
                .withDiagnostics(PlatformDiagnostics.collector(context, Clock.systemUTC()))
                .withLogs(new PhoneLogs(appLog));
        if (capabilities.screen.available) {
            features = features.withScreen(ScreenAccess.of(screen(), new AccessibilityInput(context, clipboard),
                    StreamSettings.defaults()
                            .withDesktopName("Tandem \u2013 " + Build.MANUFACTURER + " " + Build.MODEL)
                            .withJpeg(new BitmapJpegCompressor())
                            .withClipboard(clipboard)))
                    .withDrawings(drawings);
        }
        return features;
    }

    static Capabilities chatOnlyCapabilities() {
        return new Capabilities(Capability.available(), Capability.missing(CHAT_REQUEST), Capability.missing(CHAT_REQUEST),
                Capability.missing(CHAT_REQUEST));
    }

    /** The shared screen, sized like the phone's display when first asked for. */
    synchronized ProjectionScreen screen() {
        if (screen == null) {
            DisplayManager displays = (DisplayManager) context.getSystemService(Context.DISPLAY_SERVICE);
            DisplayMetrics metrics = new DisplayMetrics();
            displays.getDisplay(Display.DEFAULT_DISPLAY).getRealMetrics(metrics);
            screen = new ProjectionScreen(metrics.widthPixels, metrics.heightPixels, metrics.densityDpi);
        }
        return screen;
    }
}
