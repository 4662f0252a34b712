package dev.tandem.android.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortalLinkTest {

    @Test
    void aPortalLinkNamesThePortalAndTheServer() {
        PortalLink link = PortalLink.parse("https://help.example.org/portal/acme-support").orElseThrow();
        assertThat(link.slug()).isEqualTo("acme-support");
        assertThat(link.server()).contains("https://help.example.org");
        assertThat(PortalLink.parse(" https://help.example.org:8443/tandem/portal/Acme/ ").orElseThrow().server())
                .contains("https://help.example.org:8443/tandem");
    }

    @Test
    void aBareNameIsAPortalOnTheServerAlreadyChosen() {
        PortalLink link = PortalLink.parse("Default").orElseThrow();
        assertThat(link.slug()).isEqualTo("default");
        assertThat(link.server()).isEmpty();
    }

    @Test
    void otherTextIsNoPortal() {
        assertThat(PortalLink.parse("")).isEmpty();
        assertThat(PortalLink.parse("two words")).isEmpty();
        assertThat(PortalLink.parse("https://help.example.org/join/123456789")).isEmpty();
        assertThat(PortalLink.parse("ftp://help.example.org/portal/acme")).isEmpty();
    }
}
