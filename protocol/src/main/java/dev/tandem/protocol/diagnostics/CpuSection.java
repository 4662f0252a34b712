package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The processor: supported ABIs, preferred first, and the number of cores. */
public final class CpuSection {
    public final List<String> abis;
    public final int cores;

    @JsonCreator
    public CpuSection(@JsonProperty("abis") List<String> abis, @JsonProperty("cores") int cores) {
        this.abis = abis == null ? List.of() : List.copyOf(abis);
        this.cores = cores;
    }
}
