package dev.tandem.android.testing;

import static org.robolectric.Shadows.shadowOf;

import android.os.Looper;
import java.util.function.BooleanSupplier;

/** Robolectric's main looper is paused: run what the agent's thread posted until a condition holds. */
public final class MainLooper {
    private MainLooper() {
    }

    public static void runUntil(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            shadowOf(Looper.getMainLooper()).idle();
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError("timed out after 10 s waiting for " + what);
    }
}
