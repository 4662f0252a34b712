package dev.tandem.server.mail;

import dev.tandem.server.ServerConfig.SmtpSettings;
import dev.tandem.server.auth.Secrets;
import dev.tandem.server.domain.Email;
import dev.tandem.server.domain.EmailStatus;
import dev.tandem.server.store.EmailStore;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every email the server sends goes through here: it is stored first (so nothing is lost), then
 * delivered on a background thread over SMTP, or written as {@code <id>.eml} to the outbox
 * directory when no SMTP server is configured. A failed SMTP attempt leaves the message queued;
 * {@link #retryQueued()} tries again, up to {@value #MAX_ATTEMPTS} attempts. Thread-safe.
 */
public final class MailOutbox implements AutoCloseable {
    static final int MAX_ATTEMPTS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);
    private final EmailStore emails;
    private final Optional<SmtpDelivery> smtp;
    private final Path outboxDir;
    private final InternetAddress from;
    private final Clock clock;
    private final Session composer = Session.getInstance(new Properties());
    private volatile java.util.function.Consumer<Email> changed = email -> { };
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "tandem-mail");
        thread.setDaemon(true);
        return thread;
    });

    public MailOutbox(EmailStore emails, Optional<SmtpSettings> smtp, Path outboxDir, InternetAddress from, Clock clock) {
        this.emails = emails;
        this.smtp = smtp.map(SmtpDelivery::new);
        this.outboxDir = outboxDir;
        this.from = from;
        this.clock = clock;
    }

    /** Stores a plain-text message to {@code to} and schedules its delivery. */
    public Email send(InternetAddress to, String subject, String body, String kind, Optional<Long> createdBy,
                      Optional<String> sessionId) {
        return send(to, subject, body, List.of(), kind, createdBy, sessionId);
    }

    /**
     * Stores a message with {@code attachments} (the whole MIME message, attachments included, is
     * stored before anything is sent) and schedules its delivery.
     */
    public Email send(InternetAddress to, String subject, String body, List<Attachment> attachments, String kind,
                      Optional<Long> createdBy, Optional<String> sessionId) {
        String id = Secrets.id("m");
        byte[] eml = compose(id, to, subject, body, attachments);
        Email email = new Email(id, createdBy, sessionId, kind, to.getAddress(), subject, EmailStatus.QUEUED, 0,
                Optional.empty(), clock.instant(), Optional.empty());
        emails.insert(email, eml);
        changed.accept(email);
        delivery.execute(() -> deliver(email.id()));
        return email;
    }

    /** Who hears about every message's change of status (stored, sent, queued again, failed, outbox). */
    public void onChange(java.util.function.Consumer<Email> listener) {
        this.changed = listener;
    }

    /**
     * Delivers every message still queued (called periodically): SMTP failures are retried, and a
     * message the server stored but never delivered before a crash or restart goes out now.
     */
    public void retryQueued() {
        for (Email email : emails.listQueued()) {
            delivery.execute(() -> deliver(email.id()));
        }
    }

    public List<Email> list(Optional<Long> createdBy) {
        return emails.list(createdBy, 200);
    }

    public Optional<Email> find(String id) {
        return emails.find(id);
    }

    public Optional<byte[]> eml(String id) {
        return emails.eml(id);
    }

    public boolean hasSmtp() {
        return smtp.isPresent();
    }

    private void deliver(String id) {
        Email email = emails.find(id).orElse(null);
        byte[] eml = emails.eml(id).orElse(null);
        if (email == null || eml == null || email.status() != EmailStatus.QUEUED) {
            return;
        }
        if (smtp.isEmpty()) {
            writeToOutbox(id, eml);
            emails.markOutbox(id);
            emails.find(id).ifPresent(changed);
            LOG.info("Mail {} written to the outbox (no SMTP server configured)", id);
            return;
        }
        try {
            smtp.get().deliver(eml);
            emails.recordAttempt(id, EmailStatus.SENT, null, clock.instant());
            emails.find(id).ifPresent(changed);
            LOG.info("Mail {} ({}) sent over SMTP", id, email.kind());
        } catch (MessagingException | RuntimeException e) {
            boolean giveUp = email.attempts() + 1 >= MAX_ATTEMPTS;
            String error = "SMTP server " + smtp.get() + " refused or could not be reached: " + e.getMessage();
            emails.recordAttempt(id, giveUp ? EmailStatus.FAILED : EmailStatus.QUEUED, truncate(error), null);
            emails.find(id).ifPresent(changed);
            LOG.warn("Mail {} not delivered (attempt {}): {}", id, email.attempts() + 1, e.getMessage());
        }
    }

    private void writeToOutbox(String id, byte[] eml) {
        try {
            Files.createDirectories(outboxDir);
            Path target = outboxDir.resolve(id + ".eml");
            Path temp = outboxDir.resolve(id + ".eml.tmp");
            Files.write(temp, eml);
            Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the outbox " + outboxDir, e);
        }
    }

    private byte[] compose(String id, InternetAddress to, String subject, String body, List<Attachment> attachments) {
        try {
            MimeMessage message = new MimeMessage(composer);
            message.setFrom(from);
            message.setRecipient(MimeMessage.RecipientType.TO, to);
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            if (attachments.isEmpty()) {
                message.setText(body, StandardCharsets.UTF_8.name());
            } else {
                MimeMultipart parts = new MimeMultipart("mixed");
                MimeBodyPart text = new MimeBodyPart();
                text.setText(body, StandardCharsets.UTF_8.name());
                parts.addBodyPart(text);
                for (Attachment attachment : attachments) {
                    MimeBodyPart file = new MimeBodyPart();
                    file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(),
                            "application/octet-stream")));
                    file.setFileName(MimeUtility.encodeText(attachment.name(), StandardCharsets.UTF_8.name(), null));
                    file.setDisposition(MimeBodyPart.ATTACHMENT);
                    // base64 always: a text-looking log must arrive byte for byte (no CRLF rewriting).
                    file.setHeader("Content-Transfer-Encoding", "base64");
                    parts.addBodyPart(file);
                }
                message.setContent(parts);
            }
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("X-Tandem-Mail", id);
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot compose mail " + id, e);
        }
    }

    private static String truncate(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    @Override
    public void close() {
        delivery.shutdown();
    }
}
