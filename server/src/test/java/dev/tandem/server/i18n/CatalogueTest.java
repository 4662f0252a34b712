package dev.tandem.server.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The console's catalogues as the server reads them, and the rule that keeps internal details from customers. */
class CatalogueTest {
    /** Parameters that name people or places inside the support team; a customer's line must never show them. */
    private static final Set<String> INTERNAL = Set.of("to", "username", "email", "address", "request", "portal", "code");
    private final Catalogue catalogue = Catalogue.standard();

    @Test
    void wordsAPhraseInEachLanguageAndLeavesAnUnknownKeyReadable() {
        Phrase phrase = Phrase.of("event.screenAllowed", "customer", "Ana");
        assertThat(catalogue.word(Language.EN, phrase)).isEqualTo("Ana is sharing the screen.");
        assertThat(catalogue.word(Language.ES, phrase)).isEqualTo("Ana está compartiendo la pantalla.");
        assertThat(catalogue.word(Language.ES, Phrase.of("event.screenAllowed"))).isEqualTo("{customer} está compartiendo la pantalla.");
        assertThat(catalogue.word(Language.EN, Phrase.of("event.fromANewerServer"))).isEqualTo("event.fromANewerServer");
    }

    @Test
    void everyLineACustomerCanReadLeavesInternalDetailsOut() {
        for (String key : catalogue.keys()) {
            if (!(key.startsWith("event.") || key.startsWith("prompt.")) || key.endsWith(".customer")) {
                continue;
            }
            Phrase shown = catalogue.forCustomer(Phrase.of(key));
            assertThat(catalogue.placeholders(shown.key())).as("what the customer reads of " + key)
                    .doesNotContainAnyElementsOf(INTERNAL);
        }
    }

    @Test
    void theCustomersVersionReplacesTheLineAndCarriesOnlyItsOwnParameters() {
        Phrase emailed = Phrase.of("event.logsEmailed", "technician", "Lucía", "count", "2", "to", "l2@example.com");
        Phrase shown = catalogue.forCustomer(emailed);
        assertThat(shown.key()).isEqualTo("event.logsEmailed.customer");
        assertThat(shown.params()).containsOnlyKeys("technician");
        assertThat(catalogue.word(Language.ES, shown)).doesNotContain("example.com");
        for (String key : catalogue.keys()) {
            if (key.startsWith("event.") && key.endsWith(".customer")) {
                assertThat(catalogue.has(key.substring(0, key.length() - ".customer".length()))).as(key).isTrue();
            }
        }
    }

    @Test
    void theCallersLanguageComesFromAcceptLanguage() {
        assertThat(Language.fromAcceptLanguage(null)).isEqualTo(Language.EN);
        assertThat(Language.fromAcceptLanguage("es")).isEqualTo(Language.ES);
        assertThat(Language.fromAcceptLanguage("es-MX,es;q=0.9,en;q=0.8")).isEqualTo(Language.ES);
        assertThat(Language.fromAcceptLanguage("fr-FR,fr;q=0.9,es;q=0.8,en;q=0.7")).isEqualTo(Language.ES);
        assertThat(Language.fromAcceptLanguage("en;q=0.5,es;q=0.9")).isEqualTo(Language.ES);
        assertThat(Language.fromAcceptLanguage("de-DE")).isEqualTo(Language.EN);
        assertThat(Language.of("auto")).isEmpty();
        assertThat(Language.of("ES_es")).contains(Language.ES);
    }
}
