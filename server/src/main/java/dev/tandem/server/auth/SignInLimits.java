package dev.tandem.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.net.ClientAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * How often a sign-in may fail, and for whom. Three counters, each bounded in memory and one
 * hash-map operation per attempt however many addresses and names there are:
 *
 * <ul>
 *   <li><b>per address</b> (its limit key, so an IPv6 /64): {@value #PER_ADDRESS} failures in 15
 *       minutes, then 429 until those 15 minutes are over;</li>
 *   <li><b>per account and address</b>: {@value #PER_ACCOUNT_AND_ADDRESS} failures in 15 minutes (a
 *       person mistyping at one place);</li>
 *   <li><b>per account, from any address</b>: after {@value #FREE_FAILURES} failures in a row the
 *       account must wait before its next attempt is even checked: 1 s, then 2 s, 4 s … doubling up
 *       to {@link #MAX_ACCOUNT_DELAY} (5 minutes). A success ends it; so do 24 hours without a
 *       failure.</li>
 * </ul>
 *
 * <p>The account delay never locks the real user out for good: it is a wait, never a lock, and an
 * address the account signed in from in the last 30 days (a <em>known place</em>) does not wait
 * for it at all, so someone guessing the name from elsewhere cannot keep its owner out of their
 * usual place. From a new place a correct password works once the wait is over.
 *
 * <p>What this allows an attacker with 1,000 addresses per day: against one account, at most about
 * 300 guesses (one per 5 minutes once the wait is at its cap, plus the first few), however many
 * addresses they use; over all accounts together, at most 30 failures per address per 15 minutes,
 * 2.88 million for 1,000 addresses, but never more than those 300 against any single account.
 *
 * <p>Known places and counters are kept in memory: a restart forgets them (the account delay
 * starts again from zero, and known places must sign in once more to be known). Thread-safe.
 */
public final class SignInLimits {
    static final int PER_ADDRESS = 30;
    static final int PER_ACCOUNT_AND_ADDRESS = 10;
    static final int FREE_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_ACCOUNT_DELAY = Duration.ofMinutes(5);
    static final Duration ACCOUNT_MEMORY = Duration.ofHours(24);
    static final Duration KNOWN_PLACE_MEMORY = Duration.ofDays(30);
    private static final long MAX_KEYS = 200_000;

    private final Clock clock;
    private final AttemptLimiter perAddress;
    private final AttemptLimiter perAccountAndAddress;
    private final Cache<String, AccountDelay> accounts;
    private final Cache<String, Boolean> knownPlaces;

    /** Failures of one account in a row and the moment before which its next attempt waits. */
    private record AccountDelay(int failures, long notBeforeMillis) {
    }

    public SignInLimits(Clock clock) {
        this.clock = clock;
        this.perAddress = new AttemptLimiter(PER_ADDRESS, WINDOW, clock, MAX_KEYS);
        this.perAccountAndAddress = new AttemptLimiter(PER_ACCOUNT_AND_ADDRESS, WINDOW, clock, MAX_KEYS);
        this.accounts = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(ACCOUNT_MEMORY)
                .ticker(() -> clock.millis() * 1_000_000L).executor(Runnable::run).build();
        this.knownPlaces = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(KNOWN_PLACE_MEMORY)
                .ticker(() -> clock.millis() * 1_000_000L).executor(Runnable::run).build();
    }

    /**
     * Refuses with 429 and a {@code Retry-After} when {@code from} may not try to sign in to
     * {@code username} now; call before the password is checked.
     */
    public void check(String username, ClientAddress from) {
        String account = account(username);
        if (perAddress.isBlocked(from.limitKey())) {
            throw refused("Too many failed sign-ins from your address. Try again in %s.",
                    perAddress.retryAfter(from.limitKey()));
        }
        String pair = account + "|" + from.limitKey();
        if (perAccountAndAddress.isBlocked(pair)) {
            throw refused("Too many failed sign-ins. Try again in %s, or ask an administrator to reset your password.",
                    perAccountAndAddress.retryAfter(pair));
        }
        if (knownPlaces.getIfPresent(pair) != null) {
            return;
        }
        AccountDelay delay = accounts.getIfPresent(account);
        long wait = delay == null ? 0 : delay.notBeforeMillis() - clock.millis();
        if (wait > 0) {
            throw refused("This account had many failed sign-ins; its next attempt is allowed in %s.",
                    Duration.ofMillis(wait));
        }
    }

    /** A wrong password (or an unknown name) from {@code from}. */
    public void failed(String username, ClientAddress from) {
        String account = account(username);
        perAddress.recordFailure(from.limitKey());
        perAccountAndAddress.recordFailure(account + "|" + from.limitKey());
        long now = clock.millis();
        accounts.asMap().compute(account, (k, current) -> {
            int failures = current == null ? 1 : current.failures() + 1;
            return new AccountDelay(failures, now + accountDelay(failures).toMillis());
        });
    }

    /** The right password from {@code from}: its counters for this account end and the place is known. */
    public void succeeded(String username, ClientAddress from) {
        String account = account(username);
        String pair = account + "|" + from.limitKey();
        perAccountAndAddress.reset(pair);
        accounts.invalidate(account);
        knownPlaces.put(pair, Boolean.TRUE);
    }

    /** The wait before the next attempt after {@code failures} failures in a row. */
    static Duration accountDelay(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = failures - FREE_FAILURES - 1;
        if (doublings >= 20) {
            return MAX_ACCOUNT_DELAY;
        }
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(MAX_ACCOUNT_DELAY) > 0 ? MAX_ACCOUNT_DELAY : delay;
    }

    private static String account(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    private static Rejection refused(String sentence, Duration wait) {
        return Rejection.of(ErrorCode.TOO_MANY_ATTEMPTS, String.format(Locale.ROOT, sentence, words(wait)), wait);
    }

    /** "42 seconds", "5 minutes": the wait as people say it, rounded up. */
    static String words(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
