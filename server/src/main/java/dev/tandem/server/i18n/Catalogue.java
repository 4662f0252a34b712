package dev.tandem.server.i18n;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's catalogues ({@code console/src/i18n/en.ts} and {@code es.ts}), which the console's
 * build writes as JSON beside its pages. The server words phrases with them: transcript lines for
 * the phone and for REST callers, prompts, audit details. Immutable and thread-safe.
 *
 * <p>A key may have a customer's version, {@code <key>.customer}: what the customer reads instead,
 * without anything internal (an email address of the support team, a user name).
 */
public final class Catalogue {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final String RESOURCE = "/tandem/console/i18n/%s.json";
    private static final String CUSTOMER = ".customer";
    private static volatile Catalogue standard;
    private final Map<Language, Map<String, String>> texts;

    private Catalogue(Map<Language, Map<String, String>> texts) {
        this.texts = texts;
    }

    /** The catalogues on the classpath (loaded once). */
    public static Catalogue standard() {
        Catalogue loaded = standard;
        if (loaded == null) {
            synchronized (Catalogue.class) {
                if (standard == null) {
                    standard = load();
                }
                loaded = standard;
            }
        }
        return loaded;
    }

    private static Catalogue load() {
        ObjectMapper json = new ObjectMapper();
        Map<Language, Map<String, String>> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String path = String.format(RESOURCE, language.tag());
            try (InputStream in = Catalogue.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("The console's catalogue " + path + " is not on the classpath;"
                            + " build the console module (./mvnw -pl server -am package).");
                }
                texts.put(language, Map.copyOf(json.readValue(in, new TypeReference<LinkedHashMap<String, String>>() { })));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the catalogue " + path, e);
            }
        }
        return new Catalogue(texts);
    }

    public boolean has(String key) {
        return texts.get(Language.EN).containsKey(key);
    }

    /** The phrase in {@code language}; an unknown key falls back to English, then to the key itself. */
    public String word(Language language, Phrase phrase) {
        String template = texts.get(language).getOrDefault(phrase.key(), texts.get(Language.EN).get(phrase.key()));
        if (template == null) {
            return phrase.key();
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = phrase.params().get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * What the customer is given of a phrase: its customer's version when the catalogue has one, and
     * only the parameters that version uses, so nothing else leaves the server.
     */
    public Phrase forCustomer(Phrase phrase) {
        String key = has(phrase.key() + CUSTOMER) ? phrase.key() + CUSTOMER : phrase.key();
        Set<String> used = placeholders(key);
        Map<String, String> params = new LinkedHashMap<>();
        phrase.params().forEach((name, value) -> {
            if (used.contains(name)) {
                params.put(name, value);
            }
        });
        return new Phrase(key, params);
    }

    /** The placeholders of a key's sentence in every language. */
    public Set<String> placeholders(String key) {
        Set<String> names = new LinkedHashSet<>();
        for (Map<String, String> language : texts.values()) {
            String template = language.get(key);
            if (template != null) {
                Matcher m = PLACEHOLDER.matcher(template);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /** Every key of the catalogue, for tests that go through all of them. */
    public Set<String> keys() {
        return texts.get(Language.EN).keySet();
    }
}
