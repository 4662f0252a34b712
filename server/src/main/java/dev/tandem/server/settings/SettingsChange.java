package dev.tandem.server.settings;

import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.Rejection;
import dev.tandem.server.ServerConfig.SmtpSettings;
import dev.tandem.server.mail.SmtpPorts;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings an administrator changes in one request, each checked as it is added: a value sets
 * a setting, {@code null} clears it (back to the command line, or no retention). Not thread-safe:
 * one request builds one change.
 */
public final class SettingsChange {
    static final int MAX_RETENTION_DAYS = 3650;
    /** Files both ways: the bounds an administrator may set (the database keeps the bytes). */
    static final int MAX_FILE_MEGABYTES = 1024;
    static final int MAX_SESSION_FILE_MEGABYTES = 10240;
    private final Map<String, Optional<String>> values = new LinkedHashMap<>();
    private final List<String> described = new ArrayList<>();

    /** The public base URL of join and email links, e.g. {@code https://support.example.com}. */
    public SettingsChange publicUrl(String url) {
        if (url == null || url.isBlank()) {
            return clear(Settings.PUBLIC_URL, "publicUrl");
        }
        String text = url.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw Rejection.badInput("The public URL '" + text + "' is not a URL; use the form https://support.example.com.");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null || text.length() > 300) {
            throw Rejection.badInput("The public URL must be an http:// or https:// address with a host and nothing "
                    + "after the path, e.g. https://support.example.com.");
        }
        String normalised = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        return set(Settings.PUBLIC_URL, normalised, "publicUrl = " + normalised);
    }

    /**
     * The SMTP server as {@code smtp://user@host:port} or {@code smtps://…}. A password written
     * in the URL is kept apart (it is never shown again); clearing the URL clears the password too,
     * and so does a new host or user without a password: the old one must never go to another server.
     */
    public SettingsChange smtpUrl(String url, Optional<SmtpSettings> current, SmtpPorts ports) {
        if (url == null || url.isBlank()) {
            values.put(Settings.SMTP_PASSWORD, Optional.empty());
            return clear(Settings.SMTP_URL, "smtp.url");
        }
        SmtpSettings parsed;
        try {
            parsed = SmtpSettings.parse(url.strip());
        } catch (IllegalArgumentException e) {
            throw Rejection.badInput("The SMTP URL must look like smtp://user@host:587 or smtps://user@host:465 "
                    + "(?insecure=true at the end allows an unencrypted password).");
        }
        if (url.length() > 500) {
            throw Rejection.badInput("The SMTP URL can have at most 500 characters.");
        }
        if (!ports.allows(parsed.port())) {
            throw Rejection.badInput(ports.refusal(parsed.port()));
        }
        if (parsed.password().isPresent()) {
            smtpPassword(parsed.password().get());
        } else if (current.isPresent() && (!current.get().host().equalsIgnoreCase(parsed.host())
                || !current.get().user().equals(parsed.user()))) {
            clear(Settings.SMTP_PASSWORD, "smtp.password (new host or user)");
        }
        String withoutPassword = parsed.urlWithoutPassword();
        return set(Settings.SMTP_URL, withoutPassword, "smtp.url = " + withoutPassword);
    }

    /** The SMTP password; null or empty removes it. */
    public SettingsChange smtpPassword(String password) {
        if (password == null || password.isEmpty()) {
            return clear(Settings.SMTP_PASSWORD, "smtp.password");
        }
        if (password.length() > 500) {
            throw Rejection.badInput("The SMTP password can have at most 500 characters.");
        }
        return set(Settings.SMTP_PASSWORD, password, "smtp.password = ••••••");
    }

    /** The sender of every email, e.g. {@code Support <support@example.com>}. */
    public SettingsChange smtpFrom(String from) {
        if (from == null || from.isBlank()) {
            return clear(Settings.SMTP_FROM, "smtp.from");
        }
        try {
            InternetAddress address = new InternetAddress(from.strip(), true);
            address.validate();
            if (!address.getAddress().contains("@") || from.length() > 320) {
                throw new AddressException("no domain");
            }
            return set(Settings.SMTP_FROM, address.toUnicodeString(), "smtp.from = " + address.toUnicodeString());
        } catch (AddressException e) {
            throw Rejection.badInput("The sender '" + from.strip() + "' is not an email address; use "
                    + "support@example.com or Support <support@example.com>.");
        }
    }

    /** After how many days transcripts and diagnostics reports of ended sessions are removed. */
    public SettingsChange transcriptDays(Integer days) {
        return days(Settings.TRANSCRIPT_DAYS, "retention.transcriptDays", days);
    }

    /** After how many days log files of ended sessions are removed. */
    public SettingsChange logFileDays(Integer days) {
        return days(Settings.LOG_FILE_DAYS, "retention.logFileDays", days);
    }

    /** The largest file either way (files both ways), in MB; null goes back to the default. */
    public SettingsChange fileMegabytes(Integer megabytes) {
        return megabytes(Settings.FILE_MEGABYTES, "files.maxFileMegabytes", megabytes, MAX_FILE_MEGABYTES);
    }

    /** The most file bytes one session holds, in MB; null goes back to the default. */
    public SettingsChange sessionFileMegabytes(Integer megabytes) {
        return megabytes(Settings.SESSION_FILE_MEGABYTES, "files.maxSessionMegabytes", megabytes, MAX_SESSION_FILE_MEGABYTES);
    }

    private SettingsChange megabytes(String name, String label, Integer megabytes, int most) {
        if (megabytes == null) {
            return clear(name, label);
        }
        if (megabytes < 1 || megabytes > most) {
            throw Rejection.badInput("'" + label.substring(label.indexOf('.') + 1) + "' must be between 1 and " + most
                    + " MB, or null for the default.");
        }
        return set(name, String.valueOf(megabytes), label + " = " + megabytes);
    }

    /** How many megabytes (MiB) all session recordings together may use; null: the default. */
    public SettingsChange recordingLimitMegabytes(Integer megabytes) {
        if (megabytes == null) {
            return clear(Settings.RECORDING_LIMIT_MB, "recordings.limitMegabytes");
        }
        if (megabytes < 0 || megabytes > 16 * 1024 * 1024) {
            throw Rejection.badInput("'limitMegabytes' must be between 0 (record nothing) and 16777216 (16 TiB).");
        }
        return set(Settings.RECORDING_LIMIT_MB, String.valueOf(megabytes), "recordings.limitMegabytes = " + megabytes);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    Map<String, Optional<String>> values() {
        return values;
    }

    /** What changed, for the audit log ("name = value", the same in every language); never a password. */
    public Phrase description() {
        return described.isEmpty() ? Phrase.of("audit.settingsUnchanged")
                : Phrase.of("audit.settingsChanged", "changes", String.join("; ", described));
    }

    private SettingsChange days(String name, String label, Integer days) {
        if (days == null) {
            return clear(name, label);
        }
        if (days < 1 || days > MAX_RETENTION_DAYS) {
            throw Rejection.badInput("'" + label.substring(label.indexOf('.') + 1) + "' must be between 1 and "
                    + MAX_RETENTION_DAYS + " days, or null to keep everything.");
        }
        return set(name, String.valueOf(days), label + " = " + days);
    }

    private SettingsChange set(String name, String value, String description) {
        values.put(name, Optional.of(value));
        described.add(description);
        return this;
    }

    private SettingsChange clear(String name, String label) {
        values.put(name, Optional.empty());
        described.add(label + " = –");
        return this;
    }
}
