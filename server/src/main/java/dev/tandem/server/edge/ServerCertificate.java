package dev.tandem.server.edge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's certificate chain and private key, read from PEM files ({@code --tls-cert}: the
 * certificate, optionally followed by its intermediates; {@code --tls-key}: PKCS#8, RSA or EC) into
 * an in-memory key store for Jetty. The key must belong to the first certificate, so a half-done
 * renewal (new key, old certificate) is refused rather than served. Immutable.
 */
public final class ServerCertificate {
    /** The in-memory key store's password; the store never leaves the process. */
    static final String STORE_PASSWORD = "tandem";
    static final String ALIAS = "tandem";
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");
    private final KeyStore store;
    private final X509Certificate leaf;

    private ServerCertificate(KeyStore store, X509Certificate leaf) {
        this.store = store;
        this.leaf = leaf;
    }

    /**
     * Reads and checks the pair.
     *
     * @throws IllegalArgumentException with a sentence for the operator: unreadable, not PEM, not
     *                                  PKCS#8, or a key that does not belong to the certificate
     */
    public static ServerCertificate read(EdgeSettings.TlsFiles files) {
        List<X509Certificate> chain = certificates(files.certificate());
        PrivateKey key = privateKey(files.key(), chain.get(0).getPublicKey().getAlgorithm());
        if (!belongTogether(key, chain.get(0))) {
            throw new IllegalArgumentException("The key in " + files.key() + " does not belong to the certificate in "
                    + files.certificate() + " (a renewal replaced only one of them?).");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, STORE_PASSWORD.toCharArray(), chain.toArray(new Certificate[0]));
            return new ServerCertificate(store, chain.get(0));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build the key store", e);
        }
    }

    public KeyStore keyStore() {
        return store;
    }

    /** The server certificate itself (the first of the chain). */
    public X509Certificate leaf() {
        return leaf;
    }

    private static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Matcher blocks = BLOCK.matcher(read(file, "--tls-cert"));
            while (blocks.find()) {
                if (blocks.group(1).equals("CERTIFICATE")) {
                    chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(decode(blocks.group(2)))));
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--tls-cert " + file + " holds a certificate that cannot be read: "
                    + "give the PEM file (-----BEGIN CERTIFICATE-----), the server's certificate first.");
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("--tls-cert " + file + " holds no PEM certificate "
                    + "(-----BEGIN CERTIFICATE-----).");
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file, String algorithm) {
        Matcher blocks = BLOCK.matcher(read(file, "--tls-key"));
        while (blocks.find()) {
            String type = blocks.group(1);
            if (type.equals("PRIVATE KEY")) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(decode(blocks.group(2))));
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    throw new IllegalArgumentException("--tls-key " + file + " is not an unencrypted PKCS#8 " + algorithm
                            + " key matching the certificate's kind.");
                }
            }
            if (type.endsWith("PRIVATE KEY")) {
                throw new IllegalArgumentException("--tls-key " + file + " holds a '" + type + "': Tandem reads unencrypted "
                        + "PKCS#8 keys (-----BEGIN PRIVATE KEY-----); convert it with: openssl pkcs8 -topk8 -nocrypt "
                        + "-in " + file.getFileName() + " -out key.pem");
            }
        }
        throw new IllegalArgumentException("--tls-key " + file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----).");
    }

    private static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String read(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + " cannot be read: " + (e instanceof java.nio.file.NoSuchFileException
                    ? "no such file" : e.getMessage()) + ".");
        }
    }

    private static byte[] decode(String base64) {
        return Base64.getMimeDecoder().decode(base64);
    }
}
