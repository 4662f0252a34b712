package dev.tandem.server.mail;

import dev.tandem.server.ServerConfig.SmtpSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;

/** Hands a stored MIME message to the configured SMTP server. Thread-safe. */
final class SmtpDelivery {
    private final SmtpSettings settings;
    private final Session session;

    SmtpDelivery(SmtpSettings settings) {
        this.settings = settings;
        Properties props = new Properties();
        String protocol = settings.tls() ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", settings.host());
        props.put("mail." + protocol + ".port", String.valueOf(settings.port()));
        props.put("mail." + protocol + ".auth", String.valueOf(settings.user().isPresent()));
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "20000");
        props.put("mail." + protocol + ".writetimeout", "20000");
        this.session = Session.getInstance(props);
    }

    void deliver(byte[] eml) throws MessagingException {
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(eml));
        try (Transport transport = session.getTransport()) {
            transport.connect(settings.host(), settings.port(), settings.user().orElse(null),
                    settings.password().orElse(null));
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    @Override
    public String toString() {
        return settings.toString();
    }
}
