package dev.tandem.server.audit;

import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The audit table. Append and read only: there is deliberately no update or delete. Thread-safe. */
public final class AuditStore {
    private final Jdbi jdbi;

    public AuditStore(Database database) {
        this.jdbi = database.jdbi();
    }

    void append(Instant at, String actor, String action, String session, String detail, Phrase phrase) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO audit_log (at, actor, action, session_id, detail, detail_key,"
                        + " detail_params) VALUES (:at, :actor, :action, :session, :detail, :key, :params)")
                .bind("at", at).bind("actor", actor).bind("action", action).bind("session", session)
                .bind("detail", detail).bind("key", phrase == null ? null : phrase.key())
                .bind("params", phrase == null ? null : phrase.paramsJson()).execute());
    }

    /** Entries matching the filter, oldest first, at most {@code filter.limit()}. */
    public List<AuditEntry> find(AuditFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, action, session_id, detail, detail_key, detail_params"
                + " FROM audit_log WHERE 1 = 1");
        filter.session().ifPresent(s -> sql.append(" AND session_id = :session"));
        filter.actor().ifPresent(a -> sql.append(" AND actor = :actor"));
        filter.action().ifPresent(a -> sql.append(" AND (action = :action OR action LIKE :actionPrefix)"));
        filter.from().ifPresent(f -> sql.append(" AND at >= :from"));
        filter.to().ifPresent(t -> sql.append(" AND at < :to"));
        filter.afterId().ifPresent(t -> sql.append(" AND id > :afterId"));
        sql.append(" ORDER BY id LIMIT :limit");
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString()).bind("limit", filter.limit());
            filter.session().ifPresent(s -> query.bind("session", s));
            filter.actor().ifPresent(a -> query.bind("actor", a));
            filter.action().ifPresent(a -> query.bind("action", a).bind("actionPrefix", a + ".%"));
            filter.from().ifPresent(f -> query.bind("from", f));
            filter.to().ifPresent(t -> query.bind("to", t));
            filter.afterId().ifPresent(t -> query.bind("afterId", t));
            return query.map((rs, ctx) -> new AuditEntry(rs.getLong("id"),
                    rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                    rs.getString("action"), Optional.ofNullable(rs.getString("session_id")), rs.getString("detail"),
                    Optional.ofNullable(Phrase.fromStored(rs.getString("detail_key"), rs.getString("detail_params")))))
                    .list();
        });
    }
}
