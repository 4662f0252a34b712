package dev.tandem.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleEndpointTest {

    @Test
    void aCookieSocketMustComeFromAPageOfThisServer() {
        assertThat(ConsoleEndpoint.sameOrigin("http://localhost:8080", "localhost:8080")).isTrue();
        assertThat(ConsoleEndpoint.sameOrigin("https://help.example.com", "help.example.com")).isTrue();
        assertThat(ConsoleEndpoint.sameOrigin("https://evil.example", "localhost:8080")).isFalse();
        assertThat(ConsoleEndpoint.sameOrigin("http://localhost:9999", "localhost:8080")).isFalse();
        assertThat(ConsoleEndpoint.sameOrigin(null, "localhost:8080")).isFalse();
        assertThat(ConsoleEndpoint.sameOrigin("not a uri ::", "localhost:8080")).isFalse();
    }
}
