package dev.tandem.protocol.tls;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate authorities a client trusts: always the system's, plus those of a PEM file
 * ({@code --ca-file}) for a server whose certificate a private CA signed. Host names are still
 * checked by whoever opens the connection (HTTPS endpoint identification). Immutable.
 */
public final class TrustedCertificates {
    private static final Pattern CERTIFICATE =
            Pattern.compile("-----BEGIN CERTIFICATE-----([^-]*)-----END CERTIFICATE-----");
    private static final TrustedCertificates SYSTEM = new TrustedCertificates(Collections.<X509Certificate>emptyList());
    private final List<X509Certificate> extra;

    private TrustedCertificates(List<X509Certificate> extra) {
        this.extra = Collections.unmodifiableList(new ArrayList<>(extra));
    }

    /** Only the system's authorities. */
    public static TrustedCertificates system() {
        return SYSTEM;
    }

    /**
     * The system's authorities and every certificate in {@code pemFile}.
     *
     * @throws IllegalArgumentException with a sentence naming the file when it cannot be read or holds no certificate
     */
    public static TrustedCertificates fromFile(File pemFile) {
        byte[] bytes;
        try (InputStream in = new FileInputStream(pemFile)) {
            bytes = readAll(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("--ca-file " + pemFile + " cannot be read: check the path.");
        }
        return fromPem(new String(bytes, StandardCharsets.US_ASCII), "--ca-file " + pemFile);
    }

    /** As {@link #fromFile(File)}, for a path as text. */
    public static TrustedCertificates fromFile(String path) {
        return fromFile(new File(path));
    }

    /** The system's authorities and the certificates in {@code pem}; {@code source} names it in errors. */
    public static TrustedCertificates fromPem(String pem, String source) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Matcher blocks = CERTIFICATE.matcher(pem);
            while (blocks.find()) {
                byte[] der = Base64.getMimeDecoder().decode(blocks.group(1));
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " holds a certificate that cannot be read: give PEM "
                    + "certificates (-----BEGIN CERTIFICATE-----).");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
        }
        return new TrustedCertificates(certificates);
    }

    /** The extra authorities (empty for {@link #system()}). */
    public List<X509Certificate> extra() {
        return extra;
    }

    /** A trust manager that accepts a chain the system or the extra authorities vouch for. */
    public X509TrustManager trustManager() {
        X509TrustManager system = platform(null);
        if (extra.isEmpty()) {
            return system;
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < extra.size(); i++) {
                store.setCertificateEntry("ca-" + i, extra.get(i));
            }
            return new EitherTrustManager(platform(store), system);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build a trust store", e);
        }
    }

    /**
     * A TLS context for clients that trusts {@link #trustManager()}; for {@link #system()} the JVM's
     * default context (which follows {@code javax.net.ssl.trustStore} and {@code SSLContext.setDefault}).
     */
    public SSLContext sslContext() {
        try {
            if (extra.isEmpty()) {
                return SSLContext.getDefault();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }

    private static X509TrustManager platform(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager) {
                    return (X509TrustManager) manager;
                }
            }
            throw new IllegalStateException("No X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a trust manager", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > 4 * 1024 * 1024) {
                throw new IOException("too large");
            }
        }
        return out.toByteArray();
    }

    /** Trusts what the private authorities trust, else what the system trusts. */
    private static final class EitherTrustManager implements X509TrustManager {
        private final X509TrustManager first;
        private final X509TrustManager second;

        EitherTrustManager(X509TrustManager first, X509TrustManager second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkClientTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkClientTrusted(chain, authType);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>();
            Collections.addAll(all, first.getAcceptedIssuers());
            Collections.addAll(all, second.getAcceptedIssuers());
            return all.toArray(new X509Certificate[0]);
        }
    }
}
