package dev.tandem.server.settings;

import dev.tandem.server.store.Database;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The {@code settings} table: named values; a missing name means "not set". Thread-safe. */
public final class SettingsStore {
    private final Jdbi jdbi;

    public SettingsStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Every stored value by name. */
    public Map<String, String> load() {
        Map<String, String> values = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT name, setting_value FROM settings")
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("setting_value")))
                .forEach(e -> values.put(e.getKey(), e.getValue())));
        return values;
    }

    /** Sets (present) or removes (empty) each named value, all in one transaction. */
    public void save(Map<String, Optional<String>> changes, Instant at) {
        jdbi.useTransaction(h -> {
            for (Map.Entry<String, Optional<String>> change : changes.entrySet()) {
                h.createUpdate("DELETE FROM settings WHERE name = :name").bind("name", change.getKey()).execute();
                if (change.getValue().isPresent()) {
                    h.createUpdate("INSERT INTO settings (name, setting_value, updated_at) VALUES (:name, :value, :at)")
                            .bind("name", change.getKey()).bind("value", change.getValue().get()).bind("at", at)
                            .execute();
                }
            }
        });
    }
}
