package dev.tandem.server.store;

import dev.tandem.server.domain.Portal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Support portals. Thread-safe. */
public final class PortalStore {
    static final String COLUMNS = "p.id AS portal_id, p.slug AS portal_slug, p.name AS portal_name,"
            + " p.language AS portal_language, p.ask_before_screen_sharing, p.ask_before_diagnostics,"
            + " p.allow_chat_requests, p.code_lifetime_minutes, p.max_live_codes,"
            + " p.welcome_text, p.brand_color, p.request_timeout_minutes, p.survey_after_session,"
            + " p.record_sessions";
    /** {@link #COLUMNS}, for queries of other packages that join {@code portals p} and read it with {@link #map}. */
    public static final String PUBLIC_COLUMNS = COLUMNS;
    private final Jdbi jdbi;

    public PortalStore(Database database) {
        this.jdbi = database.jdbi();
    }

    public Portal create(Portal portal) {
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO portals (slug, name, language,"
                        + " ask_before_screen_sharing, ask_before_diagnostics, allow_chat_requests, code_lifetime_minutes,"
                        + " max_live_codes, welcome_text, brand_color, request_timeout_minutes, survey_after_session,"
                        + " record_sessions, created_at) VALUES (:slug, :name, :language, :askScreen, :askDiagnostics, :allowRequests,"
                        + " :lifetime, :maxLive, :welcome, :color, :timeout, :survey, :record, :now)")
                .bind("slug", portal.slug()).bind("name", portal.name()).bind("language", portal.language())
                .bind("askScreen", portal.askBeforeScreenSharing()).bind("askDiagnostics", portal.askBeforeDiagnostics())
                .bind("allowRequests", portal.allowChatRequests()).bind("lifetime", portal.codeLifetimeMinutes())
                .bind("maxLive", portal.maxLiveCodes()).bind("welcome", portal.welcomeText())
                .bind("color", portal.brandColor()).bind("timeout", portal.requestTimeoutMinutes())
                .bind("survey", portal.surveyAfterSession()).bind("record", portal.recordSessions()).bind("now", Instant.now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Portal(id, portal.slug(), portal.name(), portal.language(), portal.askBeforeScreenSharing(),
                portal.askBeforeDiagnostics(), portal.allowChatRequests(), portal.codeLifetimeMinutes(),
                portal.maxLiveCodes(), portal.welcomeText(), portal.brandColor(), portal.requestTimeoutMinutes(),
                portal.surveyAfterSession(), portal.recordSessions());
    }

    public void update(Portal portal) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE portals SET name = :name, language = :language,"
                        + " ask_before_screen_sharing = :askScreen, ask_before_diagnostics = :askDiagnostics,"
                        + " allow_chat_requests = :allowRequests, code_lifetime_minutes = :lifetime,"
                        + " max_live_codes = :maxLive, welcome_text = :welcome, brand_color = :color,"
                        + " request_timeout_minutes = :timeout, survey_after_session = :survey,"
                        + " record_sessions = :record WHERE id = :id")
                .bind("name", portal.name()).bind("language", portal.language())
                .bind("askScreen", portal.askBeforeScreenSharing()).bind("askDiagnostics", portal.askBeforeDiagnostics())
                .bind("allowRequests", portal.allowChatRequests()).bind("lifetime", portal.codeLifetimeMinutes())
                .bind("maxLive", portal.maxLiveCodes()).bind("welcome", portal.welcomeText())
                .bind("color", portal.brandColor()).bind("timeout", portal.requestTimeoutMinutes())
                .bind("survey", portal.surveyAfterSession()).bind("record", portal.recordSessions()).bind("id", portal.id()).execute());
    }

    public Optional<Portal> findBySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM portals p WHERE p.slug = :slug")
                .bind("slug", slug).map((rs, ctx) -> map(rs)).findOne());
    }

    public Optional<Portal> findById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM portals p WHERE p.id = :id")
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    public List<Portal> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM portals p ORDER BY p.name")
                .map((rs, ctx) -> map(rs)).list());
    }

    public static Portal map(ResultSet rs) throws SQLException {
        return new Portal(rs.getLong("portal_id"), rs.getString("portal_slug"), rs.getString("portal_name"),
                rs.getString("portal_language"), rs.getBoolean("ask_before_screen_sharing"),
                rs.getBoolean("ask_before_diagnostics"), rs.getBoolean("allow_chat_requests"),
                rs.getInt("code_lifetime_minutes"), rs.getInt("max_live_codes"), rs.getString("welcome_text"),
                rs.getString("brand_color"), rs.getInt("request_timeout_minutes"), rs.getBoolean("survey_after_session"),
                rs.getBoolean("record_sessions"));
    }
}
