package dev.tandem.server.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.server.i18n.Catalogue;
import dev.tandem.server.i18n.Language;
import dev.tandem.server.i18n.Phrase;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every system line and question the server writes is in both catalogues, with every parameter filled. */
class SystemNoticesTest {
    private final Catalogue catalogue = Catalogue.standard();

    @Test
    void everyPhraseIsInTheCatalogueAndFillsAllItsPlaceholders() throws Exception {
        int checked = 0;
        for (Method method : SystemNotices.class.getDeclaredMethods()) {
            if (!Modifier.isStatic(method.getModifiers()) || method.getReturnType() != Phrase.class) {
                continue;
            }
            Object[] args = new Object[method.getParameterCount()];
            Class<?>[] types = method.getParameterTypes();
            for (int i = 0; i < args.length; i++) {
                args[i] = types[i] == String.class ? "Ana" : types[i] == int.class ? 2
                        : types[i] == List.class ? List.of("a.log") : new DeviceInfo("samsung", "SM-S918B", "14", 34, "samsung");
            }
            method.setAccessible(true);
            Phrase phrase = (Phrase) method.invoke(null, args);
            assertThat(catalogue.has(phrase.key())).as(method.getName() + " → " + phrase.key()).isTrue();
            for (Language language : Language.values()) {
                assertThat(catalogue.word(language, phrase)).as(phrase.key() + " in " + language).doesNotContain("{");
                assertThat(catalogue.word(language, catalogue.forCustomer(phrase))).doesNotContain("{");
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void aBrowserCustomerJoinsFromABrowserNotFromAPhone() {
        Phrase joined = SystemNotices.joined("Pilar", new DeviceInfo("Web browser", "Chrome", null, 0, "web"));
        assertThat(catalogue.word(Language.EN, joined)).isEqualTo("Pilar joined the session from a web browser (Chrome).");
        assertThat(catalogue.word(Language.ES, joined)).isEqualTo("Pilar se ha unido a la sesión desde un navegador web (Chrome).");
    }
}
