package dev.tandem.android.ui;

import android.graphics.Insets;
import android.os.Build;
import android.view.View;
import android.view.WindowInsets;
import dev.tandem.android.SinceApi;

/**
 * Android 15 draws every app edge to edge (the app targets 35): without this, the chat box and Send sit
 * under the navigation bar, and under the keyboard since {@code adjustResize} no longer shrinks the
 * window. A screen's root view gets padding for the system bars, the display cutout and the keyboard,
 * on top of its own, every time they change. Older Androids report the same through the legacy
 * insets. Main thread only.
 */
final class EdgeToEdge {
    private EdgeToEdge() {
    }

    /** Keeps {@code root}'s content clear of the system bars and the keyboard. */
    static void keepClear(View root) {
        int left = root.getPaddingLeft();
        int top = root.getPaddingTop();
        int right = root.getPaddingRight();
        int bottom = root.getPaddingBottom();
        root.setOnApplyWindowInsetsListener((view, insets) -> {
            int[] clear = Build.VERSION.SDK_INT >= 30 ? barsCutoutAndKeyboard(insets) : legacy(insets);
            view.setPadding(left + clear[0], top + clear[1], right + clear[2], bottom + clear[3]);
            return insets;
        });
        root.requestApplyInsets();
    }

    @SinceApi(30)
    private static int[] barsCutoutAndKeyboard(WindowInsets insets) {
        Insets clear = insets.getInsets(WindowInsets.Type.systemBars() | WindowInsets.Type.displayCutout()
                | WindowInsets.Type.ime());
        return new int[] {clear.left, clear.top, clear.right, clear.bottom};
    }

    @SuppressWarnings("deprecation") // the only insets before Android 11
    private static int[] legacy(WindowInsets insets) {
        return new int[] {insets.getSystemWindowInsetLeft(), insets.getSystemWindowInsetTop(),
            insets.getSystemWindowInsetRight(), insets.getSystemWindowInsetBottom()};
    }
}
