package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One installed app: its label, package name and version name (apps may declare none). */
public final class InstalledApp {
    public final String name;
    @JsonProperty("package")
    public final String packageName;
    public final Reading<String> version;

    @JsonCreator
    public InstalledApp(@JsonProperty("name") String name, @JsonProperty("package") String packageName,
                        @JsonProperty("version") Reading<String> version) {
        this.name = name;
        this.packageName = packageName;
        this.version = Reading.orAbsent(version);
    }

    public static InstalledApp of(String name, String packageName, String version) {
        return new InstalledApp(name, packageName,
                version == null ? Reading.unavailable("no version declared by the app") : Reading.of(version));
    }
}
