package dev.tandem.server.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which hop is the client: the right-most that is not a trusted proxy, and only from a trusted peer. */
class ForwardedClientTest {
    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, 2001:db8:aa::/48,192.0.2.1");

    private static ForwardedClient resolve(String peer, List<String> forwarded, List<String> xff, List<String> proto)
            throws Exception {
        return ForwardedClient.resolve(InetAddress.getByName(peer), false, PROXIES, forwarded, xff, proto);
    }

    @Test
    void theRightMostUntrustedHopIsTheClientAndAForgedLeftPartIsIgnored() throws Exception {
        ForwardedClient client = resolve("10.1.2.3", List.of(), List.of("6.6.6.6, 203.0.113.9", "10.9.9.9"), List.of("https"));
        assertThat(client.address().getHostAddress()).isEqualTo("203.0.113.9");
        assertThat(client.secure()).isTrue();
        assertThat(resolve("10.1.2.3", List.of(), List.of("10.2.2.2"), List.of()).address().getHostAddress())
                .as("every hop trusted: the left-most").isEqualTo("10.2.2.2");
    }

    @Test
    void forwardedWinsAndReadsQuotedIpv6WithPorts() throws Exception {
        ForwardedClient client = resolve("2001:db8:aa::7",
                List.of("for=\"[2001:db8:cafe::17]:4711\";proto=https, for=192.0.2.1;proto=http"),
                List.of("198.51.100.1"), List.of());
        assertThat(client.address().getHostAddress()).isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(client.secure()).isTrue();
        assertThat(resolve("10.0.0.1", List.of("for=unknown"), List.of(), List.of()).address().getHostAddress())
                .as("an unknown hop leaves the nearest known one").isEqualTo("10.0.0.1");
        assertThat(resolve("10.0.0.1", List.of("for=evil.example.com"), List.of(), List.of()).address().getHostAddress())
                .as("names are never looked up").isEqualTo("10.0.0.1");
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItSays() throws Exception {
        ForwardedClient client = resolve("198.51.100.7", List.of("for=10.0.0.5;proto=https"), List.of("10.0.0.5"),
                List.of("https"));
        assertThat(client.address().getHostAddress()).isEqualTo("198.51.100.7");
        assertThat(client.secure()).isFalse();
    }

    @Test
    void blocksAreReadStrictly() throws Exception {
        assertThat(PROXIES.trusts(InetAddress.getByName("10.255.0.1"))).isTrue();
        assertThat(PROXIES.trusts(InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(PROXIES.trusts(InetAddress.getByName("::ffff:10.0.0.1"))).as("IPv4-mapped").isTrue();
        assertThat(PROXIES.trusts(InetAddress.getByName("2001:db8:aa:ffff::1"))).isTrue();
        assertThat(PROXIES.trusts(InetAddress.getByName("2001:db8:ab::1"))).isFalse();
        for (String bad : new String[] {"10.0.0.0/33", "proxy.example.com", "10.0.0.0/x", " , "}) {
            assertThatThrownBy(() -> TrustedProxies.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--trusted-proxies");
        }
    }
}
