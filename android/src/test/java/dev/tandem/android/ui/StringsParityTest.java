package dev.tandem.android.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every screen in Spanish and English: the two string catalogues match, placeholder for placeholder. */
class StringsParityTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("%\\d+\\$[sd]");

    private static Map<String, String> strings(String folder, boolean translatableOnly) throws Exception {
        File file = new File("src/main/res/" + folder + "/strings.xml");
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file)
                .getElementsByTagName("string");
        Map<String, String> strings = new TreeMap<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element string = (Element) nodes.item(i);
            if (!translatableOnly || !"false".equals(string.getAttribute("translatable"))) {
                strings.put(string.getAttribute("name"), string.getTextContent());
            }
        }
        return strings;
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void everyTranslatableStringIsInSpanishAndNothingElseIs() throws Exception {
        Map<String, String> english = strings("values", true);
        Map<String, String> spanish = strings("values-es", false);
        assertThat(spanish.keySet()).isEqualTo(english.keySet());
    }

    @Test
    void bothLanguagesUseTheSamePlaceholdersAndNoStringIsEmpty() throws Exception {
        Map<String, String> english = strings("values", true);
        Map<String, String> spanish = strings("values-es", false);
        for (Map.Entry<String, String> entry : english.entrySet()) {
            assertThat(entry.getValue().trim()).as(entry.getKey()).isNotEmpty();
            assertThat(spanish.get(entry.getKey()).trim()).as(entry.getKey()).isNotEmpty();
            assertThat(placeholders(spanish.get(entry.getKey()))).as(entry.getKey())
                    .isEqualTo(placeholders(entry.getValue()));
        }
    }

    @Test
    void theSpanishCatalogueIsNotEnglishLeftUntranslated() throws Exception {
        Map<String, String> english = strings("values", true);
        Map<String, String> spanish = strings("values-es", false);
        for (String name : english.keySet()) {
            if (english.get(name).length() > 12) { // short ones may be the same word (e.g. "Tandem")
                assertThat(spanish.get(name)).as(name).isNotEqualTo(english.get(name));
            }
        }
    }
}
