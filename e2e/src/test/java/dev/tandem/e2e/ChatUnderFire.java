package dev.tandem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.testing.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A technician and a phone chatting without pause through a server that is being killed: the
 * technician posts over REST, the customer types into {@code tandem device}, the console feed
 * ({@code /ws/console}) is followed by a socket that reconnects by itself. It records what each
 * sender was told (201 with seq, the phone's "delivered" with seq) and checks at the end that the
 * REST transcript, the phone and the console feed all agree, with nothing acknowledged lost or doubled.
 */
final class ChatUnderFire implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JAVA_NAME = Pattern.compile("(java|javax|jakarta|dev\\.tandem|org|com)\\.[a-z]+\\.");
    private volatile Api technician;
    private final DeviceProcess phone;
    private final String sessionId;
    private volatile ConsoleFollower console;
    /** Technician messages answered 201: text to seq. */
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    /** Technician messages sent without a 201 (the server died or refused): may be stored at most once. */
    private final List<String> unacknowledged = new CopyOnWriteArrayList<>();
    /** Texts the customer typed, in order: the n-th is cseq n. */
    private final List<String> typed = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final AtomicInteger posted = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private int kills;

    private ChatUnderFire(Api technician, DeviceProcess phone, String sessionId, ConsoleFollower console) {
        this.technician = technician;
        this.phone = phone;
        this.sessionId = sessionId;
        this.console = console;
    }

    static ChatUnderFire begin(ServerUnderTest server) {
        return begin(server.baseUrl(), server.baseUrl(), server.baseUrl());
    }

    /**
     * The same chat with each party at its own address (several nodes): the phone joins through
     * {@code phoneUrl}, the technician's REST calls go to {@code technicianUrl}, the console feed is
     * followed at {@code consoleUrl}.
     */
    static ChatUnderFire begin(String phoneUrl, String technicianUrl, String consoleUrl) {
        Api admin = new Api(technicianUrl).signIn("admin", ServerUnderTest.ADMIN_PASSWORD);
        admin.post("/api/v1/users", "{\"username\":\"chaos\",\"password\":\"orange-kite-31415\"}").expect(201);
        Api technician = new Api(technicianUrl).signIn("chaos", "orange-kite-31415");
        String code = technician.createCode("chaos");
        ConsoleFollower console = new ConsoleFollower(consoleUrl, technician.token());
        DeviceProcess phone = DeviceProcess.start("--server", phoneUrl, "--code", code, "--name", "Ana");
        String session = phone.next(e -> "joined".equals(e.path("event").asText()), "joined", 90).get("session").asText();
        return new ChatUnderFire(technician, phone, session, console);
    }

    DeviceProcess phone() { return phone; }

    /** From now on the technician's REST calls go to {@code baseUrl} (another node), with the same token. */
    void technicianAt(String baseUrl) {
        technician = new Api(baseUrl).withToken(technician.token());
    }

    /** From now on the console feed is followed at {@code baseUrl} (another node); the old feed is closed. */
    void consoleAt(String baseUrl) {
        ConsoleFollower old = console;
        console = new ConsoleFollower(baseUrl, technician.token());
        old.close();
    }

    /** Whether the console feed now followed holds a message with {@code text} of this session. */
    boolean consoleSaw(String text) {
        return console.messages().stream().anyMatch(e -> sessionId.equals(e.path("session").asText())
                && text.equals(e.at("/message/text").asText()));
    }

    /** The text of the last technician message answered 201, or null. */
    String lastAcknowledged() {
        return acknowledged.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** Waits (chatting on) until the phone has said "resumed" {@code times} times in all. */
    void awaitResumes(long times, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (resumes() < times) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The phone did not come back within " + within.toSeconds() + " s; stderr: "
                        + phone.stderr());
            }
            chatFor(Duration.ofMillis(200));
        }
    }

    long resumed() { return resumes(); }

    String sessionId() { return sessionId; }

    Api technician() { return technician; }

    /** Both sides send messages for {@code duration} (the technician every ~80 ms, the customer every ~120 ms). */
    void chatFor(Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        long nextCustomer = System.nanoTime();
        while (System.nanoTime() < end) {
            postOne();
            if (System.nanoTime() >= nextCustomer) {
                String text = "c" + (typed.size() + 1) + " ñ😀";
                typed.add(text);
                phone.type(text);
                nextCustomer = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(120);
            }
            Thread.sleep(80);
        }
    }

    /** Chats while {@code action} runs on another thread (a kill, a database outage). */
    void chatWhile(Runnable action) throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        Thread side = new Thread(() -> {
            try {
                action.run();
            } finally {
                done.set(true);
            }
        }, "chaos-action");
        side.start();
        while (!done.get()) {
            chatFor(Duration.ofMillis(200));
        }
        side.join();
    }

    private void postOne() {
        String text = "t" + posted.incrementAndGet();
        Api.Response response;
        try {
            response = technician.post("/api/v1/sessions/" + sessionId + "/messages",
                    "{\"text\":" + Api.quote(text) + "}");
        } catch (RuntimeException serverGone) {
            unacknowledged.add(text);
            return;
        }
        if (response.status() == 201) {
            acknowledged.put(text, response.json().get("seq").asLong());
            return;
        }
        unacknowledged.add(text);
        refusals.add(response.status() + " " + response.body());
        if (response.status() == 503) {
            unavailable.incrementAndGet();
        }
    }

    /**
     * The server was killed and started again: waits (chatting on) until the phone has come back by
     * itself, so that the next kill finds it connected.
     */
    void killedAndRestarted() throws InterruptedException {
        kills++;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (resumes() < kills) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The phone did not come back within 90 s of restart " + kills + "; stderr: "
                        + phone.stderr());
            }
            chatFor(Duration.ofMillis(300));
        }
    }

    private long resumes() {
        return phone.printed().stream().filter(e -> "resumed".equals(e.path("event").asText())).count();
    }

    int kills() { return kills; }

    int unavailableAnswers() { return unavailable.get(); }

    /**
     * Stops chatting, waits until the phone delivered everything typed and received the whole
     * transcript, then checks every promise. Returns a one-line count of what was checked.
     */
    String settleAndCheck() throws InterruptedException {
        List<JsonNode> transcript = awaitSettled();
        Map<Long, JsonNode> bySeq = new TreeMap<>();
        for (JsonNode entry : transcript) {
            assertThat(bySeq.put(entry.get("seq").asLong(), entry)).as("seq %s given twice", entry.get("seq")).isNull();
        }
        long last = bySeq.isEmpty() ? 0 : ((TreeMap<Long, JsonNode>) bySeq).lastKey();
        assertThat(bySeq.keySet()).as("seq has no gaps").hasSize((int) last);

        Map<String, Integer> occurrences = new ConcurrentHashMap<>();
        for (JsonNode entry : transcript) {
            occurrences.merge(entry.get("text").asText(), 1, Integer::sum);
        }
        for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
            assertThat(occurrences.getOrDefault(ack.getKey(), 0)).as("acknowledged '%s' stored exactly once", ack.getKey())
                    .isEqualTo(1);
            assertThat(bySeq.get(ack.getValue()).get("text").asText()).as("the seq the 201 gave").isEqualTo(ack.getKey());
        }
        for (String text : unacknowledged) {
            assertThat(occurrences.getOrDefault(text, 0)).as("unacknowledged '%s' stored at most once", text)
                    .isLessThanOrEqualTo(1);
        }
        Map<Long, Long> delivered = new TreeMap<>();
        for (JsonNode event : phone.printed()) {
            if ("delivered".equals(event.path("event").asText())) {
                delivered.put(event.get("cseq").asLong(), event.get("seq").asLong());
            }
        }
        for (int cseq = 1; cseq <= typed.size(); cseq++) {
            String text = typed.get(cseq - 1);
            assertThat(delivered).as("the phone delivered message %d", cseq).containsKey((long) cseq);
            assertThat(occurrences.getOrDefault(text, 0)).as("customer '%s' stored exactly once", text).isEqualTo(1);
            assertThat(bySeq.get(delivered.get((long) cseq)).get("text").asText()).as("the seq the ack gave").isEqualTo(text);
        }

        // The phone saw every entry once, in seq order, with the server's text.
        List<Long> phoneSeqs = new ArrayList<>();
        for (JsonNode event : phone.printed()) {
            String kind = event.path("event").asText();
            if ("chat".equals(kind) || "system".equals(kind)) {
                long seq = event.get("seq").asLong();
                phoneSeqs.add(seq);
                assertThat(event.get("text").asText()).as("phone's seq %d", seq).isEqualTo(bySeq.get(seq).get("text").asText());
            }
        }
        assertThat(phoneSeqs).as("the phone saw every seq once, in order").containsExactlyElementsOf(bySeq.keySet());
        long resumed = resumes();
        assertThat(resumed).as("the phone came back by itself after every kill").isGreaterThanOrEqualTo(kills);

        // The console feed never showed anything the transcript does not hold, and missed nothing
        // it was connected for at the end.
        int consoleSeen = 0;
        for (JsonNode event : console.messages()) {
            if (sessionId.equals(event.path("session").asText())) {
                long seq = event.at("/message/seq").asLong();
                assertThat(bySeq).as("console's seq %d is in the transcript", seq).containsKey(seq);
                assertThat(event.at("/message/text").asText()).isEqualTo(bySeq.get(seq).get("text").asText());
                consoleSeen++;
            }
        }
        for (String refusal : refusals) {
            assertThat(refusal).as("a refusal is a sentence, never a Java name").doesNotContainPattern(JAVA_NAME)
                    .matches("503 .*\"message\":\"[A-Z].*");
        }
        return String.format("%d kills; %d technician messages acknowledged, %d customer messages delivered, %d "
                        + "unacknowledged (at most once each), %d transcript entries checked on REST, phone and console "
                        + "(console feed saw %d), %d answers 503", kills, acknowledged.size(), typed.size(),
                unacknowledged.size(), bySeq.size(), consoleSeen, unavailable.get());
    }

    /** The transcript once the phone has delivered all it typed and holds every entry. */
    private List<JsonNode> awaitSettled() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            List<JsonNode> transcript = new ArrayList<>();
            try {
                technician.get("/api/v1/sessions/" + sessionId + "/messages").expect(200).json()
                        .forEach(transcript::add);
            } catch (RuntimeException | AssertionError notYet) {
                transcript = null;
            }
            if (transcript != null) {
                long deliveredCount = phone.printed().stream().filter(e -> "delivered".equals(e.path("event").asText()))
                        .map(e -> e.get("cseq").asLong()).distinct().count();
                long phoneLast = phone.printed().stream().filter(e -> e.has("seq") && !"delivered".equals(e.path("event").asText()))
                        .mapToLong(e -> e.get("seq").asLong()).max().orElse(0);
                long serverLast = transcript.stream().mapToLong(e -> e.get("seq").asLong()).max().orElse(0);
                if (deliveredCount == typed.size() && phoneLast == serverLast) {
                    return transcript;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("The phone did not catch up in 90 s: delivered " + deliveredCount + " of "
                            + typed.size() + ", saw seq " + phoneLast + " of " + serverLast + "; stderr: " + phone.stderr());
                }
            }
            Thread.sleep(250);
        }
    }

    @Override
    public void close() {
        console.close();
        phone.close();
    }

    /** {@code /ws/console} followed across restarts: reconnects whenever the socket closes. */
    static final class ConsoleFollower implements WebSocket.Listener {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final URI uri;
        private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private final Thread keeper;
        private volatile boolean closing;
        private volatile WebSocket socket;

        ConsoleFollower(String baseUrl, String token) {
            this.uri = URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws/console?token=" + token);
            keeper = new Thread(this::keepConnected, "console-follower");
            keeper.setDaemon(true);
            keeper.start();
        }

        private void keepConnected() {
            while (!closing) {
                WebSocket current = socket;
                if (current == null || current.isInputClosed()) {
                    try {
                        socket = http.newWebSocketBuilder().buildAsync(uri, this).get(3, TimeUnit.SECONDS);
                    } catch (Exception serverDown) {
                        socket = null;
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            synchronized (partial) {
                partial.append(data);
                if (last) {
                    try {
                        JsonNode event = JSON.readTree(partial.toString());
                        if ("message".equals(event.path("type").asText())) {
                            messages.add(event);
                        }
                    } catch (java.io.IOException e) {
                        throw new AssertionError("The console feed sent non-JSON: " + partial, e);
                    } finally {
                        partial.setLength(0);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            synchronized (partial) {
                partial.setLength(0);
            }
        }

        List<JsonNode> messages() {
            return List.copyOf(messages);
        }

        void close() {
            closing = true;
            keeper.interrupt();
        }
    }
}
