/**
 * The diagnostics report's sections read from the Android platform (Build, the battery broadcast,
 * StatFs, ActivityManager, ConnectivityManager, TelephonyManager, the display, PackageManager), fed
 * to the agent's {@code DiagnosticsCollector}, which turns any failure into an unavailable section.
 */
package dev.tandem.android.diagnostics;
