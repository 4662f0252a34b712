package dev.tandem.server.records;

import dev.tandem.server.domain.LogFileRecord;
import dev.tandem.server.domain.SupportSession;
import dev.tandem.server.domain.User;
import dev.tandem.server.i18n.Language;
import java.util.List;
import java.util.Locale;

/** The default subject and body of a log-files email, in the language of the technician who sends it. */
final class LogEmailText {
    private LogEmailText() {
    }

    static String subject(SupportSession session, Language language) {
        String code = session.code().map(c -> " " + c).orElse("");
        return language == Language.ES ? "Archivos de registro de la sesión" + code + " – " + session.customerName()
                : "Log files of session" + code + " – " + session.customerName();
    }

    static String body(SupportSession session, User technician, List<LogFileRecord> files, Language language) {
        String phone = SystemNotices.phoneOf(session.device());
        StringBuilder body = new StringBuilder();
        if (language == Language.ES) {
            body.append("Sesión: ").append(session.code().orElse(session.id())).append('\n')
                    .append("Cliente: ").append(session.customerName()).append('\n')
                    .append("Teléfono: ").append(phone.isEmpty() ? "desconocido" : phone).append('\n')
                    .append("Técnico: ").append(technician.displayName()).append("\n\nArchivos adjuntos:\n");
        } else {
            body.append("Session: ").append(session.code().orElse(session.id())).append('\n')
                    .append("Customer: ").append(session.customerName()).append('\n')
                    .append("Phone: ").append(phone.isEmpty() ? "unknown" : phone).append('\n')
                    .append("Technician: ").append(technician.displayName()).append("\n\nAttached files:\n");
        }
        for (LogFileRecord file : files) {
            body.append("- ").append(file.name()).append(" (").append(String.format(Locale.ROOT, "%,d", file.size()))
                    .append(" bytes, SHA-256 ").append(file.sha256()).append(")\n");
        }
        return body.toString();
    }
}
