package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server's packages in layers, bottom first (docs/architecture.md, "Server packages"): a
 * package may use its own layer and those below, never one above, so the core never reaches up to
 * the doors and a newcomer can read the layout from the bottom. Read from the sources' imports and
 * qualified names (comments left out). The root package stands outside the layers:
 * {@code TandemServer} wires everything, {@code ServerConfig} reads the edge's settings; the error
 * table {@code ErrorCode}, {@code Rejection} (built only from it), {@code Links} and {@code LogText}
 * are used from every layer, so they sit below all of them and use no server package at all.
 */
class LayeringTest {
    static final List<List<String>> LAYERS = List.of(
            List.of("domain", "i18n", "net"),
            List.of("store", "secrets", "audit", "cluster"),
            List.of("events", "view", "bus"),
            List.of("auth", "settings", "mail"),
            List.of("records", "replies", "surveys", "files", "drawings", "recordings"),
            List.of("codes"),
            List.of("live"),
            List.of("requests", "history", "teams"),
            List.of("edge", "http", "ws"));
    /** Root classes every layer may use: they sit below layer 1 (docs/architecture.md). */
    static final List<String> ROOT_BELOW_EVERY_LAYER = List.of("ErrorCode", "Rejection", "Links", "LogText");
    private static final Path SOURCES = Path.of("src/main/java/dev/tandem/server");
    private static final Pattern USE = Pattern.compile("dev\\.tandem\\.server\\.([a-z0-9]+)\\.");

    @Test
    void noPackageUsesOneAboveIt() throws IOException {
        Map<String, Integer> layer = layerOfEachPackage();
        List<String> upward = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the root package
                }
                String from = relative.getName(0).toString();
                for (String to : usedPackages(file)) {
                    if (layer.containsKey(to) && layer.get(to) > layer.get(from)) {
                        upward.add(relative + " uses " + to + " (layer " + layer.get(to) + " above " + from
                                + "'s " + layer.get(from) + ")");
                    }
                }
            }
        }
        assertThat(upward).as("imports that point up the layers").isEmpty();
    }

    @Test
    void everyServerPackageHasItsLayerAndItsPackageInfo() throws IOException {
        Map<String, Integer> layer = layerOfEachPackage();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            List<String> packages = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).toList();
            assertThat(packages).allSatisfy(p -> {
                assertThat(layer).as("the layer of package " + p).containsKey(p);
                assertThat(SOURCES.resolve(p).resolve("package-info.java")).exists();
            });
        }
    }

    @Test
    void theErrorTableAndTheRootsSharedClassesUseNoServerPackage() {
        for (String shared : ROOT_BELOW_EVERY_LAYER) {
            assertThat(usedPackages(SOURCES.resolve(shared + ".java")))
                    .as(shared + " is used from every layer, so it may use none of them").isEmpty();
        }
    }

    private static Map<String, Integer> layerOfEachPackage() {
        Map<String, Integer> layer = new java.util.HashMap<>();
        for (int i = 0; i < LAYERS.size(); i++) {
            for (String p : LAYERS.get(i)) {
                layer.put(p, i);
            }
        }
        return layer;
    }

    /** The server packages a source file names outside its comments. */
    private static TreeSet<String> usedPackages(Path file) {
        String code;
        try {
            code = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        code = code.replaceAll("(?s)/\\*.*?\\*/", "").lines()
                .map(line -> line.replaceAll("//.*$", ""))
                .collect(Collectors.joining("\n"));
        TreeSet<String> used = new TreeSet<>();
        Matcher m = USE.matcher(code);
        while (m.find()) {
            used.add(m.group(1));
        }
        return used;
    }
}
