package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The size of one storage volume and how much of it is free, in bytes. */
public final class Volume {
    public final long totalBytes;
    public final long freeBytes;

    @JsonCreator
    public Volume(@JsonProperty("totalBytes") long totalBytes, @JsonProperty("freeBytes") long freeBytes) {
        this.totalBytes = totalBytes;
        this.freeBytes = freeBytes;
    }

    /** Free space as a share of the total, {@code 0..1}; {@code 0} for an empty volume. */
    public double freeShare() {
        return totalBytes <= 0 ? 0 : (double) freeBytes / totalBytes;
    }
}
