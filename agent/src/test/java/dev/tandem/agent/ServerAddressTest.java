package dev.tandem.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void httpBecomesWsAndHttpsBecomesWss() {
        assertThat(ServerAddress.parse("http://localhost:8080").agentSocket())
                .hasToString("ws://localhost:8080/ws/agent");
        assertThat(ServerAddress.parse("https://support.example.com/").agentSocket())
                .hasToString("wss://support.example.com/ws/agent");
        assertThat(ServerAddress.parse("HTTPS://support.example.com").agentSocket())
                .hasToString("wss://support.example.com/ws/agent");
    }

    @Test
    void pathPrefixIsKeptAndAFullSocketUrlIsAccepted() {
        ServerAddress behindProxy = ServerAddress.parse("https://example.com/tandem/");
        assertThat(behindProxy.agentSocket()).hasToString("wss://example.com/tandem/ws/agent");
        assertThat(behindProxy).hasToString("https://example.com/tandem");
        assertThat(ServerAddress.parse("ws://127.0.0.1:9/ws/agent").agentSocket()).hasToString("ws://127.0.0.1:9/ws/agent");
    }

    @Test
    void credentialsQueryAndFragmentAreNotCarriedOver() {
        ServerAddress address = ServerAddress.parse("https://user:secret@example.com:8443/?x=1#top");
        assertThat(address.agentSocket()).hasToString("wss://example.com:8443/ws/agent");
        assertThat(address.toString()).doesNotContain("secret");
    }

    @Test
    void anythingElseIsRefusedWithASentence() {
        assertThatThrownBy(() -> ServerAddress.parse("ftp://example.com")).hasMessageContaining("http://");
        assertThatThrownBy(() -> ServerAddress.parse("localhost:8080")).hasMessageContaining("http://");
        assertThatThrownBy(() -> ServerAddress.parse(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ServerAddress.parse("http://")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerAddress.parse("http://exa mple.com")).hasMessageContaining("not a URL");
    }
}
