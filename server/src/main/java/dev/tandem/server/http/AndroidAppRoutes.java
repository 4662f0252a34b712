package dev.tandem.server.http;

import dev.tandem.server.ErrorCode;
import dev.tandem.server.ServerConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Android app as the server offers it: {@code /app/tandem.apk} (the APK named by the environment
 * variable {@code TANDEM_APK}; {@code ./tandem} sets it to {@code android/target/tandem.apk} when that
 * was built) and {@code /.well-known/assetlinks.json}, which lets Android open {@code /join/...} links
 * in the app without asking. The certificate fingerprints are read from the APK's own v2/v3 signature,
 * plus any in {@code TANDEM_APP_CERT_SHA256} (comma-separated, e.g. a store's signing key). Without an
 * APK the server runs as before: the download answers 404 and the join page offers the store.
 */
public final class AndroidAppRoutes {
    static final String PACKAGE = "dev.tandem.app";
    private static final Logger LOG = LoggerFactory.getLogger(AndroidAppRoutes.class);
    private static final int APK_SIG_V2 = 0x7109871a;
    private static final int APK_SIG_V3 = 0xf05368c0;

    private final Optional<Path> apk;
    private final List<String> fingerprints;

    private AndroidAppRoutes(Optional<Path> apk, List<String> fingerprints) {
        this.apk = apk;
        this.fingerprints = List.copyOf(fingerprints);
    }

    /** The app named by {@code TANDEM_APK} and {@code TANDEM_APP_CERT_SHA256}, if any. */
    public static AndroidAppRoutes fromEnvironment() {
        return create(Optional.ofNullable(System.getenv("TANDEM_APK")).filter(s -> !s.isBlank()).map(Path::of),
                Optional.ofNullable(System.getenv("TANDEM_APP_CERT_SHA256")).orElse(""));
    }

    static AndroidAppRoutes create(Optional<Path> apkPath, String extraFingerprints) {
        Set<String> prints = new LinkedHashSet<>();
        Optional<Path> apk = apkPath.filter(p -> {
            if (Files.isRegularFile(p)) {
                return true;
            }
            LOG.warn("TANDEM_APK names {}, which is not a file: the app download is off", p);
            return false;
        });
        apk.ifPresent(p -> {
            try {
                prints.addAll(signingCertificates(p));
                LOG.info("Offering the Android app {} (certificate {})", p, prints);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot read the signing certificate of {}: {}", p, e.toString());
            }
        });
        for (String print : extraFingerprints.split(",")) {
            if (!print.isBlank()) {
                prints.add(print.trim().toUpperCase(Locale.ROOT));
            }
        }
        return new AndroidAppRoutes(apk, new ArrayList<>(prints));
    }

    /** Where the join page's "Download the app" points: the store when one is configured, else this APK. */
    public String downloadLink(String storeUrl) {
        boolean storeConfigured = storeUrl != null && !storeUrl.isBlank()
                && !storeUrl.equals(ServerConfig.DEFAULT_STORE_URL);
        return apk.isPresent() && !storeConfigured ? "/app/tandem.apk" : storeUrl;
    }

    public void register(RoutesConfig routes) {
        routes.get("/.well-known/assetlinks.json", this::assetLinks);
        routes.get("/app/tandem.apk", this::download);
    }

    private void assetLinks(Context ctx) {
        ctx.json(fingerprints.isEmpty() ? List.of() : List.of(Map.of(
                "relation", List.of("delegate_permission/common.handle_all_urls"),
                "target", Map.of("namespace", "android_app", "package_name", PACKAGE,
                        "sha256_cert_fingerprints", fingerprints))));
    }

    private void download(Context ctx) throws IOException {
        if (apk.isEmpty() || !Files.isRegularFile(apk.get())) {
            ErrorResponses.write(ctx, ErrorCode.APP_NOT_AVAILABLE, "This server offers no Android app: build it with "
                    + "'./mvnw -pl android -am package' and start the server with TANDEM_APK pointing at the APK.");
            return;
        }
        ctx.contentType("application/vnd.android.package-archive");
        ctx.header("Content-Disposition", "attachment; filename=\"tandem.apk\"");
        ctx.disableCompression(); // the Content-Length below is the APK's own (an APK is a ZIP already)
        ctx.header("Content-Length", Long.toString(Files.size(apk.get())));
        InputStream in = Files.newInputStream(apk.get());
        ctx.result(in);
    }

    /**
     * The SHA-256 fingerprints ({@code AB:CD:...}) of the certificates in the APK Signing Block's v2 or
     * v3 signature (the block sits right before the ZIP central directory).
     */
    static List<String> signingCertificates(Path apk) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(apk.toFile(), "r")) {
            long length = file.length();
            int tail = (int) Math.min(length, 65_557);
            byte[] end = new byte[tail];
            file.seek(length - tail);
            file.readFully(end);
            ByteBuffer eocd = ByteBuffer.wrap(end).order(ByteOrder.LITTLE_ENDIAN);
            int at = tail - 22;
            while (at >= 0 && eocd.getInt(at) != 0x06054b50) {
                at--;
            }
            if (at < 0) {
                throw new IOException("not a ZIP file");
            }
            long centralDirectory = eocd.getInt(at + 16) & 0xFFFFFFFFL;
            byte[] footer = new byte[24];
            file.seek(centralDirectory - 24);
            file.readFully(footer);
            if (!new String(footer, 8, 16, StandardCharsets.US_ASCII).equals("APK Sig Block 42")) {
                throw new IOException("the APK has no v2/v3 signature");
            }
            long size = ByteBuffer.wrap(footer).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
            byte[] block = new byte[(int) size - 24];
            file.seek(centralDirectory - size);
            file.readFully(block);
            ByteBuffer pairs = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
            List<String> v2 = null;
            while (pairs.remaining() >= 12) {
                long pairLength = pairs.getLong();
                int id = pairs.getInt();
                ByteBuffer value = slice(pairs, (int) pairLength - 4);
                if (id == APK_SIG_V3 || id == APK_SIG_V2 && v2 == null) {
                    v2 = certificates(value);
                    if (id == APK_SIG_V3) {
                        break;
                    }
                }
            }
            if (v2 == null || v2.isEmpty()) {
                throw new IOException("no certificate in the APK's signature");
            }
            return v2;
        }
    }

    private static List<String> certificates(ByteBuffer scheme) throws IOException {
        List<String> prints = new ArrayList<>();
        ByteBuffer signers = prefixed(scheme);
        while (signers.hasRemaining()) {
            ByteBuffer signer = prefixed(signers);
            ByteBuffer signedData = prefixed(signer);
            prefixed(signedData); // digests
            ByteBuffer certs = prefixed(signedData);
            if (certs.hasRemaining()) {
                ByteBuffer cert = prefixed(certs);
                byte[] der = new byte[cert.remaining()];
                cert.get(der);
                prints.add(sha256(der));
            }
        }
        return prints;
    }

    private static ByteBuffer prefixed(ByteBuffer in) throws IOException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IOException("malformed APK signature block");
        }
        return slice(in, length);
    }

    private static ByteBuffer slice(ByteBuffer in, int length) {
        ByteBuffer part = in.slice().order(ByteOrder.LITTLE_ENDIAN);
        part.limit(length);
        in.position(in.position() + length);
        return part;
    }

    private static String sha256(byte[] der) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(hex.length() == 0 ? "" : ":").append(String.format("%02X", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
