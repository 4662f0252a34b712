package dev.tandem.server.store;

import dev.tandem.server.domain.TranscriptEntry;
import dev.tandem.server.i18n.Phrase;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * One transcript line as its row in {@code messages}: what the transcript writer inserts, what the
 * journal keeps, and what a restart replays, so the three cannot disagree about a column.
 */
record StoredLine(String session, long seq, String sender, String name, String body, Long cseq, Instant at,
                  String eventKey, String eventParams) {

    private static final String COLUMNS = "session_id, seq, sender, name, body, cseq, at, event_key, event_params";
    static final String INSERT = "INSERT INTO messages (" + COLUMNS + ") VALUES (:session, :seq, :sender, :name,"
            + " :body, :cseq, :at, :eventKey, :eventParams)";
    /** {@link #INSERT} with positional parameters, for plain JDBC ({@link #bindTo(PreparedStatement)}). */
    static final String INSERT_POSITIONAL = "INSERT INTO messages (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static StoredLine of(TranscriptEntry entry, Long cseq) {
        Phrase event = entry.event();
        return new StoredLine(entry.sessionId(), entry.seq(), entry.sender().wireName(), entry.name(), entry.text(),
                cseq, entry.at(), event == null ? null : event.key(), event == null ? null : event.paramsJson());
    }

    /** Binds this line to {@link #INSERT_POSITIONAL}'s parameters, as Jdbi binds them to {@link #INSERT}'s. */
    void bindTo(PreparedStatement insert) throws SQLException {
        insert.setString(1, session);
        insert.setLong(2, seq);
        insert.setString(3, sender);
        insert.setString(4, name);
        insert.setString(5, body);
        if (cseq == null) {
            insert.setNull(6, Types.BIGINT);
        } else {
            insert.setLong(6, cseq);
        }
        insert.setTimestamp(7, Timestamp.from(at));
        insert.setString(8, eventKey);
        insert.setString(9, eventParams);
    }

    /** Binds this line to {@link #INSERT}'s parameters. */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        return statement.bind("session", session).bind("seq", seq).bind("sender", sender).bind("name", name)
                .bind("body", body).bind("cseq", cseq).bind("at", at).bind("eventKey", eventKey)
                .bind("eventParams", eventParams);
    }
}
