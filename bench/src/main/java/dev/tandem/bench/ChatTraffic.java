package dev.tandem.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Paced chat round trips on many sessions at once, as technicians who type fast: each session's
 * technician posts a message over REST at its own steady rate (first one at a random moment of the
 * first interval), its phone (an {@link EchoDevice}) answers it, and the round trip ends when the
 * answer shows in the technician's console feed. Remembers what was acknowledged so that a run can
 * check afterwards that nothing was lost or doubled.
 */
final class ChatTraffic {
    private final BenchApi tech;
    private final ConsoleFeed feed;
    private final List<String> sessions;
    private final double ratePerSession;
    private final ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
    /** The technician's half of each sampled round trip: the POST until its 201 (stored and durable). */
    private final ConcurrentLinkedQueue<Long> posts = new ConcurrentLinkedQueue<>();
    /** Per session, the texts the server acknowledged with 201 (the phone's echo of each is expected too). */
    private final Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    ChatTraffic(BenchApi tech, ConsoleFeed feed, List<String> sessions, double ratePerSession) {
        this.tech = tech;
        this.feed = feed;
        this.sessions = sessions;
        this.ratePerSession = ratePerSession;
        sessions.forEach(id -> acknowledged.put(id, java.util.Collections.synchronizedList(new ArrayList<>())));
    }

    /** {@code warmup} then {@code measured} round trips per session; the measured ones are sampled. */
    LatencySample rounds(int warmup, int measured) throws Exception {
        return run(round -> round < warmup + measured, warmup);
    }

    /** Round trips for {@code duration} after {@code warmup} of unsampled ones. */
    LatencySample runFor(Duration warmup, Duration duration) throws Exception {
        long start = System.nanoTime();
        long warmEnd = start + warmup.toNanos();
        long end = warmEnd + duration.toNanos();
        return run(round -> System.nanoTime() < end, -1, warmEnd);
    }

    private interface Continue {
        boolean next(int round);
    }

    private LatencySample run(Continue more, int warmupRounds) throws Exception {
        return run(more, warmupRounds, Long.MIN_VALUE);
    }

    private LatencySample run(Continue more, int warmupRounds, long sampleFrom) throws Exception {
        ExecutorService technicians = Executors.newFixedThreadPool(sessions.size());
        List<Future<?>> done = new ArrayList<>();
        long interval = (long) (1e9 / ratePerSession);
        for (String id : sessions) {
            long first = System.nanoTime() + ThreadLocalRandom.current().nextLong(interval);
            done.add(technicians.submit(() -> {
                for (int round = 0; more.next(round); round++) {
                    long due = first + round * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    String text = "rt " + id + " " + round;
                    CompletableFuture<Long> echoed = feed.await(EchoDevice.PREFIX + text);
                    long posted = System.nanoTime();
                    sent.incrementAndGet();
                    try {
                        tech.call("POST", "/api/v1/sessions/" + id + "/messages",
                                BenchApi.JSON.createObjectNode().put("text", text).toString(), 201);
                    } catch (java.io.IOException refusedOrCut) {
                        // A node died under it (503, safe to retry): not acknowledged, so not promised.
                        refused.incrementAndGet();
                        continue;
                    }
                    acknowledged.get(id).add(text);
                    long created = System.nanoTime();
                    Long back;
                    try {
                        back = echoed.get(30, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        unanswered.incrementAndGet();
                        continue;
                    }
                    if (round >= warmupRounds && posted >= sampleFrom) {
                        samples.add(back - posted);
                        posts.add(created - posted);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        technicians.shutdown();
        LatencySample sample = new LatencySample();
        samples.forEach(sample::add);
        return sample;
    }

    /** How long the sampled POSTs took until their 201, of the last run. */
    LatencySample postLatency() {
        LatencySample sample = new LatencySample();
        posts.forEach(sample::add);
        return sample;
    }

    long sent() { return sent.get(); }

    long acknowledged() {
        return acknowledged.values().stream().mapToLong(List::size).sum();
    }

    /** Technician messages refused or cut off (a node died under them); never acknowledged. */
    long refused() { return refused.get(); }

    /** Round trips whose echo never reached the console feed within 30 s. */
    long unanswered() { return unanswered.get(); }

    /**
     * Reads every session's transcript: {lost, doubled} counts the acknowledged messages (and their
     * phones' echoes) missing from it or in it more than once.
     */
    long[] lostAndDoubled() throws Exception {
        long lost = 0;
        long doubled = 0;
        for (String id : sessions) {
            Map<String, Integer> seen = new java.util.HashMap<>();
            for (var entry : tech.call("GET", "/api/v1/sessions/" + id + "/messages", null, 200)) {
                seen.merge(entry.path("text").asText(), 1, Integer::sum);
            }
            for (String text : acknowledged.get(id)) {
                for (String expected : new String[] {text, EchoDevice.PREFIX + text}) {
                    int count = seen.getOrDefault(expected, 0);
                    lost += count == 0 ? 1 : 0;
                    doubled += count > 1 ? 1 : 0;
                }
            }
        }
        return new long[] {lost, doubled};
    }
}
