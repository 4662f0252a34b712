package dev.tandem.server.testing;

import dev.tandem.protocol.tls.TrustedCertificates;
import dev.tandem.server.edge.EdgeSettings;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private certificate authority made for one test, and server certificates it signs for
 * {@code localhost}, {@code 127.0.0.1} and {@code ::1} (or other names), written as the PEM files
 * an operator would give: chain in one file, PKCS#8 key in another.
 */
public final class TestCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private final Path dir;
    private final KeyPair caKeys;
    private final X509Certificate ca;

    private TestCertificates(Path dir, KeyPair caKeys, X509Certificate ca) {
        this.dir = dir;
        this.caKeys = caKeys;
        this.ca = ca;
    }

    /** A new private CA ("Tandem Test CA …") whose certificate is written to {@code dir/ca.pem}. */
    public static TestCertificates create(Path dir) {
        try {
            KeyPair keys = keys("EC");
            X500Name name = new X500Name("CN=Tandem Test CA " + SERIAL.incrementAndGet());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(Instant.now().minus(Duration.ofHours(1))), Date.from(Instant.now().plus(Duration.ofDays(30))),
                    name, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate ca = sign(builder, keys);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("ca.pem"), pem("CERTIFICATE", ca.getEncoded()));
            return new TestCertificates(dir, keys, ca);
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path caFile() {
        return dir.resolve("ca.pem");
    }

    public X509Certificate ca() {
        return ca;
    }

    /** Clients of the test: the system's authorities plus this CA. */
    public SSLContext clientContext() {
        return TrustedCertificates.fromFile(caFile().toString()).sslContext();
    }

    /**
     * Signs a server certificate with a new key ({@code "RSA"} or {@code "EC"}) for {@code names}
     * (DNS names and IP literals) and writes {@code <prefix>-cert.pem} (certificate then CA) and
     * {@code <prefix>-key.pem} (PKCS#8).
     */
    public EdgeSettings.TlsFiles server(String prefix, String algorithm, String... names) {
        try {
            KeyPair keys = keys(algorithm);
            X509Certificate certificate = serverCertificate(keys, names.length == 0
                    ? new String[] {"localhost", "127.0.0.1", "::1"} : names);
            Path cert = dir.resolve(prefix + "-cert.pem");
            Path key = dir.resolve(prefix + "-key.pem");
            Files.writeString(cert, pem("CERTIFICATE", certificate.getEncoded()) + pem("CERTIFICATE", ca.getEncoded()));
            Files.writeString(key, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            return new EdgeSettings.TlsFiles(cert, key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS context that serves {@code files} (for a test's own TLS server, e.g. SMTP). */
    public static SSLContext serverContext(EdgeSettings.TlsFiles files) {
        try {
            java.security.cert.CertificateFactory factory = java.security.cert.CertificateFactory.getInstance("X.509");
            java.util.List<java.security.cert.Certificate> chain = new java.util.ArrayList<>();
            try (java.io.InputStream in = Files.newInputStream(files.certificate())) {
                chain.addAll(factory.generateCertificates(in));
            }
            String pem = Files.readString(files.key()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(pem);
            String algorithm = chain.get(0).getPublicKey().getAlgorithm();
            java.security.PrivateKey key = java.security.KeyFactory.getInstance(algorithm)
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, "test".toCharArray(), chain.toArray(new java.security.cert.Certificate[0]));
            javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, "test".toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate for {@code localhost} from another, unknown CA: what an attacker in the middle would show. */
    public static EdgeSettings.TlsFiles stranger(Path dir) {
        return create(dir.resolve("stranger")).server("stranger", "EC");
    }

    private X509Certificate serverCertificate(KeyPair keys, String[] names) throws Exception {
        GeneralName[] alternatives = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
            boolean ip = names[i].matches("[0-9.]+") || names[i].contains(":");
            alternatives[i] = ip ? new GeneralName(GeneralName.iPAddress, InetAddress.getByName(names[i]).getHostAddress())
                    : new GeneralName(GeneralName.dNSName, names[i]);
        }
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(Instant.now().minus(Duration.ofHours(1))), Date.from(Instant.now().plus(Duration.ofDays(7))),
                new X500Name("CN=" + names[0]), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
        return sign(builder, caKeys);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        String algorithm = signer.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder(algorithm).build(signer.getPrivate())));
    }

    private static KeyPair keys(String algorithm) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    /** PEM text of {@code der}. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

}
