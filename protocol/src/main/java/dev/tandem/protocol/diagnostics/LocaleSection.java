package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The phone's language (BCP 47 tag, e.g. {@code de-DE}) and time zone (IANA id, e.g. {@code Europe/Berlin}). */
public final class LocaleSection {
    public final String languageTag;
    public final String timeZone;

    @JsonCreator
    public LocaleSection(@JsonProperty("languageTag") String languageTag, @JsonProperty("timeZone") String timeZone) {
        this.languageTag = languageTag;
        this.timeZone = timeZone;
    }
}
