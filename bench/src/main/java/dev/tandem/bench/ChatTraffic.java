package dev.tandem.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
    /** Each sampled round trip as {when it began ({@link System#nanoTime()}), how long it took}. */
    private final ConcurrentLinkedQueue<long[]> timed = new ConcurrentLinkedQueue<>();
    /** The technician's half of each sampled round trip: the POST until its 201 (stored and durable). */
    private final ConcurrentLinkedQueue<Long> posts = new ConcurrentLinkedQueue<>();
    /** Per session, the texts the server acknowledged with 201 (the phone's echo of each is expected too). */
    private final Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** Counts the runs, so that a text is unique in its transcript over every run (warm-up, then measured). */
    private final java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();

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
        // A thread per technician, each asleep until its next round, made the benchmark itself take a
        // good part of the CPU it shares with the server. One thread paces every technician; a POST
        // waits for its 201 on a pooled thread (as many as POSTs are under way at once, at most one
        // per session). Not the REST client's asynchronous calls: on a machine of two cores each of
        // them starts a thread of its own (the JDK hands their completion to CompletableFuture's
        // default executor, a new thread per task when the common pool has a single thread).
        int runNumber = runs.incrementAndGet();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(daemon("bench-pacer"));
        ExecutorService posting = Executors.newCachedThreadPool(daemon("bench-technician"));
        try {
            long interval = (long) (1e9 / ratePerSession);
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (String id : sessions) {
                long first = System.nanoTime() + ThreadLocalRandom.current().nextLong(interval);
                Technician technician = new Technician(id, runNumber, first, interval, more, warmupRounds,
                        sampleFrom, pacer, posting);
                done.add(technician.finished);
                technician.next(0);
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception failure ? failure : e;
        } finally {
            pacer.shutdownNow();
            posting.shutdownNow();
        }
        LatencySample sample = new LatencySample();
        samples.forEach(sample::add);
        return sample;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * One session's technician: posts a message when its round is due, waits for its phone's echo in
     * the console feed, then goes on with the next round (at once when it is late). Never two rounds
     * of one session at a time, as with a person typing.
     */
    private final class Technician {
        private final String session;
        private final int runNumber;
        private final long first;
        private final long interval;
        private final Continue more;
        private final int warmupRounds;
        private final long sampleFrom;
        private final ScheduledExecutorService pacer;
        private final ExecutorService posting;
        private final CompletableFuture<Void> finished = new CompletableFuture<>();

        Technician(String session, int runNumber, long first, long interval, Continue more, int warmupRounds,
                   long sampleFrom, ScheduledExecutorService pacer, ExecutorService posting) {
            this.session = session;
            this.runNumber = runNumber;
            this.first = first;
            this.interval = interval;
            this.more = more;
            this.warmupRounds = warmupRounds;
            this.sampleFrom = sampleFrom;
            this.pacer = pacer;
            this.posting = posting;
        }

        void next(int round) {
            if (!more.next(round)) {
                finished.complete(null);
                return;
            }
            long wait = first + round * interval - System.nanoTime();
            pacer.schedule(() -> posting.execute(() -> post(round)), Math.max(0, wait), TimeUnit.NANOSECONDS);
        }

        /** On a thread of {@code posting}: the POST waits for its 201, the echo is awaited without a thread. */
        private void post(int round) {
            String text = "rt " + session + " " + runNumber + "." + round;
            CompletableFuture<Long> echoed = feed.await(EchoDevice.PREFIX + text);
            long posted = System.nanoTime();
            sent.incrementAndGet();
            try {
                tech.call("POST", "/api/v1/sessions/" + session + "/messages",
                        BenchApi.JSON.createObjectNode().put("text", text).toString(), 201);
            } catch (java.io.IOException refusedOrCut) {
                // A node died under it (503, safe to retry): not acknowledged, so not promised.
                refused.incrementAndGet();
                next(round + 1);
                return;
            } catch (InterruptedException | RuntimeException e) {
                finished.completeExceptionally(e);
                return;
            }
            acknowledged.get(session).add(text);
            long created = System.nanoTime();
            echoed.orTimeout(30, TimeUnit.SECONDS).whenComplete((back, late) -> {
                if (late != null) {
                    unanswered.incrementAndGet();
                } else if (round >= warmupRounds && posted >= sampleFrom) {
                    samples.add(back - posted);
                    timed.add(new long[] {posted, back - posted});
                    posts.add(created - posted);
                }
                next(round + 1);
            });
        }
    }

    /**
     * The sampled round trips cut into consecutive windows of {@code window} from the first one: the
     * tail of a run's latency is either spread evenly or a few bad moments, and a soak's last minutes
     * show whether it degrades.
     */
    java.util.List<LatencySample> byWindow(Duration window) {
        java.util.List<long[]> all = new ArrayList<>(timed);
        java.util.List<LatencySample> windows = new ArrayList<>();
        if (all.isEmpty()) {
            return windows;
        }
        long start = all.stream().mapToLong(t -> t[0]).min().orElseThrow();
        for (long[] t : all) {
            int index = (int) ((t[0] - start) / window.toNanos());
            while (windows.size() <= index) {
                windows.add(new LatencySample());
            }
            windows.get(index).add(t[1]);
        }
        return windows;
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
