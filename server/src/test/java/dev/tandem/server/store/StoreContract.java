package dev.tandem.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.server.ServerConfig.DatabaseSettings;
import dev.tandem.server.domain.CodeStatus;
import dev.tandem.server.domain.Email;
import dev.tandem.server.domain.EmailStatus;
import dev.tandem.server.domain.IssuedCode;
import dev.tandem.server.domain.Portal;
import dev.tandem.server.domain.Role;
import dev.tandem.server.domain.Sender;
import dev.tandem.server.domain.SessionStatus;
import dev.tandem.server.domain.SupportSession;
import dev.tandem.server.domain.TranscriptEntry;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.domain.User;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stores' behaviour, run against every database Tandem supports (see the subclasses). */
abstract class StoreContract {
    private Database database;
    private UserStore users;
    private PortalStore portals;
    private CodeStore codes;
    private SessionStore sessions;
    private MessageStore messages;

    abstract DatabaseSettings settings();

    @BeforeEach
    void open() {
        database = Database.open(settings());
        users = new UserStore(database);
        portals = new PortalStore(database);
        codes = new CodeStore(database);
        sessions = new SessionStore(database);
        messages = new MessageStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void usersAreStoredWithRoleAndCanBeDisabled() {
        User bob = users.create("bob", "Bob Técnico", Role.TECHNICIAN, "$argon2id$hash");
        assertThat(users.findByUsername("bob")).contains(bob);
        users.update(new User(bob.id(), "bob", "Roberto", Role.ADMIN, false));
        assertThat(users.findById(bob.id()).orElseThrow().displayName()).isEqualTo("Roberto");
        assertThat(users.findById(bob.id()).orElseThrow().enabled()).isFalse();
        assertThat(users.passwordHash(bob.id())).contains("$argon2id$hash");
    }

    @Test
    void liveCodesAreUniqueButADeadCodeMayComeBack() {
        User bob = users.create("bob", "Bob", Role.TECHNICIAN, "h");
        Portal portal = portals.create(new Portal(0, "p1", "P1", "en", false, true, true, 20, 8));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long first = codes.insertUnderLimit(() -> "123456789", bob.id(), portal.id(), "Ana", now, now.plusSeconds(60), 2)
                .orElseThrow();
        // A drawn code that is live already is drawn again (in the same transaction, on both databases).
        java.util.Iterator<String> draws = List.of("123456789", "987654321").iterator();
        long other = codes.insertUnderLimit(draws::next, bob.id(), portal.id(), null, now, now.plusSeconds(60), 2)
                .orElseThrow();
        assertThat(codes.findById(other).orElseThrow().code()).isEqualTo("987654321");
        assertThat(codes.insertUnderLimit(() -> "555555555", bob.id(), portal.id(), null, now, now.plusSeconds(60), 2))
                .as("the technician holds the most live codes").isEmpty();
        assertThat(codes.finish(other, CodeStatus.CANCELLED, null)).isTrue();
        assertThat(codes.finish(first, CodeStatus.JOINED, "s_1")).isTrue();
        assertThat(codes.finish(first, CodeStatus.CANCELLED, null)).as("a finished code stays finished").isFalse();
        long second = codes.insertUnderLimit(() -> "123456789", bob.id(), portal.id(), null, now, now.plusSeconds(60), 2)
                .orElseThrow();
        IssuedCode newest = codes.findNewest("123456789").orElseThrow();
        assertThat(newest.id()).isEqualTo(second);
        assertThat(newest.portal().slug()).isEqualTo("p1");
        assertThat(codes.expireDue(now.plusSeconds(61))).containsExactly(second);
        assertThat(codes.findById(second).orElseThrow().status()).isEqualTo(CodeStatus.EXPIRED);
        assertThat(codes.findById(first).orElseThrow().sessionId()).contains("s_1");
    }

    @Test
    void sessionsKeepDeviceCapabilitiesAndAnOrderedUtf8Transcript() {
        User bob = users.create("bob", "Bob", Role.TECHNICIAN, "h");
        Portal portal = portals.create(new Portal(0, "p2", "P2", "es", true, true, false, 5, 3));
        Capabilities caps = new Capabilities(Capability.available(), Capability.available(),
                Capability.missing("chat-only phone"), Capability.missing("chat-only phone"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        sessions.jdbi().useTransaction(h -> sessions.insert(h, "s_a", null, bob.id(), portal.id(), "Ana María",
                new DeviceInfo("LGE", "LM-V600", "13", 33, "lg"), caps, "hash", now));
        String text = "¿Qué tal? Ñandú 😀 " + "ü".repeat(3000) + "😀".repeat(900);
        Phrase joined = Phrase.of("event.joined", "customer", "Ana María", "phone", "LGE LM-V600 (Android 13)");
        messages.appendDurably(new TranscriptEntry("s_a", 1, Sender.SYSTEM, "Tandem", "joined", now, joined), null);
        messages.appendDurably(new TranscriptEntry("s_a", 2, Sender.CUSTOMER, "Ana María", text, now), 1L);
        messages.appendDurably(new TranscriptEntry("s_a", 3, Sender.TECHNICIAN, "Bob", "ok", now), null);

        SupportSession stored = sessions.find("s_a").orElseThrow();
        assertThat(stored.device().model).isEqualTo("LM-V600");
        assertThat(stored.capabilities().screen.reason).isEqualTo("chat-only phone");
        assertThat(stored.portal().language()).isEqualTo("es");
        assertThat(stored.status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(messages.listAfter("s_a", 1)).extracting(TranscriptEntry::seq).containsExactly(2L, 3L);
        assertThat(messages.listAfter("s_a", 0).get(1).text()).isEqualTo(text);
        assertThat(messages.listAfter("s_a", 0).get(0).event()).isEqualTo(joined);
        assertThat(messages.listAfter("s_a", 0).get(1).event()).isNull();
        assertThat(messages.maxSeq("s_a")).isEqualTo(3);
        assertThat(messages.maxCseq("s_a")).isEqualTo(1);
        assertThat(messages.seqOfCustomerMessage("s_a", 1)).contains(2L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> messages.appendDurably(
                new TranscriptEntry("s_a", 4, Sender.CUSTOMER, "Ana María", "again", now), 1L))
                .as("a customer message (its cseq) is stored at most once").isInstanceOf(RuntimeException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> messages.appendDurably(
                new TranscriptEntry("s_a", 3, Sender.TECHNICIAN, "Bob", "same seq", now), null))
                .as("a seq is never stored twice").isInstanceOf(RuntimeException.class);
        assertThat(messages.maxSeq("s_a")).isEqualTo(3);

        assertThat(sessions.end("s_a", "technician", "Bob", null, now)).isTrue();
        assertThat(sessions.end("s_a", "customer", null, null, now)).isFalse();
        assertThat(sessions.find("s_a").orElseThrow().endedByName()).contains("Bob");
        assertThat(sessions.list(Optional.of(bob.id()), Optional.of(SessionStatus.ENDED), 10))
                .extracting(SupportSession::id).containsExactly("s_a");
        assertThat(sessions.listActive()).isEmpty();
    }

    @Test
    void aSurveyIsAnsweredOnceBeforeItExpiresAndRetentionTakesOnlyItsComment() {
        User bob = users.create("bob", "Bob", Role.TECHNICIAN, "h");
        Portal asks = portals.create(new Portal(0, "p4", "P4", "en", false, true, true, 20, 8, null, "#1f6feb", 10, true));
        assertThat(portals.findBySlug("p4").orElseThrow().surveyAfterSession()).isTrue();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (String id : List.of("s_v", "s_w")) {
            sessions.jdbi().useTransaction(h -> sessions.insert(h, id, null, bob.id(), asks.id(), "Ana",
                    new DeviceInfo("LGE", "LM-V600", "13", 33, "lg"), new Capabilities(Capability.available(),
                    Capability.available(), Capability.available(), Capability.available()), "hash", now));
        }
        SurveyStore surveys = new SurveyStore(database);
        assertThat(surveys.ask("s_v", "hash-v", now, now.plusSeconds(60))).isTrue();
        assertThat(surveys.ask("s_v", "hash-v2", now, now.plusSeconds(60))).as("a session's survey is asked once").isFalse();
        assertThat(surveys.ask("s_w", "hash-w", now, now.plusSeconds(60))).isTrue();

        assertThat(surveys.answer("hash-w", 3, null, now.plusSeconds(61)).outcome())
                .as("too late").isEqualTo(SurveyStore.Outcome.NOT_FOUND);
        assertThat(surveys.answer("nothing", 3, null, now).outcome()).isEqualTo(SurveyStore.Outcome.NOT_FOUND);
        SurveyStore.Answered taken = surveys.answer("hash-v", 5, "¡Genial! 😀", now.plusSeconds(1));
        assertThat(taken.outcome()).isEqualTo(SurveyStore.Outcome.ANSWERED);
        assertThat(taken.sessionId()).isEqualTo("s_v");
        assertThat(taken.customerName()).isEqualTo("Ana");
        assertThat(surveys.answer("hash-v", 1, "changed my mind", now.plusSeconds(2)).outcome())
                .isEqualTo(SurveyStore.Outcome.ALREADY_ANSWERED);
        assertThat(surveys.answerOf("s_v").orElseThrow().rating()).isEqualTo(5);
        assertThat(surveys.answerOf("s_v").orElseThrow().comment()).isEqualTo("¡Genial! 😀");
        assertThat(surveys.answerOf("s_w")).isEmpty();
        assertThat(surveys.answersOf(List.of("s_v", "s_w"))).containsOnlyKeys("s_v");
        assertThat(surveys.byTechnician(now.minusSeconds(1), now.plusSeconds(1)))
                .containsExactly(new dev.tandem.server.domain.SurveyTally("bob", "Bob", 2, 1, 5.0));

        new RetentionStore(database).removeTranscript("s_v", now);
        assertThat(surveys.answerOf("s_v").orElseThrow().comment()).isNull();
        assertThat(surveys.answerOf("s_v").orElseThrow().rating()).isEqualTo(5);
    }

    @Test
    void linesWrittenTogetherAreAllStoredAndABadOneCostsOnlyItsOwnWriter() throws Exception {
        User bob = users.create("bob", "Bob", Role.TECHNICIAN, "h");
        Portal portal = portals.create(new Portal(0, "p3", "P3", "en", false, true, true, 20, 8));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int sessionsCount = 16;
        int lines = 25;
        for (int s = 0; s < sessionsCount; s++) {
            String id = "s_" + s;
            sessions.jdbi().useTransaction(h -> sessions.insert(h, id, null, bob.id(), portal.id(), "Ana",
                    new DeviceInfo("LGE", "LM-V600", "13", 33, "lg"), new Capabilities(Capability.available(),
                            Capability.available(), Capability.available(), Capability.available()), "hash", now));
        }
        messages.appendDurably(new TranscriptEntry("s_0", 1, Sender.CUSTOMER, "Ana", "first", now), 1L);
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(sessionsCount + 1);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            // The same customer message again (cseq 1 of s_0) while 16 sessions write: refused alone.
            java.util.concurrent.Future<?> duplicate = writers.submit(() -> messages.appendDurably(
                    new TranscriptEntry("s_0", 99, Sender.CUSTOMER, "Ana", "first again", now), 1L));
            for (int s = 0; s < sessionsCount; s++) {
                String id = "s_" + s;
                long offset = s == 0 ? 1 : 0;
                done.add(writers.submit(() -> {
                    for (long seq = 1 + offset; seq <= lines + offset; seq++) {
                        messages.appendDurably(new TranscriptEntry(id, seq, Sender.TECHNICIAN, "Bob", "line " + seq, now), null);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> writer : done) {
                writer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> duplicate.get(60, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the duplicate customer message").isInstanceOf(java.util.concurrent.ExecutionException.class);
        } finally {
            writers.shutdownNow();
        }
        for (int s = 0; s < sessionsCount; s++) {
            int expected = s == 0 ? lines + 1 : lines;
            assertThat(messages.listAfter("s_" + s, 0)).as("s_" + s).hasSize(expected);
            assertThat(messages.maxSeq("s_" + s)).isEqualTo(expected);
        }
    }

    @Test
    void emailsKeepTheirMimeBytesExactly() {
        EmailStore emails = new EmailStore(database);
        byte[] eml = ("Subject: Hola\r\n\r\nÑandú 😀\r\n").getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        emails.insert(new Email("m_1", Optional.empty(), Optional.empty(), "invitation", "ana@example.com", "Hola",
                EmailStatus.QUEUED, 0, Optional.empty(), now, Optional.empty()), eml);
        assertThat(emails.eml("m_1")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(eml));
        assertThat(emails.listQueued()).extracting(Email::id).containsExactly("m_1");
        emails.recordAttempt("m_1", EmailStatus.QUEUED, "connection refused", null);
        assertThat(emails.find("m_1").orElseThrow().attempts()).isEqualTo(1);
        emails.recordAttempt("m_1", EmailStatus.SENT, null, now);
        assertThat(emails.find("m_1").orElseThrow().status()).isEqualTo(EmailStatus.SENT);
        assertThat(emails.listQueued()).isEmpty();
    }
}
