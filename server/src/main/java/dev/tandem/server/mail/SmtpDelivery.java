package dev.tandem.server.mail;

import dev.tandem.protocol.tls.TrustedCertificates;
import dev.tandem.server.ServerConfig.SmtpSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;

/**
 * Hands a stored MIME message to the configured SMTP server. {@code smtps://} is TLS from the first
 * byte; {@code smtp://} upgrades with STARTTLS whenever the server offers it and, when a user name
 * is set, refuses to authenticate over a connection that stayed unencrypted (unless the URL says
 * {@code ?insecure=true}). Certificates are verified, host name included, against the system's
 * authorities and {@code --ca-file}'s. Only {@link SmtpPorts} are dialled. Thread-safe.
 */
final class SmtpDelivery {
    private final SmtpSettings settings;
    private final SmtpPorts ports;
    private final Session session;

    SmtpDelivery(SmtpSettings settings, TrustedCertificates trust, SmtpPorts ports) {
        this.settings = settings;
        this.ports = ports;
        Properties props = new Properties();
        String protocol = settings.tls() ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        props.put("mail.transport.protocol", protocol);
        props.put(prefix + "host", settings.host());
        props.put(prefix + "port", String.valueOf(settings.port()));
        props.put(prefix + "auth", String.valueOf(settings.user().isPresent()));
        props.put(prefix + "connectiontimeout", "10000");
        props.put(prefix + "timeout", "20000");
        props.put(prefix + "writetimeout", "20000");
        props.put(prefix + "ssl.socketFactory", trust.sslContext().getSocketFactory());
        props.put(prefix + "ssl.checkserveridentity", "true");
        props.put(prefix + "ssl.protocols", "TLSv1.3 TLSv1.2");
        if (!settings.tls()) {
            props.put(prefix + "starttls.enable", "true");
            // A password never crosses an unencrypted connection unless the operator said so.
            props.put(prefix + "starttls.required", String.valueOf(settings.user().isPresent() && !settings.insecure()));
        }
        this.session = Session.getInstance(props);
    }

    void deliver(byte[] eml) throws MessagingException {
        if (!ports.allows(settings.port())) {
            throw new SmtpFailure.SmtpPortRefused(ports.refusal(settings.port()));
        }
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(eml));
        try (Transport transport = session.getTransport()) {
            transport.connect(settings.host(), settings.port(), settings.user().orElse(null),
                    settings.password().orElse(null));
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    SmtpSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return settings.toString();
    }
}
