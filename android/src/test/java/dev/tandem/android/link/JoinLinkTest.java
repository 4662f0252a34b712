package dev.tandem.android.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JoinLinkTest {

    @Test
    void httpsLinkNamesTheCodeAndTheServer() {
        JoinLink link = JoinLink.parse("https://support.example.com/join/123456789").orElseThrow();
        assertThat(link.code().digits()).isEqualTo("123456789");
        assertThat(link.server()).contains("https://support.example.com");
    }

    @Test
    void pathPrefixAndPortOfAProxiedServerAreKept() {
        JoinLink link = JoinLink.parse("https://example.com:8443/help/join/987654321?utm=mail").orElseThrow();
        assertThat(link.server()).contains("https://example.com:8443/help");
        assertThat(link.code().digits()).isEqualTo("987654321");
    }

    @Test
    void appLinkNamesOnlyTheCodeUnlessItCarriesAServer() {
        assertThat(JoinLink.parse("tandem://join/123456789").orElseThrow().server()).isEmpty();
        JoinLink withServer = JoinLink.parse("tandem://join/123456789?server=https://help.example.org").orElseThrow();
        assertThat(withServer.server()).contains("https://help.example.org");
    }

    @Test
    void wrongCodesAndForeignLinksAreNotJoinLinks() {
        assertThat(JoinLink.parse("https://support.example.com/join/12345")).isEmpty();
        assertThat(JoinLink.parse("https://support.example.com/portal/default")).isEmpty();
        assertThat(JoinLink.parse("tandem://settings/123456789")).isEmpty();
        assertThat(JoinLink.parse("mailto:someone@example.com")).isEmpty();
        assertThat(JoinLink.parse("not a url at all")).isEmpty();
        assertThat(JoinLink.parse(null)).isEmpty();
    }
}
