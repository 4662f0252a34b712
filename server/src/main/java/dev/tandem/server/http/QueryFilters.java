package dev.tandem.server.http;

import dev.tandem.server.Rejection;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the filters of list endpoints from the query string, with a 400 that names the bad one.
 * A date ({@code 2026-11-24}) means that whole day in UTC: as {@code from} its start, as {@code to}
 * the start of the next day; an instant ({@code 2026-11-24T10:00:00Z}) is taken as it is.
 */
final class QueryFilters {
    private QueryFilters() {
    }

    static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    static Optional<Instant> from(Context ctx) {
        return text(ctx, "from").map(t -> time(t, "from", false));
    }

    static Optional<Instant> to(Context ctx) {
        return text(ctx, "to").map(t -> time(t, "to", true));
    }

    static int limit(Context ctx, int fallback, int max) {
        return text(ctx, "limit").map(t -> {
            try {
                int limit = Integer.parseInt(t);
                if (limit >= 1 && limit <= max) {
                    return limit;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw Rejection.badInput("'limit' must be a whole number from 1 to " + max + ".");
        }).orElse(fallback);
    }

    static Optional<Long> id(Context ctx, String name) {
        return text(ctx, name).map(t -> {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw Rejection.badInput("'" + name + "' must be the id of an entry, a whole number.");
            }
        });
    }

    private static Instant time(String text, String name, boolean endOfDay) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Rejection.badInput("'" + name + "' must be a date like 2026-11-24 or an instant like "
                    + "2026-11-24T10:00:00Z.");
        }
    }
}
