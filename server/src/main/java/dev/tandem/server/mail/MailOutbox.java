package dev.tandem.server.mail;

import dev.tandem.server.LogText;
import dev.tandem.protocol.tls.TrustedCertificates;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.ServerConfig.SmtpSettings;
import dev.tandem.server.auth.Secrets;
import dev.tandem.server.domain.Email;
import dev.tandem.server.domain.EmailStatus;
import dev.tandem.server.store.EmailStore;
import dev.tandem.server.store.PrivateFiles;
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
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every email the server sends goes through here: it is stored first (so nothing is lost), then
 * delivered on a background thread over SMTP, or written as {@code <id>.eml} to the outbox
 * directory when no SMTP server is configured. A failed SMTP attempt leaves the message queued;
 * {@link #retryQueued()} tries again until it is sent, for as long as {@link #GIVE_UP_AFTER} from
 * when it was stored (a fixed number of attempts gave up within minutes of an SMTP outage). Thread-safe.
 */
public final class MailOutbox implements AutoCloseable {
    /** How long a queued message keeps being tried while SMTP is down. */
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    static final String TEST_KIND = "test";
    private static final int TEST_TIMEOUT_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);
    private final EmailStore emails;
    private final Supplier<Optional<SmtpSettings>> smtp;
    private final Path outboxDir;
    private final Supplier<InternetAddress> from;
    private final Clock clock;
    private final AuditLog audit;
    private final TrustedCertificates trust;
    private final SmtpPorts ports;
    private final Session composer = Session.getInstance(new Properties());
    private volatile java.util.function.Consumer<Email> changed = email -> { };
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "tandem-mail");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * {@code smtp} and {@code from} are asked for each message, so a change of settings applies to
     * the next delivery; every delivery and failure is written to {@code audit}. TLS trusts
     * {@code trust}; only {@code ports} are dialled.
     */
    public MailOutbox(EmailStore emails, Supplier<Optional<SmtpSettings>> smtp, Path outboxDir,
                      Supplier<InternetAddress> from, Clock clock, AuditLog audit, TrustedCertificates trust,
                      SmtpPorts ports) {
        this.trust = trust;
        this.ports = ports;
        this.emails = emails;
        this.smtp = smtp;
        this.outboxDir = outboxDir;
        this.from = from;
        this.clock = clock;
        this.audit = audit;
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
        return send(to, subject, body, attachments, kind, createdBy, sessionId, true);
    }

    private Email send(InternetAddress to, String subject, String body, List<Attachment> attachments, String kind,
                       Optional<Long> createdBy, Optional<String> sessionId, boolean schedule) {
        String id = Secrets.id("m");
        byte[] eml = compose(id, to, subject, body, attachments);
        Email email = new Email(id, createdBy, sessionId, kind, to.getAddress(), subject, EmailStatus.QUEUED, 0,
                Optional.empty(), clock.instant(), Optional.empty());
        emails.insert(email, eml);
        changed.accept(email);
        if (schedule) {
            delivery.execute(() -> deliver(email.id()));
        }
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

    /** The ports deliveries may use. */
    public SmtpPorts ports() {
        return ports;
    }

    public boolean hasSmtp() {
        return smtp.get().isPresent();
    }

    /**
     * What becomes of a message just handed over, as its sender should be told: {@code OUTBOX}
     * when no SMTP server is configured (it will wait there, not be sent), else its stored status.
     */
    public EmailStatus expectedStatus(Email email) {
        return email.status() == EmailStatus.QUEUED && !hasSmtp() ? EmailStatus.OUTBOX : email.status();
    }

    /**
     * Sends a test message now and waits for the answer: the stored email comes back sent or in
     * the outbox; an SMTP refusal is not retried and is thrown with what the server said.
     */
    public Email sendTest(InternetAddress to, String subject, String body, Optional<Long> createdBy) {
        Email queued = send(to, subject, body, List.of(), TEST_KIND, createdBy, Optional.empty(), false);
        try {
            delivery.submit(() -> deliver(queued.id())).get(TEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("Interrupted while waiting for the SMTP server.");
        } catch (ExecutionException | TimeoutException e) {
            throw new DeliveryFailed("The SMTP server did not answer in " + TEST_TIMEOUT_SECONDS + " seconds.");
        }
        Email done = emails.find(queued.id()).orElseThrow();
        if (done.status() == EmailStatus.SENT || done.status() == EmailStatus.OUTBOX) {
            return done;
        }
        throw new DeliveryFailed(done.lastError().orElse("The SMTP server did not take the message."));
    }

    /** An SMTP server refused a message or could not be reached; the message says what it answered. */
    public static final class DeliveryFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeliveryFailed(String message) {
            super(message);
        }
    }

    private void deliver(String id) {
        Email email = emails.find(id).orElse(null);
        byte[] eml = emails.eml(id).orElse(null);
        if (email == null || eml == null || email.status() != EmailStatus.QUEUED) {
            return;
        }
        Optional<SmtpDelivery> server = smtp.get().map(settings -> new SmtpDelivery(settings, trust, ports));
        if (server.isEmpty()) {
            writeToOutbox(id, eml);
            emails.markOutbox(id);
            emails.find(id).ifPresent(changed);
            audit.record(AuditLog.SYSTEM, AuditAction.EMAIL_SENT, email.sessionId().orElse(null),
                    Phrase.of("audit.mailOutbox", "kind", email.kind(), "email", id, "to", email.recipient()));
            LOG.info("Mail {} written to the outbox (no SMTP server configured)", id);
            return;
        }
        // Claimed: of several nodes retrying the same message at once, one sends it.
        SmtpDelivery delivery = server.get();
        emails.sendClaimed(id, claimed -> attempt(claimed, eml, delivery)).ifPresent(attempt -> {
            emails.find(id).ifPresent(changed);
            if (attempt.status() == EmailStatus.SENT) {
                audit.record(AuditLog.SYSTEM, AuditAction.EMAIL_SENT, email.sessionId().orElse(null),
                        Phrase.of("audit.mailSent", "kind", email.kind(), "email", id, "to", email.recipient(),
                                "server", String.valueOf(delivery)));
                LOG.info("Mail {} ({}) sent over SMTP", id, LogText.escape(email.kind()));
            } else {
                audit.record(AuditLog.SYSTEM, AuditAction.EMAIL_FAILED, email.sessionId().orElse(null),
                        Phrase.of(attempt.status() == EmailStatus.FAILED ? "audit.mailGivenUp" : "audit.mailRetry",
                                "kind", email.kind(), "email", id, "to", email.recipient(),
                                "attempt", String.valueOf(email.attempts() + 1), "error", attempt.error()));
            }
        });
    }

    /** One SMTP attempt: sent, or queued again (given up on after {@link #GIVE_UP_AFTER}) with why. */
    private EmailStore.Attempt attempt(Email email, byte[] eml, SmtpDelivery server) {
        try {
            server.deliver(eml);
            return new EmailStore.Attempt(EmailStatus.SENT, null, clock.instant());
        } catch (MessagingException | RuntimeException e) {
            boolean giveUp = TEST_KIND.equals(email.kind())
                    || email.createdAt().plus(GIVE_UP_AFTER).isBefore(clock.instant());
            // The Outbox and the test email say what kind of failure it was; the raw answer goes to the log only.
            String error = SmtpFailure.describe(e, server.settings());
            LOG.warn("Mail {} not delivered (attempt {}): {}", email.id(), email.attempts() + 1, LogText.escape(describe(e)));
            return new EmailStore.Attempt(giveUp ? EmailStatus.FAILED : EmailStatus.QUEUED, truncate(error), null);
        }
    }

    /** The exception's message followed by its causes' (a refused connection says so only in the cause). */
    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < 600; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message.strip());
            }
        }
        return text.length() == 0 ? error.getClass().getSimpleName() : text.toString();
    }

    private void writeToOutbox(String id, byte[] eml) {
        try {
            PrivateFiles.directory(outboxDir);
            Path target = outboxDir.resolve(id + ".eml");
            Path temp = outboxDir.resolve(id + ".eml.tmp");
            PrivateFiles.write(temp, eml);
            Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the outbox " + outboxDir, e);
        }
    }

    private byte[] compose(String id, InternetAddress to, String subject, String body, List<Attachment> attachments) {
        try {
            MimeMessage message = new MimeMessage(composer);
            message.setFrom(from.get());
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
