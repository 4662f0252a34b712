package dev.tandem.vnc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressesTest {

    @Test
    void listenAcceptsHostPortAndPortAlone() {
        assertThat(ListenAddress.parse("127.0.0.1:5900")).isEqualTo(new ListenAddress("127.0.0.1", 5900));
        assertThat(ListenAddress.parse(":5901")).isEqualTo(new ListenAddress("127.0.0.1", 5901));
        assertThat(ListenAddress.parse("[::1]:5900")).isEqualTo(new ListenAddress("::1", 5900));
        assertThat(ListenAddress.parse("[::1]:5900").toString()).isEqualTo("[::1]:5900");
    }

    @Test
    void aBadListenAddressSaysWhatIsExpected() {
        for (String bad : new String[] {"5900", "host:abc", ":70000", "localhost:-1"}) {
            assertThatThrownBy(() -> ListenAddress.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.1:5900");
        }
    }

    @Test
    void theViewerSocketFollowsTheServerScheme() {
        assertThat(TandemServerUrl.parse("http://localhost:8080/").screenSocket("s_1", "t o+k").toString())
                .isEqualTo("ws://localhost:8080/ws/screen/s_1?token=t%20o%2Bk");
        assertThat(TandemServerUrl.parse("https://support.example.com/tandem").screenSocket("s_1", "t").toString())
                .isEqualTo("wss://support.example.com/tandem/ws/screen/s_1?token=t");
    }

    @Test
    void aServerUrlNeedsHttpAndAHost() {
        for (String bad : new String[] {"localhost:8080", "ftp://x", "not a url", "http://"}) {
            assertThatThrownBy(() -> TandemServerUrl.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://localhost:8080");
        }
    }
}
