package dev.tandem.server.view;

/**
 * The server's settings as {@code /api/v1/settings} shows them: secrets only as whether they are
 * set. {@code publicUrl} is null when the command line's {@code --public-url} applies;
 * {@code effectivePublicUrl} is the base links use now.
 */
public record SettingsView(String publicUrl, String effectivePublicUrl, Smtp smtp, Retention retention,
                           String twoFactor, Sso sso, Files files, Recordings recordings) {

    /** Where mail goes; {@code url} never contains the password; {@code source} says where the setting comes from. */
    public record Smtp(String url, boolean passwordSet, String from, String source) {
    }

    /** Days after which transcripts and log files are removed; null keeps them. */
    public record Retention(Integer transcriptDays, Integer logFileDays) {
    }

    /** Files both ways (docs/files.md): the largest file and the most file bytes per session, in MB. */
    public record Files(int maxFileMegabytes, int maxSessionMegabytes) {
    }

    /** Session recordings (issue 18.6): the storage limit in MiB and what all recordings hold now, in bytes. */
    public record Recordings(int limitMegabytes, long usedBytes) {
    }

    /** Single sign-on; the client secret is write-only. */
    public record Sso(String issuer, String clientId, boolean clientSecretSet, String label, String newAccounts,
                      String groupClaim, String adminGroup, boolean enabled, String redirectUri) {
    }
}
