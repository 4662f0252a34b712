package dev.tandem.server.http;

import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditEntry;
import dev.tandem.server.audit.AuditFilter;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.i18n.Catalogue;
import dev.tandem.server.i18n.Language;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.view.AuditEntryView;
import dev.tandem.server.view.Views;
import io.javalin.config.RoutesConfig;
import java.util.Optional;

/** The audit log, read-only, for administrators. There is deliberately no route that changes it. */
final class AuditRoutes {
    private final AuditLog audit;
    private final Authenticator auth;

    AuditRoutes(AuditLog audit, Authenticator auth) {
        this.audit = audit;
        this.auth = auth;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/audit", ctx -> {
            auth.requireAdmin(ctx);
            Optional<String> action = QueryFilters.text(ctx, "action");
            if (action.isPresent() && !action.get().matches("[a-z][a-z.-]{0,63}")) {
                throw Rejection.badInput("'action' must be an action like permission.granted or a prefix like permission.");
            }
            AuditFilter filter = new AuditFilter(QueryFilters.text(ctx, "session"), QueryFilters.text(ctx, "actor"),
                    action, QueryFilters.from(ctx), QueryFilters.to(ctx), QueryFilters.id(ctx, "after"),
                    QueryFilters.limit(ctx, 1000, AuditFilter.MAX_LIMIT));
            Language language = CallerLanguage.of(ctx);
            ctx.json(audit.store().find(filter).stream().map(entry -> view(entry, language)).toList());
        });
    }

    /** An entry, its detail in {@code language} when it was stored as a phrase (with the phrase's key and parameters). */
    private static AuditEntryView view(AuditEntry entry, Language language) {
        return new AuditEntryView(entry.id(), Views.iso(entry.at()), entry.actor(), entry.action(),
                entry.session().orElse(null),
                entry.phrase().map(p -> Catalogue.standard().word(language, p)).orElse(entry.detail()),
                entry.phrase().map(Phrase::key).orElse(null), entry.phrase().map(Phrase::params).orElse(null));
    }
}
