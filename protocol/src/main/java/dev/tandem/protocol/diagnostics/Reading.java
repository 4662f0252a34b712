package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.function.Function;

/**
 * One value of the report, or the reason the phone could not give it: a value is never invented.
 *
 * <p>In JSON a reading is an object with exactly one member: {@code {"value": 42}} when the phone
 * gave the value, {@code {"unavailable": "not reported by this vendor"}} when it did not. Whole
 * sections use the same holder, so {@code "battery": {"unavailable": "..."}} means the battery
 * section could not be collected. A reading that is absent from the JSON (an older or newer peer)
 * becomes unavailable with {@link #NOT_IN_REPORT} through {@link #orAbsent}, so no field is ever
 * {@code null}. Immutable and thread-safe when {@code T} is.
 *
 * @param <T> the type of the value: a number, string, boolean, list or section
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Reading<T> {
    /** The reason given to a reading the sender left out of the report. */
    public static final String NOT_IN_REPORT = "not in the report";

    public final T value;
    public final String unavailable;

    @JsonCreator
    Reading(@JsonProperty("value") T value, @JsonProperty("unavailable") String unavailable) {
        if (value != null) {
            this.value = value;
            this.unavailable = null;
        } else {
            this.value = null;
            this.unavailable = unavailable == null || unavailable.isBlank() ? NOT_IN_REPORT : unavailable;
        }
    }

    /** A value the phone gave; {@code value} must not be {@code null}. */
    public static <T> Reading<T> of(T value) {
        return new Reading<>(Objects.requireNonNull(value, "value; use Reading.unavailable(reason)"), null);
    }

    /** A value the phone could not give, and why, in a sentence for the technician. */
    public static <T> Reading<T> unavailable(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("An unavailable reading needs a reason.");
        }
        return new Reading<>(null, reason);
    }

    /** {@code reading}, or an unavailable one when it is {@code null} (a field the sender left out). */
    public static <T> Reading<T> orAbsent(Reading<T> reading) {
        return reading == null ? new Reading<>(null, NOT_IN_REPORT) : reading;
    }

    @JsonIgnore
    public boolean isAvailable() {
        return value != null;
    }

    /** The value, or {@code fallback} when unavailable. */
    public T orElse(T fallback) {
        return value != null ? value : fallback;
    }

    /** The value transformed, or the same reason when unavailable. */
    public <R> Reading<R> map(Function<? super T, ? extends R> function) {
        return value != null ? Reading.of(function.apply(value)) : new Reading<>(null, unavailable);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Reading)) {
            return false;
        }
        Reading<?> that = (Reading<?>) other;
        return Objects.equals(value, that.value) && Objects.equals(unavailable, that.unavailable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, unavailable);
    }

    @Override
    public String toString() {
        return value != null ? String.valueOf(value) : "unavailable: " + unavailable;
    }
}
