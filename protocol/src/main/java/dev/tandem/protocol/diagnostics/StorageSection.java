package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Internal storage, and the SD card when there is one. */
public final class StorageSection {
    public final Volume internal;
    /** Unavailable when the phone has no SD card slot or no card is inserted. */
    public final Reading<Volume> external;

    @JsonCreator
    public StorageSection(@JsonProperty("internal") Volume internal, @JsonProperty("external") Reading<Volume> external) {
        this.internal = internal;
        this.external = Reading.orAbsent(external);
    }
}
