package dev.tandem.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppInvitationTest {
    private static final String TOKEN = "Zm9yLXRoZS1hcHAtb25jZS1vbmx5";

    @Test
    void theLinkNamesTheSessionAndItsOneTimeToken() {
        ResumeTicket ticket = AppInvitation.parse("https://support.example.com/help/join/app/s_Hk3mZ9pQ2xR7tW4v/" + TOKEN + "/")
                .orElseThrow().ticket();
        assertThat(ticket.sessionId()).isEqualTo("s_Hk3mZ9pQ2xR7tW4v");
        assertThat(ticket.token()).isEqualTo(TOKEN);
    }

    @Test
    void joinLinksAndBrokenLinksAreNotInvitations() {
        assertThat(AppInvitation.parse("https://support.example.com/join/123456789")).isEmpty();
        assertThat(AppInvitation.parse("https://support.example.com/join/app/s_abc")).isEmpty();
        assertThat(AppInvitation.parse("https://support.example.com/join/app/x_abc/" + TOKEN)).isEmpty();
        assertThat(AppInvitation.parse("https://support.example.com/join/app/s_abc/short")).isEmpty();
        assertThat(AppInvitation.parse("https://support.example.com/join/app/s_abc/" + TOKEN + "/more")).isEmpty();
        assertThat(AppInvitation.parse("ftp://support.example.com/join/app/s_abc/" + TOKEN)).isEmpty();
        assertThat(AppInvitation.parse("not a link at all")).isEmpty();
        assertThat(AppInvitation.parse(null)).isEmpty();
    }

    @Test
    void theTokenIsNeverPrinted() {
        assertThat(AppInvitation.parse("https://h.example/join/app/s_abc/" + TOKEN).orElseThrow().toString())
                .doesNotContain(TOKEN).contains("s_abc");
    }
}
