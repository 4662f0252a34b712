package dev.tandem.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionCodeTest {

    @Test
    void acceptsNineDigitsWithSpacesOrDashes() {
        assertThat(SessionCode.parse("123 456 789")).map(SessionCode::digits).hasValue("123456789");
        assertThat(SessionCode.parse("123-456-789")).map(SessionCode::digits).hasValue("123456789");
        assertThat(SessionCode.parse(" 123456789 ")).map(SessionCode::grouped).hasValue("123 456 789");
    }

    @Test
    void refusesAnythingElse() {
        assertThat(SessionCode.parse("12345678")).isEmpty();
        assertThat(SessionCode.parse("1234567890")).isEmpty();
        assertThat(SessionCode.parse("12345678a")).isEmpty();
        assertThat(SessionCode.parse("١٢٣٤٥٦٧٨٩")).as("non-ASCII digits").isEmpty();
        assertThat(SessionCode.parse(null)).isEmpty();
    }

    @Test
    void readsTheCodeAtTheEndOfAJoinUrl() {
        assertThat(SessionCode.fromJoinUrl("https://help.example.com/join/987654321?x=1"))
                .map(SessionCode::digits).hasValue("987654321");
        assertThat(SessionCode.fromJoinUrl("tandem://join/987654321")).map(SessionCode::digits).hasValue("987654321");
        assertThat(SessionCode.fromJoinUrl("https://help.example.com/portal/default")).isEmpty();
    }
}
