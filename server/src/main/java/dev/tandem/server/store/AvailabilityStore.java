package dev.tandem.server.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * What each technician set as their availability (issue 18.2): {@code available}, {@code busy} or
 * {@code away}, and since when. No row means available. Thread-safe.
 */
public final class AvailabilityStore {
    private final Jdbi jdbi;

    public AvailabilityStore(Database database) {
        this.jdbi = database.jdbi();
    }

    public record Stored(String status, Instant since) {
    }

    public Optional<Stored> of(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status, since FROM technician_availability WHERE user_id = :u")
                .bind("u", userId).map((rs, ctx) -> new Stored(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .findOne());
    }

    /** Every stored availability, by user id. */
    public Map<Long, Stored> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id, status, since FROM technician_availability")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Stored(rs.getString(2), rs.getTimestamp(3).toInstant())))
                .list()).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void set(long userId, String status, Instant since) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE technician_availability SET status = :s, since = :at WHERE user_id = :u")
                    .bind("u", userId).bind("s", status).bind("at", since).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO technician_availability (user_id, status, since) VALUES (:u, :s, :at)")
                        .bind("u", userId).bind("s", status).bind("at", since).execute();
            }
        });
    }
}
