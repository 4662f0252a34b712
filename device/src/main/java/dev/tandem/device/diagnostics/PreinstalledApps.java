package dev.tandem.device.diagnostics;

import dev.tandem.device.DeviceProfile;
import dev.tandem.protocol.diagnostics.InstalledApp;
import java.util.ArrayList;
import java.util.List;

/** The apps on each virtual phone: the vendor's own, the usual Google and chat apps, and Tandem. */
final class PreinstalledApps {
    private PreinstalledApps() {
    }

    static List<InstalledApp> forProfile(DeviceProfile profile) {
        List<InstalledApp> apps = new ArrayList<>(vendorApps(profile));
        apps.add(InstalledApp.of("Chrome", "com.android.chrome", "125.0.6422.165"));
        apps.add(InstalledApp.of("Gmail", "com.google.android.gm", "2024.05.19.636985863"));
        apps.add(InstalledApp.of("Google Play Store", "com.android.vending", "41.1.19-31"));
        apps.add(InstalledApp.of("YouTube", "com.google.android.youtube", "19.21.37"));
        apps.add(InstalledApp.of("WhatsApp", "com.whatsapp", "2.24.11.79"));
        apps.add(InstalledApp.of("Tandem", "dev.tandem.app", "0.1.0"));
        return List.copyOf(apps);
    }

    private static List<InstalledApp> vendorApps(DeviceProfile profile) {
        return switch (profile) {
            case SAMSUNG -> List.of(
                    InstalledApp.of("One UI Home", "com.sec.android.app.launcher", "15.1.03.32"),
                    InstalledApp.of("Samsung Messages", "com.samsung.android.messaging", "14.5.10.13"),
                    InstalledApp.of("Samsung Internet", "com.sec.android.app.sbrowser", "25.0.1.3"),
                    InstalledApp.of("Samsung Notes", "com.samsung.android.app.notes", "4.4.21.62"),
                    InstalledApp.of("Gallery", "com.sec.android.gallery3d", "14.5.07.3"),
                    InstalledApp.of("Camera", "com.sec.android.app.camera", "14.0.01.5"),
                    InstalledApp.of("My Files", "com.sec.android.app.myfiles", "14.5.00.62"),
                    InstalledApp.of("SmartThings", "com.samsung.android.oneconnect", "1.8.16.22"),
                    InstalledApp.of("Samsung Wallet", "com.samsung.android.spay", "5.9.53"),
                    InstalledApp.of("Bixby Voice", "com.samsung.android.bixby.agent", "3.3.45.18"),
                    InstalledApp.of("Galaxy Store", "com.sec.android.app.samsungapps", "4.5.74.8"),
                    InstalledApp.of("Samsung Health", "com.sec.android.app.shealth", "6.27.0.044"));
            case LG -> List.of(
                    InstalledApp.of("LG Home", "com.lge.launcher3", "13.10.19"),
                    InstalledApp.of("QuickMemo+", "com.lge.qmemoplus", "7.20.32"),
                    InstalledApp.of("Music", "com.lge.music", "6.20.21"),
                    InstalledApp.of("Camera", "com.lge.camera", "12.20.11"),
                    InstalledApp.of("File Manager", "com.lge.filemanager", "8.10.22"),
                    InstalledApp.of("Clock", "com.lge.clock", "6.10.16"),
                    InstalledApp.of("SmartWorld", "com.lge.lgworld", "6.1.40"),
                    InstalledApp.of("LG ThinQ", "com.lgeha.nuts", "4.1.33430"));
            case GENERIC -> List.of(
                    InstalledApp.of("Moto", "com.motorola.moto", "11.0.14"),
                    InstalledApp.of("Camera", "com.motorola.camera3", "9.0.70.32"),
                    InstalledApp.of("FM Radio", "com.motorola.fmplayer", null),
                    InstalledApp.of("Files by Google", "com.google.android.apps.nbu.files", "1.3628.0"));
        };
    }
}
