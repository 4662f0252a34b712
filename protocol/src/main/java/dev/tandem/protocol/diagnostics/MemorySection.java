package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** RAM, as Android's activity service reports it; {@code lowMemory} is Android's own verdict. */
public final class MemorySection {
    public final long totalBytes;
    public final long availableBytes;
    public final boolean lowMemory;

    @JsonCreator
    public MemorySection(@JsonProperty("totalBytes") long totalBytes, @JsonProperty("availableBytes") long availableBytes,
                         @JsonProperty("lowMemory") boolean lowMemory) {
        this.totalBytes = totalBytes;
        this.availableBytes = availableBytes;
        this.lowMemory = lowMemory;
    }
}
