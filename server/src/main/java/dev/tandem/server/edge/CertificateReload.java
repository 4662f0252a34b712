package dev.tandem.server.edge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a renewed certificate without a restart: {@link #check()} (run every few seconds) looks at
 * both files' modification times and sizes, and when either changed and the pair reads and matches,
 * swaps it into Jetty; connections already open keep theirs. A pair caught half-renewed (the key
 * renamed into place before the certificate) does not match and is simply tried again at the next
 * check; the old certificate stays in service meanwhile. Thread-safe (one timer thread calls it).
 */
public final class CertificateReload {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateReload.class);
    private final EdgeSettings.TlsFiles files;
    private final SslContextFactory.Server jetty;
    private List<Object> served;
    private List<Object> refused;

    CertificateReload(EdgeSettings.TlsFiles files, SslContextFactory.Server jetty) {
        this.files = files;
        this.jetty = jetty;
        this.served = stamp();
    }

    /** Reloads the pair when the files changed since the last load. */
    public synchronized void check() {
        List<Object> now = stamp();
        if (now.equals(served) || now.equals(refused)) {
            return;
        }
        ServerCertificate fresh;
        try {
            fresh = ServerCertificate.read(files);
        } catch (IllegalArgumentException e) {
            refused = now;
            LOG.warn("Not reloading the TLS certificate yet: {}", e.getMessage());
            return;
        }
        try {
            jetty.reload(factory -> factory.setKeyStore(fresh.keyStore()));
            served = now;
            refused = null;
            LOG.info("Serving the renewed TLS certificate for {} (valid until {})",
                    fresh.leaf().getSubjectX500Principal().getName(), fresh.leaf().getNotAfter().toInstant());
        } catch (Exception e) {
            refused = now;
            LOG.warn("Reloading the TLS certificate failed; the previous one stays in service", e);
        }
    }

    private List<Object> stamp() {
        return List.of(stamp(files.certificate()), stamp(files.key()));
    }

    private static Object stamp(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return java.util.Arrays.asList(modified, Files.size(file), Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        } catch (IOException e) {
            return "missing";
        }
    }
}
