package dev.tandem.android.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppInviteLinkTest {
    private static final String TOKEN = "Zm9yLXRoZS1hcHAtb25jZS1vbmx5";

    @Test
    void httpsLinkNamesTheSessionTheTokenAndTheServer() {
        AppInviteLink link = AppInviteLink.parse("https://support.example.com/join/app/s_Hk3mZ9pQ2xR7tW4v/" + TOKEN)
                .orElseThrow();
        assertThat(link.session()).isEqualTo("s_Hk3mZ9pQ2xR7tW4v");
        assertThat(link.token()).isEqualTo(TOKEN);
        assertThat(link.server()).contains("https://support.example.com");
    }

    @Test
    void aProxiedServersPrefixIsKept() {
        AppInviteLink link = AppInviteLink.parse("https://example.com:8443/help/join/app/s_abc/" + TOKEN + "/")
                .orElseThrow();
        assertThat(link.server()).contains("https://example.com:8443/help");
    }

    @Test
    void theAppSchemeCarriesTheServerOfThePageItCameFrom() {
        AppInviteLink link = AppInviteLink.parse("tandem://join/app/s_abc/" + TOKEN + "?server=https://help.example.org")
                .orElseThrow();
        assertThat(link.server()).contains("https://help.example.org");
        assertThat(AppInviteLink.parse("tandem://join/app/s_abc/" + TOKEN).orElseThrow().server()).isEmpty();
    }

    @Test
    void joinLinksAndBrokenLinksAreNotInvitations() {
        assertThat(AppInviteLink.parse("https://support.example.com/join/123456789")).isEmpty();
        assertThat(AppInviteLink.parse("tandem://join/123456789")).isEmpty();
        assertThat(AppInviteLink.parse("https://support.example.com/join/app/s_abc")).isEmpty();
        assertThat(AppInviteLink.parse("https://support.example.com/join/app/x_abc/" + TOKEN)).isEmpty();
        assertThat(AppInviteLink.parse("https://support.example.com/join/app/s_abc/short")).isEmpty();
        assertThat(AppInviteLink.parse("ftp://support.example.com/join/app/s_abc/" + TOKEN)).isEmpty();
        assertThat(AppInviteLink.parse(null)).isEmpty();
    }

    @Test
    void theTokenIsNeverPrinted() {
        assertThat(AppInviteLink.parse("https://h.example/join/app/s_abc/" + TOKEN).orElseThrow().toString())
                .doesNotContain(TOKEN);
    }

    @Test
    void aJoinLinkStillParsesAsOne() {
        assertThat(JoinLink.parse("https://support.example.com/join/app/s_abc/" + TOKEN)).isEmpty();
    }
}
