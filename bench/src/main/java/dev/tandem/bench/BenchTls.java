package dev.tandem.bench;

import dev.tandem.protocol.tls.TrustedCertificates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Option;

/**
 * {@code --tls-cert}, {@code --tls-key} and {@code --ca-file} of the benchmarks that start a server:
 * with a certificate the benchmark server speaks HTTPS/WSS and every client (REST, console feed,
 * phones, viewers) goes through TLS, trusting {@code --ca-file} besides the system's authorities.
 * The certificate must be made out to {@code localhost}.
 */
final class BenchTls {
    @Option(names = "--tls-cert", paramLabel = "FILE", description = "Run the server over HTTPS with this PEM "
            + "certificate (made out to localhost); needs --tls-key")
    Path certificate;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The certificate's PKCS#8 PEM key")
    Path key;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "Certificate authorities (PEM) the clients trust "
            + "besides the system's")
    Path caFile;

    /** Checks the options and makes {@code --ca-file} the clients' trust for this run. */
    void apply() {
        if ((certificate == null) != (key == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
        if (caFile != null) {
            SSLContext.setDefault(TrustedCertificates.fromFile(caFile.toString()).sslContext());
        }
    }

    boolean enabled() {
        return certificate != null;
    }

    /** The benchmark server's extra arguments. */
    List<String> serverArguments() {
        List<String> args = new ArrayList<>();
        if (enabled()) {
            args.add("--tls-cert");
            args.add(certificate.toAbsolutePath().toString());
            args.add("--tls-key");
            args.add(key.toAbsolutePath().toString());
        }
        return args;
    }
}
