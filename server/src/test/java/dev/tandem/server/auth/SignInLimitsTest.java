package dev.tandem.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.server.Rejection;
import dev.tandem.server.net.ClientAddress;
import dev.tandem.server.testing.SettableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInLimitsTest {
    private final SettableClock clock = frozen();
    private final SignInLimits limits = new SignInLimits(clock);

    private static SettableClock frozen() {
        SettableClock clock = new SettableClock();
        clock.freeze();
        return clock;
    }

    private static ClientAddress at(String literal) {
        return ClientAddress.parse(literal).orElseThrow();
    }

    @Test
    void theAccountWaitDoublesUpToFiveMinutesAndNeverBecomesALock() {
        assertThat(SignInLimits.accountDelay(5)).isZero();
        assertThat(SignInLimits.accountDelay(6)).hasSeconds(1);
        assertThat(SignInLimits.accountDelay(7)).hasSeconds(2);
        assertThat(SignInLimits.accountDelay(13)).hasSeconds(128);
        assertThat(SignInLimits.accountDelay(14)).hasSeconds(256);
        assertThat(SignInLimits.accountDelay(15)).isEqualTo(Duration.ofMinutes(5));
        assertThat(SignInLimits.accountDelay(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));

        // A thousand addresses guessing one name: each attempt after the wait is allowed, never more.
        for (int i = 0; i < 40; i++) {
            ClientAddress guesser = at("198.51.100." + (i % 250));
            assertThatCode(() -> limits.check("eva", guesser)).doesNotThrowAnyException();
            limits.failed("eva", guesser);
            Duration wait = SignInLimits.accountDelay(i + 1);
            if (!wait.isZero()) {
                assertThatThrownBy(() -> limits.check("EVA ", at("203.0.113.1"))).isInstanceOf(Rejection.class)
                        .satisfies(e -> assertThat(((Rejection) e).retryAfter()).contains(wait));
            }
            clock.advance(wait);
        }
        assertThatCode(() -> limits.check("eva", at("203.0.113.1"))).as("the owner after the wait").doesNotThrowAnyException();
        limits.succeeded("eva", at("203.0.113.1"));
        assertThatCode(() -> limits.check("eva", at("198.51.100.3"))).as("a success ends the wait").doesNotThrowAnyException();
    }

    @Test
    void aKnownPlaceSkipsTheAccountWaitAndTwentyFourQuietHoursEndIt() {
        limits.succeeded("finn", at("2001:db8:5:6::10"));
        for (int i = 0; i < 10; i++) {
            limits.failed("finn", at("192.0.2." + i));
        }
        assertThatThrownBy(() -> limits.check("finn", at("192.0.2.99"))).isInstanceOf(Rejection.class);
        assertThatCode(() -> limits.check("finn", at("2001:db8:5:6:ffff::1")))
                .as("another address of the same /64 is the same place").doesNotThrowAnyException();
        clock.advance(Duration.ofHours(24));
        assertThatCode(() -> limits.check("finn", at("192.0.2.99"))).doesNotThrowAnyException();
    }

    @Test
    void addressLimitsCountAnIpv6NetworkAsOneAddress() {
        for (int i = 0; i < SignInLimits.PER_ADDRESS; i++) {
            limits.failed("user" + i, at("2001:db8:9:9::" + Integer.toHexString(i + 1)));
        }
        assertThatThrownBy(() -> limits.check("someone", at("2001:db8:9:9:1:2:3:4")))
                .isInstanceOf(Rejection.class).hasMessageContaining("from your address")
                .satisfies(e -> assertThat(((Rejection) e).httpStatus()).isEqualTo(429));
        assertThatCode(() -> limits.check("someone", at("2001:db8:9:a::1"))).doesNotThrowAnyException();
        clock.advance(SignInLimits.WINDOW);
        assertThatCode(() -> limits.check("someone", at("2001:db8:9:9:1:2:3:4"))).doesNotThrowAnyException();
    }

    @Test
    void onePersonMistypingAtOnePlaceIsStoppedAfterTenInFifteenMinutes() {
        limits.succeeded("gus", at("10.1.1.1"));
        for (int i = 0; i < SignInLimits.PER_ACCOUNT_AND_ADDRESS; i++) {
            limits.check("gus", at("10.1.1.1"));
            limits.failed("gus", at("10.1.1.1"));
        }
        assertThatThrownBy(() -> limits.check("gus", at("10.1.1.1"))).isInstanceOf(Rejection.class)
                .hasMessageContaining("ask an administrator");
    }

    @Test
    void memoryStaysBoundedHoweverManyAddressesGuess() {
        AttemptLimiter limiter = new AttemptLimiter(3, Duration.ofMinutes(10), clock, 1_000);
        for (int i = 0; i < 50_000; i++) {
            limiter.recordFailure("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(limiter.size()).isLessThanOrEqualTo(1_000);
        for (int i = 0; i < 3; i++) {
            limiter.recordFailure("hot");
        }
        assertThat(limiter.isBlocked("hot")).isTrue();
        clock.advance(Duration.ofMinutes(10));
        assertThat(limiter.isBlocked("hot")).isFalse();
        assertThat(limiter.size()).as("every window has ended").isZero();
    }
}
