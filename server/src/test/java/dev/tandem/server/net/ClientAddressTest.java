package dev.tandem.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void everySpellingOfOneAddressIsTheSameClient() throws Exception {
        ClientAddress loopback = ClientAddress.parse("::1").orElseThrow();
        assertThat(ClientAddress.parse("[::1]")).contains(loopback);
        assertThat(ClientAddress.parse("0:0:0:0:0:0:0:1")).contains(loopback);
        assertThat(ClientAddress.parse("[0:0:0:0:0:0:0:1]")).contains(loopback);
        assertThat(ClientAddress.parse("::1%lo")).contains(loopback);
        assertThat(ClientAddress.of(InetAddress.getByName("::1"))).isEqualTo(loopback);
        assertThat(ClientAddress.of(new InetSocketAddress(InetAddress.getByName("0::1"), 443))).contains(loopback);
        assertThat(loopback.text()).isEqualTo("::1");
        assertThat(ClientAddress.parse("2001:DB8:0:0:0:0:2:1").orElseThrow().text()).isEqualTo("2001:db8::2:1");
        assertThat(ClientAddress.parse("2001:db8:0:0:1:0:0:1").orElseThrow().text())
                .as("the first of two equal runs of zeros is the one shortened").isEqualTo("2001:db8::1:0:0:1");
        assertThat(ClientAddress.parse("2001:db8:0:1:1:1:1:1").orElseThrow().text())
                .as("one zero group is not shortened").isEqualTo("2001:db8:0:1:1:1:1:1");
    }

    @Test
    void anIpv4MappedAddressIsItsIpv4Address() throws Exception {
        ClientAddress v4 = ClientAddress.parse("192.0.2.7").orElseThrow();
        assertThat(ClientAddress.parse("::ffff:192.0.2.7")).contains(v4);
        assertThat(ClientAddress.parse("[::ffff:c000:207]")).contains(v4);
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 192;
        mapped[13] = 0;
        mapped[14] = 2;
        mapped[15] = 7;
        assertThat(ClientAddress.of(java.net.Inet6Address.getByAddress(null, mapped, -1))).isEqualTo(v4);
        assertThat(v4.text()).isEqualTo("192.0.2.7");
        assertThat(v4.limitKey()).isEqualTo("192.0.2.7");
        assertThat(v4.isIpv6()).isFalse();
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        ClientAddress one = ClientAddress.parse("2001:db8:1:2:aaaa::1").orElseThrow();
        ClientAddress sameNetwork = ClientAddress.parse("2001:db8:1:2:ffff:ffff:ffff:fffe").orElseThrow();
        ClientAddress nextNetwork = ClientAddress.parse("2001:db8:1:3::1").orElseThrow();
        assertThat(one.limitKey()).isEqualTo("2001:db8:1:2::/64").isEqualTo(sameNetwork.limitKey());
        assertThat(nextNetwork.limitKey()).isEqualTo("2001:db8:1:3::/64");
        assertThat(one).isNotEqualTo(sameNetwork);
        assertThat(ClientAddress.parse("::1").orElseThrow().limitKey()).isEqualTo("::/64");
    }

    @Test
    void onlyLiteralsParseAndNothingIsLookedUp() {
        for (String bad : new String[] {"", " ", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1",
                "01234.1.1.1", "1.2.3.-4", "::g", "1:2:3:4:5:6:7:8:9", "[::1", "::1]", "[]", "1.2.3.4:80",
                "unknown", "::1%", "a".repeat(200)}) {
            assertThat(ClientAddress.parse(bad)).as(bad).isEmpty();
        }
        assertThat(ClientAddress.parse(null)).isEmpty();
        assertThat(ClientAddress.parse(" 10.0.0.1 ")).map(ClientAddress::text).contains("10.0.0.1");
    }

    @Test
    void aSourceDecidesTheClientFromThePeerAndHeaders() {
        ClientAddress proxy = ClientAddress.parse("10.0.0.5").orElseThrow();
        ClientAddresses.Source trustingProxy = (peer, headers) -> peer.equals(proxy)
                ? headers.apply("X-Forwarded-For").stream().findFirst().flatMap(ClientAddress::parse).orElse(peer)
                : peer;
        assertThat(trustingProxy.resolve(proxy, name -> java.util.List.of("203.0.113.9")).text()).isEqualTo("203.0.113.9");
        assertThat(ClientAddresses.PEER.resolve(proxy, name -> java.util.List.of("203.0.113.9"))).isEqualTo(proxy);
    }
}
