package dev.tandem.server.settings;

import dev.tandem.server.ServerConfig;
import dev.tandem.server.ServerConfig.SmtpSettings;
import dev.tandem.server.secrets.SecretBox;
import dev.tandem.server.view.SettingsView;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings in force now: what an administrator stored wins, the command line is the fallback.
 * Readers ({@link dev.tandem.server.Links}, {@link dev.tandem.server.mail.MailOutbox}, the
 * retention sweep) ask every time, so a change takes effect on the next link, email or sweep.
 * Thread-safe: the stored values are replaced as a whole under the object's monitor.
 */
public final class Settings {
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    static final String PUBLIC_URL = "public-url";
    static final String SMTP_URL = "smtp.url";
    /** The name a change uses for the password in clear; it is stored only sealed, under {@link #SMTP_PASSWORD_SEALED}. */
    static final String SMTP_PASSWORD = "smtp.password";
    static final String SMTP_PASSWORD_SEALED = "smtp.password.sealed";
    static final String SMTP_FROM = "smtp.from";
    static final String TRANSCRIPT_DAYS = "retention.transcript-days";
    static final String LOG_FILE_DAYS = "retention.log-file-days";
    static final String FILE_MEGABYTES = "files.max-file-mb";
    static final String SESSION_FILE_MEGABYTES = "files.max-session-mb";
    /** Files both ways: the limits when an administrator set none (docs/files.md). */
    public static final int DEFAULT_FILE_MEGABYTES = 20;
    public static final int DEFAULT_SESSION_FILE_MEGABYTES = 100;
    static final String RECORDING_LIMIT_MB = "recordings.limit-megabytes";
    /** The storage recordings may use when no administrator chose (issue 18.6): 10 GiB. */
    public static final int DEFAULT_RECORDING_LIMIT_MB = 10 * 1024;

    private final SettingsStore store;
    private final Optional<URI> commandLineUrl;
    private final Optional<SmtpSettings> commandLineSmtp;
    private final Clock clock;
    private final SecretBox box;
    private volatile Map<String, String> stored;

    private Settings(SettingsStore store, Optional<URI> commandLineUrl, Optional<SmtpSettings> commandLineSmtp,
                     Clock clock, SecretBox box) {
        this.store = store;
        this.commandLineUrl = commandLineUrl;
        this.commandLineSmtp = commandLineSmtp;
        this.clock = clock;
        this.box = box;
        this.stored = Map.copyOf(store.load());
    }

    /**
     * Reads the stored settings; {@code config} supplies the command-line fallbacks and {@code box}
     * opens the sealed SMTP password.
     */
    public static Settings load(SettingsStore store, ServerConfig config, Clock clock, SecretBox box) {
        return new Settings(store, config.publicUrl(), config.smtp(), clock, box);
    }

    /**
     * Seals an SMTP password that an older version stored in clear; true when there was one (the
     * caller then compacts an embedded database so no old page keeps the clear text).
     */
    public static boolean sealClearPassword(SettingsStore store, SecretBox box, Clock clock) {
        String clear = store.load().get(SMTP_PASSWORD);
        if (clear == null) {
            return false;
        }
        Map<String, Optional<String>> change = new LinkedHashMap<>();
        change.put(SMTP_PASSWORD, Optional.empty());
        change.put(SMTP_PASSWORD_SEALED, Optional.of(box.seal(SMTP_PASSWORD, clear)));
        store.save(change, clock.instant());
        LOG.info("Encrypted the stored SMTP password with the server's secret key");
        return true;
    }

    /** The public base URL in force: the stored one, else {@code --public-url}. */
    public Optional<URI> publicUrl() {
        return value(PUBLIC_URL).map(URI::create).or(() -> commandLineUrl);
    }

    /** The SMTP server in force: the stored one, else {@code --smtp-url}; empty = the outbox. */
    public Optional<SmtpSettings> smtp() {
        return value(SMTP_URL).map(url -> SmtpSettings.parse(url).withPassword(smtpPassword()))
                .or(() -> commandLineSmtp);
    }

    private Optional<String> smtpPassword() {
        try {
            return value(SMTP_PASSWORD_SEALED).map(sealed -> box.open(SMTP_PASSWORD, sealed));
        } catch (SecretBox.SecretUnreadable e) {
            LOG.warn("{}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Where {@link #smtp()} comes from: {@code settings}, {@code command-line} or {@code outbox}. */
    public String smtpSource() {
        return value(SMTP_URL).isPresent() ? "settings" : commandLineSmtp.isPresent() ? "command-line" : "outbox";
    }

    /** The sender of every email: the stored one, else {@code Tandem <tandem@host of the public URL>}. */
    public InternetAddress sender() {
        Optional<String> from = value(SMTP_FROM);
        if (from.isPresent()) {
            try {
                return new InternetAddress(from.get(), true);
            } catch (AddressException e) {
                // Checked when stored; an address edited in the database by hand falls back below.
            }
        }
        String host = publicUrl().map(URI::getHost).orElse("localhost");
        try {
            return new InternetAddress("tandem@" + host, "Tandem");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Days after which transcripts and reports of ended sessions are removed; empty = never. */
    public Optional<Integer> transcriptDays() {
        return value(TRANSCRIPT_DAYS).map(Integer::valueOf);
    }

    /** Days after which log files of ended sessions are removed; empty = never. */
    public Optional<Integer> logFileDays() {
        return value(LOG_FILE_DAYS).map(Integer::valueOf);
    }

    /** The largest file either way between a technician and a customer, in MB (2^20 bytes). */
    public int fileMegabytes() {
        return value(FILE_MEGABYTES).map(Integer::valueOf).orElse(DEFAULT_FILE_MEGABYTES);
    }

    /** The most bytes of files one session holds, in MB. */
    public int sessionFileMegabytes() {
        return value(SESSION_FILE_MEGABYTES).map(Integer::valueOf).orElse(DEFAULT_SESSION_FILE_MEGABYTES);
    }

    /** The megabytes (MiB) all session recordings together may use; past it no recording starts. */
    public int recordingLimitMegabytes() {
        return value(RECORDING_LIMIT_MB).map(Integer::valueOf).orElse(DEFAULT_RECORDING_LIMIT_MB);
    }

    /** Stores a change; it is in force when this returns. */
    public synchronized void apply(SettingsChange change) {
        Map<String, Optional<String>> values = new LinkedHashMap<>(change.values());
        Optional<String> password = values.remove(SMTP_PASSWORD);
        if (password != null) {
            values.put(SMTP_PASSWORD, Optional.empty());
            values.put(SMTP_PASSWORD_SEALED, password.map(p -> box.seal(SMTP_PASSWORD, p)));
        }
        store.save(values, clock.instant());
        stored = Map.copyOf(store.load());
    }

    /**
     * The JSON of {@code GET /api/v1/settings}; {@code effectivePublicUrl} is the base links use now,
     * {@code signIn} the sign-in part ({@link SignInSettings#view}), {@code recordingBytesUsed} what the
     * session recordings hold now.
     */
    public SettingsView view(String effectivePublicUrl, SignInSettings.View signIn, long recordingBytesUsed) {
        Optional<SmtpSettings> current = smtp();
        return new SettingsView(value(PUBLIC_URL).orElse(null), effectivePublicUrl,
                new SettingsView.Smtp(current.map(SmtpSettings::urlWithoutPassword).orElse(null),
                        current.flatMap(SmtpSettings::password).isPresent(), value(SMTP_FROM).orElse(null), smtpSource()),
                new SettingsView.Retention(transcriptDays().orElse(null), logFileDays().orElse(null)),
                signIn.twoFactor(), signIn.sso(), new SettingsView.Files(fileMegabytes(), sessionFileMegabytes()),
                new SettingsView.Recordings(recordingLimitMegabytes(), recordingBytesUsed));
    }

    private Optional<String> value(String name) {
        return Optional.ofNullable(stored.get(name));
    }
}
