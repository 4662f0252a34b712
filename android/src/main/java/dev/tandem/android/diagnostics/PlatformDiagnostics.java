package dev.tandem.android.diagnostics;

import android.app.ActivityManager;
import android.content.Context;
import android.content.Intent;
import android.content.IntentFilter;
import android.content.pm.PackageInfo;
import android.content.pm.PackageManager;
import android.hardware.display.DisplayManager;
import android.net.ConnectivityManager;
import android.net.LinkAddress;
import android.net.LinkProperties;
import android.net.Network;
import android.net.NetworkCapabilities;
import android.net.wifi.WifiInfo;
import android.net.wifi.WifiManager;
import android.os.BatteryManager;
import android.os.Build;
import android.os.Environment;
import android.os.StatFs;
import android.os.SystemClock;
import android.telephony.TelephonyManager;
import android.util.DisplayMetrics;
import android.view.Display;
import dev.tandem.android.capability.PhoneCapabilities;
import dev.tandem.agent.diagnostics.DiagnosticsCollector;
import dev.tandem.protocol.diagnostics.BatterySection;
import dev.tandem.protocol.diagnostics.CpuSection;
import dev.tandem.protocol.diagnostics.DeviceSection;
import dev.tandem.protocol.diagnostics.DisplaySection;
import dev.tandem.protocol.diagnostics.Grant;
import dev.tandem.protocol.diagnostics.InstalledApp;
import dev.tandem.protocol.diagnostics.LocaleSection;
import dev.tandem.protocol.diagnostics.MemorySection;
import dev.tandem.protocol.diagnostics.NetworkKind;
import dev.tandem.protocol.diagnostics.NetworkSection;
import dev.tandem.protocol.diagnostics.PermissionsSection;
import dev.tandem.protocol.diagnostics.PowerSource;
import dev.tandem.protocol.diagnostics.Reading;
import dev.tandem.protocol.diagnostics.StorageSection;
import dev.tandem.protocol.diagnostics.Volume;
import dev.tandem.protocol.message.Capability;
import java.io.File;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Every section of the diagnostics report, from the phone's own APIs. A value Android does not give
 * (no SIM, not on Wi-Fi, a permission the app does not hold) is an unavailable reading with the
 * reason, never a guess. Thread-safe: each call reads the platform afresh.
 */
public final class PlatformDiagnostics {
    private final Context context;
    private final PhoneCapabilities capabilities;

    private PlatformDiagnostics(Context context) {
        this.context = context.getApplicationContext() != null ? context.getApplicationContext() : context;
        this.capabilities = new PhoneCapabilities(this.context);
    }

    /** The agent's collector with every section read from this phone. */
    public static DiagnosticsCollector collector(Context context, Clock clock) {
        PlatformDiagnostics phone = new PlatformDiagnostics(context);
        return DiagnosticsCollector.builder(clock)
                .device(phone::device)
                .battery(phone::battery)
                .storage(phone::storage)
                .memory(phone::memory)
                .cpu(phone::cpu)
                .display(phone::display)
                .network(phone::network)
                .locale(phone::locale)
                .apps(phone::apps)
                .permissions(phone::permissions)
                .build();
    }

    DeviceSection device() {
        Reading<String> patch = Build.VERSION.SDK_INT >= 23 && Build.VERSION.SECURITY_PATCH != null
                && !Build.VERSION.SECURITY_PATCH.isEmpty()
                ? Reading.of(Build.VERSION.SECURITY_PATCH) : Reading.unavailable("not reported by this phone");
        Reading<String> build = Build.DISPLAY == null || Build.DISPLAY.isEmpty()
                ? Reading.unavailable("not reported by this phone") : Reading.of(Build.DISPLAY);
        return new DeviceSection(Build.MANUFACTURER, Build.MODEL, Build.VERSION.RELEASE, Build.VERSION.SDK_INT, patch,
                build, SystemClock.elapsedRealtime() / 1000);
    }

    BatterySection battery() {
        Intent state = context.registerReceiver(null, new IntentFilter(Intent.ACTION_BATTERY_CHANGED));
        if (state == null) {
            throw new IllegalStateException("the phone sent no battery state");
        }
        int level = state.getIntExtra(BatteryManager.EXTRA_LEVEL, -1);
        int scale = state.getIntExtra(BatteryManager.EXTRA_SCALE, -1);
        int status = state.getIntExtra(BatteryManager.EXTRA_STATUS, BatteryManager.BATTERY_STATUS_UNKNOWN);
        int plugged = state.getIntExtra(BatteryManager.EXTRA_PLUGGED, 0);
        int temperature = state.getIntExtra(BatteryManager.EXTRA_TEMPERATURE, Integer.MIN_VALUE);
        int voltage = state.getIntExtra(BatteryManager.EXTRA_VOLTAGE, -1);
        return new BatterySection(
                level >= 0 && scale > 0 ? Reading.of(Math.round(level * 100f / scale)) : Reading.unavailable("not reported"),
                status == BatteryManager.BATTERY_STATUS_CHARGING || status == BatteryManager.BATTERY_STATUS_FULL && plugged != 0,
                powerSource(plugged),
                health(state.getIntExtra(BatteryManager.EXTRA_HEALTH, BatteryManager.BATTERY_HEALTH_UNKNOWN)),
                temperature == Integer.MIN_VALUE ? Reading.unavailable("not reported") : Reading.of(temperature / 10.0),
                voltage > 0 ? Reading.of(voltage) : Reading.unavailable("not reported"));
    }

    static PowerSource powerSource(int plugged) {
        switch (plugged) {
            case BatteryManager.BATTERY_PLUGGED_AC:
                return PowerSource.AC;
            case BatteryManager.BATTERY_PLUGGED_USB:
                return PowerSource.USB;
            case BatteryManager.BATTERY_PLUGGED_WIRELESS:
                return PowerSource.WIRELESS;
            default:
                return PowerSource.NONE;
        }
    }

    static Reading<String> health(int health) {
        switch (health) {
            case BatteryManager.BATTERY_HEALTH_GOOD:
                return Reading.of("good");
            case BatteryManager.BATTERY_HEALTH_OVERHEAT:
                return Reading.of("overheat");
            case BatteryManager.BATTERY_HEALTH_DEAD:
                return Reading.of("dead");
            case BatteryManager.BATTERY_HEALTH_OVER_VOLTAGE:
                return Reading.of("over voltage");
            case BatteryManager.BATTERY_HEALTH_COLD:
                return Reading.of("cold");
            case BatteryManager.BATTERY_HEALTH_UNSPECIFIED_FAILURE:
                return Reading.of("failure");
            default:
                return Reading.unavailable("the battery does not report its health");
        }
    }

    StorageSection storage() {
        Volume internal = volume(Environment.getDataDirectory());
        Reading<Volume> external = Reading.unavailable("no SD card inserted");
        File[] dirs = context.getExternalFilesDirs(null);
        for (int i = 1; i < dirs.length; i++) { // [0] is the phone's built-in shared storage
            if (dirs[i] != null && Environment.isExternalStorageRemovable(dirs[i])) {
                external = Reading.of(volume(dirs[i]));
                break;
            }
        }
        return new StorageSection(internal, external);
    }

    private static Volume volume(File path) {
        StatFs stats = new StatFs(path.getPath());
        return new Volume(stats.getTotalBytes(), stats.getAvailableBytes());
    }

    MemorySection memory() {
        ActivityManager activities = (ActivityManager) context.getSystemService(Context.ACTIVITY_SERVICE);
        ActivityManager.MemoryInfo memory = new ActivityManager.MemoryInfo();
        activities.getMemoryInfo(memory);
        return new MemorySection(memory.totalMem, memory.availMem, memory.lowMemory);
    }

    CpuSection cpu() {
        return new CpuSection(Arrays.asList(Build.SUPPORTED_ABIS), Runtime.getRuntime().availableProcessors());
    }

    DisplaySection display() {
        DisplayManager displays = (DisplayManager) context.getSystemService(Context.DISPLAY_SERVICE);
        Display display = displays.getDisplay(Display.DEFAULT_DISPLAY);
        DisplayMetrics metrics = new DisplayMetrics();
        display.getRealMetrics(metrics);
        // The natural (portrait) orientation: the shorter side is the width.
        int width = Math.min(metrics.widthPixels, metrics.heightPixels);
        int height = Math.max(metrics.widthPixels, metrics.heightPixels);
        float rate = display.getRefreshRate();
        return new DisplaySection(width, height, metrics.densityDpi,
                rate > 0 ? Reading.of(Math.round(rate * 10) / 10.0) : Reading.unavailable("not reported"));
    }

    NetworkSection network() {
        ConnectivityManager connectivity = (ConnectivityManager) context.getSystemService(Context.CONNECTIVITY_SERVICE);
        Network active = connectivity.getActiveNetwork();
        NetworkCapabilities caps = active == null ? null : connectivity.getNetworkCapabilities(active);
        NetworkKind kind = NetworkKind.NONE;
        boolean vpn = false;
        if (caps != null) {
            vpn = caps.hasTransport(NetworkCapabilities.TRANSPORT_VPN);
            if (caps.hasTransport(NetworkCapabilities.TRANSPORT_WIFI)) {
                kind = NetworkKind.WIFI;
            } else if (caps.hasTransport(NetworkCapabilities.TRANSPORT_CELLULAR)) {
                kind = NetworkKind.CELLULAR;
            } else if (caps.hasTransport(NetworkCapabilities.TRANSPORT_ETHERNET)) {
                kind = NetworkKind.ETHERNET;
            }
        }
        Reading<Integer> signal = Reading.unavailable("not on Wi-Fi");
        Reading<Integer> link = Reading.unavailable("not on Wi-Fi");
        if (kind == NetworkKind.WIFI) {
            WifiManager wifi = (WifiManager) context.getSystemService(Context.WIFI_SERVICE);
            WifiInfo info = wifi == null ? null : wifi.getConnectionInfo();
            signal = info == null ? Reading.unavailable("Wi-Fi details not given") : Reading.of(info.getRssi());
            link = info == null || info.getLinkSpeed() <= 0 ? Reading.unavailable("Wi-Fi details not given")
                    : Reading.of(info.getLinkSpeed());
        }
        Reading<String> operator = Reading.unavailable("no SIM card");
        Reading<String> cellular = Reading.unavailable("not on a mobile network");
        TelephonyManager telephony = (TelephonyManager) context.getSystemService(Context.TELEPHONY_SERVICE);
        if (telephony != null && telephony.getSimState() == TelephonyManager.SIM_STATE_READY) {
            String name = telephony.getNetworkOperatorName();
            operator = name == null || name.isEmpty() ? Reading.unavailable("no mobile service") : Reading.of(name);
            if (kind == NetworkKind.CELLULAR) {
                cellular = Reading.unavailable("Android needs the phone-state permission for the radio type, "
                        + "which Tandem does not ask for");
            }
        }
        List<String> addresses = new ArrayList<>();
        LinkProperties properties = active == null ? null : connectivity.getLinkProperties(active);
        if (properties != null) {
            for (LinkAddress address : properties.getLinkAddresses()) {
                addresses.add(address.getAddress().getHostAddress());
            }
        }
        return new NetworkSection(kind, signal, link, operator, cellular, addresses, vpn);
    }

    LocaleSection locale() {
        return new LocaleSection(Locale.getDefault().toLanguageTag(), TimeZone.getDefault().getID());
    }

    /** The apps Android lets Tandem see (since Android 11 only some, without a special permission). */
    List<InstalledApp> apps() {
        PackageManager packages = context.getPackageManager();
        List<InstalledApp> apps = new ArrayList<>();
        for (PackageInfo info : packages.getInstalledPackages(0)) {
            CharSequence label = info.applicationInfo == null ? null : info.applicationInfo.loadLabel(packages);
            apps.add(InstalledApp.of(label == null ? info.packageName : label.toString(), info.packageName,
                    info.versionName));
        }
        return apps;
    }

    PermissionsSection permissions() {
        Capability screen = capabilities.screen();
        Reading<Grant> capture = Reading.of(screen.available
                ? Grant.notGranted("asked each time the technician requests the screen (Android's own dialog)")
                : Grant.notGranted(screen.reason));
        Capability control = capabilities.control();
        Reading<Grant> accessibility = Reading.of(control.available ? Grant.granted() : Grant.notGranted(control.reason));
        return new PermissionsSection(capture, accessibility);
    }
}
