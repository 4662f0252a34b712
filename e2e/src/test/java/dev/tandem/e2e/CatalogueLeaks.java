package dev.tandem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds sentences of one language's catalogue on a page shown in the other language: every entry of
 * the console's catalogue (console/src/i18n, as the build writes it to the classpath) becomes a
 * pattern, its {placeholders} matching anything. Entries that read the same in both languages
 * ("Tandem", "1:1", "Android {version}") are left out, and so are entries with no word of three
 * letters or more. New strings are checked as soon as they are in the catalogue.
 */
final class CatalogueLeaks {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\w+}");
    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
    /** Everything a reader sees: rendered text, and what tooltips, placeholders and screen readers say. */
    private static final String VISIBLE_TEXT = """
            () => {
              const texts = [document.title];
              for (const line of document.body.innerText.split('\\n')) if (line.trim()) texts.push(line.trim());
              for (const el of document.querySelectorAll('[title],[placeholder],[aria-label],[alt]')) {
                if (!el.getClientRects().length && el.tagName !== 'OPTION') continue;
                for (const name of ['title', 'placeholder', 'aria-label', 'alt']) {
                  const value = el.getAttribute(name);
                  if (value && value.trim()) texts.push(value.trim());
                }
              }
              for (const option of document.querySelectorAll('select option')) texts.push(option.textContent.trim());
              return texts;
            }""";

    private final String language;
    private final Map<String, Pattern> patterns = new LinkedHashMap<>();
    private final Map<String, String> templates = new LinkedHashMap<>();

    private CatalogueLeaks(String language, Map<String, String> foreign, Map<String, String> own) {
        this.language = language;
        Set<String> ownValues = new HashSet<>(own.values());
        foreign.forEach((key, text) -> {
            if (text.equals(own.get(key)) || ownValues.contains(text) || !WORD.matcher(PLACEHOLDER.matcher(text).replaceAll(""))
                    .find()) {
                return;
            }
            patterns.put(key, pattern(text));
            templates.put(key, text);
        });
    }

    /** What must not show on a page in {@code shownIn}: the other language's sentences. */
    static CatalogueLeaks onPagesIn(String shownIn) {
        String other = shownIn.equals("es") ? "en" : "es";
        return new CatalogueLeaks(shownIn, read(other), read(shownIn));
    }

    static Map<String, String> read(String language) {
        String path = "/tandem/console/i18n/" + language + ".json";
        try (InputStream in = CatalogueLeaks.class.getResourceAsStream(path)) {
            assertThat(in).as("the console's catalogue %s on the classpath", path).isNotNull();
            return new ObjectMapper().readValue(in, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(at, m.start()))).append(".+?");
            at = m.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        String body = regex.toString();
        // Whole words only: "Recents" must not be found inside "Recientes", nor "Back" inside "Backup".
        String start = Character.isLetterOrDigit(template.charAt(0)) ? "(?<![\\p{L}\\d])" : "";
        String end = Character.isLetterOrDigit(template.charAt(template.length() - 1)) ? "(?![\\p{L}\\d])" : "";
        return Pattern.compile(start + body + end);
    }

    /** The foreign sentences on the page now, as "key: text" lines; empty when there are none. */
    List<String> on(Page page) {
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) page.evaluate(VISIBLE_TEXT);
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            patterns.forEach((key, pattern) -> {
                if (pattern.matcher(text).find()) {
                    found.add(key + " = \"" + templates.get(key) + "\" in \"" + text + "\"");
                }
            });
        }
        return found.stream().distinct().toList();
    }

    /** Fails, naming each sentence, when the page shows any of the other language. */
    void assertNoneOn(Page page, String where) {
        assertThat(on(page)).as("sentences of the other language on the %s page (%s)", language, where).isEmpty();
    }
}
