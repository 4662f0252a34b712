package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The installed apps, bounded so a whole report stays under about 48 KiB of JSON: at most
 * {@link #MAX_APPS} entries and at most {@link #MAX_LIST_JSON_BYTES} of their JSON, whichever comes
 * first. {@code totalCount} is how many apps the phone has, {@code truncated} says the list holds
 * fewer than that. Build it with {@link #bounded(List)}.
 */
public final class AppsSection {
    public static final int MAX_APPS = 500;
    /** Room for the app list; the other sections take a few KiB at most. */
    public static final int MAX_LIST_JSON_BYTES = 40 * 1024;
    /** Labels longer than this are shortened with an ellipsis; package names never are. */
    public static final int MAX_NAME_CHARS = 80;

    /** {@code {"name":"","package":"","version":{"unavailable":""}},} without the text. */
    private static final int ENTRY_OVERHEAD_BYTES = 56;

    public final List<InstalledApp> apps;
    public final int totalCount;
    public final boolean truncated;

    @JsonCreator
    public AppsSection(@JsonProperty("apps") List<InstalledApp> apps, @JsonProperty("totalCount") int totalCount,
                       @JsonProperty("truncated") boolean truncated) {
        this.apps = apps == null ? List.of() : List.copyOf(apps);
        this.totalCount = Math.max(totalCount, this.apps.size());
        this.truncated = truncated;
    }

    /** The first apps of {@code all} that fit the bounds, with their labels shortened where needed. */
    public static AppsSection bounded(List<InstalledApp> all) {
        List<InstalledApp> kept = new ArrayList<>(Math.min(all.size(), MAX_APPS));
        long budget = MAX_LIST_JSON_BYTES;
        for (InstalledApp app : all) {
            if (kept.size() == MAX_APPS) {
                break;
            }
            InstalledApp shortened = shorten(app);
            long cost = ENTRY_OVERHEAD_BYTES + jsonBytes(shortened.name) + jsonBytes(shortened.packageName)
                    + jsonBytes(shortened.version.isAvailable() ? shortened.version.value : shortened.version.unavailable);
            if (cost > budget) {
                break;
            }
            budget -= cost;
            kept.add(shortened);
        }
        return new AppsSection(kept, all.size(), kept.size() < all.size());
    }

    private static InstalledApp shorten(InstalledApp app) {
        String name = app.name == null ? "" : app.name;
        if (name.codePointCount(0, name.length()) <= MAX_NAME_CHARS) {
            return app;
        }
        String clipped = name.substring(0, name.offsetByCodePoints(0, MAX_NAME_CHARS - 1)) + "…";
        return new InstalledApp(clipped, app.packageName, app.version);
    }

    /** An upper bound of the bytes Jackson writes for {@code text} inside quotes. */
    private static long jsonBytes(String text) {
        if (text == null) {
            return 4;
        }
        long escapes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                escapes += 5;
            } else if (c == '"' || c == '\\') {
                escapes += 1;
            }
        }
        return text.getBytes(StandardCharsets.UTF_8).length + escapes;
    }
}
