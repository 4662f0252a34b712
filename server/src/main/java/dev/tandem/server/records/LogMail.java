package dev.tandem.server.records;

import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.domain.Email;
import dev.tandem.server.domain.LogFileRecord;
import dev.tandem.server.domain.SupportSession;
import dev.tandem.server.domain.User;
import dev.tandem.server.i18n.Language;
import dev.tandem.server.mail.Attachment;
import dev.tandem.server.mail.MailOutbox;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails a session's stored log files as attachments ({@code POST …/logs/email}): the message is
 * stored in the outbox first, then sent; a live session's transcript says so. Thread-safe.
 */
public final class LogMail {
    private static final Logger LOG = LoggerFactory.getLogger(LogMail.class);
    private final LogFiles files;
    private final SessionAccess access;
    private final MailOutbox mail;
    private final TranscriptNote note;

    public LogMail(LogFiles files, SessionAccess access, MailOutbox mail, TranscriptNote note) {
        this.files = files;
        this.access = access;
        this.mail = mail;
        this.note = note;
    }

    /**
     * Mails log files of a session: all of them, or those in {@code fileIds}; subject and body
     * default to the session's code, customer and phone, in {@code language} (the caller's).
     */
    public Email send(User user, String sessionId, InternetAddress to, Optional<String> subject,
                      Optional<String> message, Optional<List<String>> fileIds, Language language) {
        SupportSession support = access.visible(user, sessionId);
        List<LogFileRecord> all = files.of(sessionId);
        List<LogFileRecord> chosen = fileIds.map(ids -> {
            List<LogFileRecord> picked = new ArrayList<>();
            for (String id : ids) {
                picked.add(all.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() ->
                        Rejection.badInput("There is no log file " + id + " in this session.")));
            }
            return picked;
        }).orElse(all);
        if (chosen.isEmpty()) {
            throw Rejection.of(ErrorCode.NO_FILES,
                    "There are no log files to send: ask the customer for them with Send Logfiles first.");
        }
        List<Attachment> attachments = chosen.stream()
                .map(f -> new Attachment(f.name(), files.read(sessionId, f))).toList();
        String defaultSubject = LogEmailText.subject(support, language);
        String body = message.filter(m -> !m.isBlank()).orElseGet(() -> LogEmailText.body(support, user, chosen,
                language));
        Email email = mail.send(to, subject.filter(s -> !s.isBlank()).orElse(defaultSubject), body, attachments,
                "logs", Optional.of(user.id()), Optional.of(sessionId));
        note.add(sessionId, SystemNotices.logsEmailed(user.displayName(), chosen.size(), to.getAddress()));
        LOG.info("Session {}: {} log files mailed as {}", sessionId, chosen.size(), email.id());
        return email;
    }
}
