package dev.tandem.android.apk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The built APK, checked with the platform tools after {@code package} (Maven's integration-test phase). */
class ApkIT {
    private static final Path APK = Path.of(System.getProperty("tandem.apk", "target/tandem.apk"));

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s said:%n%s", String.join(" ", command), text).isZero();
        return text;
    }

    @Test
    void badgingShowsThePackageTheSdkLevelsAndTheLaunchableJoinScreen() throws Exception {
        String badging = run("aapt", "dump", "badging", APK.toString());
        assertThat(badging).contains("package: name='dev.tandem.app'")
                .contains("sdkVersion:'26'").contains("targetSdkVersion:'35'")
                .contains("launchable-activity: name='dev.tandem.android.ui.JoinActivity'")
                .contains("locales: '--_--' 'es'");
    }

    @Test
    void manifestHasBothJoinLinkFiltersTheHttpsOneVerified() throws Exception {
        String manifest = run("aapt", "dump", "xmltree", APK.toString(), "AndroidManifest.xml");
        assertThat(manifest).contains("A: android:autoVerify(0x010104ee)=(type 0x12)0xffffffff")
                .contains("A: android:scheme(0x01010027)=\"https\"")
                .contains("A: android:pathPrefix(0x0101002b)=\"/join/\"")
                .contains("A: android:scheme(0x01010027)=\"tandem\"")
                .contains("A: android:host(0x01010028)=\"join\"")
                .contains("android:foregroundServiceType");
    }

    @Test
    void manifestDeclaresWhatAndroid11To15Need() throws Exception {
        String manifest = run("aapt", "dump", "xmltree", APK.toString(), "AndroidManifest.xml");
        // Package visibility (11+): the launchable apps, for the diagnostics' app list.
        assertThat(manifest).contains("E: queries").contains("\"android.intent.category.LAUNCHER\"");
        // The session's own foreground service (specialUse, 14+) with its reason, and the capture's.
        assertThat(manifest).contains("\"dev.tandem.android.session.SessionService\"")
                .contains("android:foregroundServiceType(0x01010599)=(type 0x11)0x40000000")
                .contains("\"android.app.PROPERTY_SPECIAL_USE_FGS_SUBTYPE\"")
                .contains("android:foregroundServiceType(0x01010599)=(type 0x11)0x20");
        assertThat(manifest).contains("\"android.permission.FOREGROUND_SERVICE_SPECIAL_USE\"")
                .contains("\"android.permission.FOREGROUND_SERVICE_MEDIA_PROJECTION\"")
                .contains("\"android.permission.POST_NOTIFICATIONS\"")
                .contains("\"android.permission.WAKE_LOCK\"");
        // Portal links open "Ask for help"; the request screen exists.
        assertThat(manifest).contains("A: android:pathPrefix(0x0101002b)=\"/portal/\"")
                .contains("\"dev.tandem.android.ui.RequestActivity\"");
    }

    @Test
    void theApkIsSignedAndAligned() throws Exception {
        String verify = run("apksigner", "verify", "--verbose", "--min-sdk-version", "26", APK.toString());
        assertThat(verify).contains("Verifies").contains("Verified using v2 scheme (APK Signature Scheme v2): true");
        run("zipalign", "-c", "-p", "4", APK.toString());
    }

    @Test
    void theDexCarriesTheSharedAgentAndProtocolClasses() throws Exception {
        Set<String> classes = new HashSet<>();
        try (ZipFile zip = new ZipFile(APK.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().matches("classes\\d*\\.dex")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        classes.addAll(definedClasses(in.readAllBytes()));
                    }
                }
            }
        }
        assertThat(classes).contains("Ldev/tandem/agent/AgentSession;", "Ldev/tandem/agent/rfb/session/ScreenStream;",
                "Ldev/tandem/agent/rfb/encoding/TightEncoder;", "Ldev/tandem/protocol/message/WireCodec;",
                "Lorg/java_websocket/client/WebSocketClient;", "Ldev/tandem/android/screen/ProjectionScreen;");
        assertThat(Files.size(APK)).as("APK size").isLessThanOrEqualTo(3L * 1024 * 1024);
    }

    /** The type descriptors of the classes a dex file defines (its class_defs, not mere references). */
    static List<String> definedClasses(byte[] dex) {
        ByteBuffer b = ByteBuffer.wrap(dex).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(dex, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("dex");
        int stringIdsOff = b.getInt(0x3C);
        int typeIdsOff = b.getInt(0x44);
        int classDefsSize = b.getInt(0x60);
        int classDefsOff = b.getInt(0x64);
        List<String> names = new ArrayList<>(classDefsSize);
        for (int i = 0; i < classDefsSize; i++) {
            int typeIdx = b.getInt(classDefsOff + i * 32);
            int stringIdx = b.getInt(typeIdsOff + typeIdx * 4);
            int at = b.getInt(stringIdsOff + stringIdx * 4);
            while ((dex[at++] & 0x80) != 0) {
                // skip the ULEB128 length
            }
            int end = at;
            while (dex[end] != 0) {
                end++;
            }
            names.add(new String(dex, at, end - at, StandardCharsets.UTF_8)); // ASCII for class names
        }
        return names;
    }
}
