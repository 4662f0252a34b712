package dev.tandem.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.server.view.ScreenView;
import java.nio.file.Path;
import dev.tandem.server.store.SessionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screen sharing plugged into the session core alone, on a real database, with the phone, the
 * console and a viewer as recording outlets: requests become prompts, answers and stops move the
 * screen's state, and the console and the viewer hear of it.
 */
class ScreenSharingTest {
    @TempDir
    Path data;
    private OneSession one;
    private ScreenSharing screens;

    @BeforeEach
    void open() throws Exception {
        one = new OneSession(data);
        screens = new ScreenSharing(one.sessions, one.portals, one.events, one.audit, one.sessionStore);
        one.open(screens, true);
    }

    @AfterEach
    void close() {
        one.close();
    }

    @Test
    void theCustomersYesSharesTheScreenAndTheConsoleSeesIt() throws Exception {
        ScreenView asked = screens.request(one.technician, one.id, false);

        assertThat(asked.status()).isEqualTo("pending");
        JsonNode prompt = one.phone.last("prompt");
        assertThat(prompt.path("kind").asText()).isEqualTo("screen");
        assertThat(prompt.path("ask").asBoolean()).isTrue();

        one.phoneSays(new AgentMessage.Answer(prompt.path("id").asText(), true));

        assertThat(screens.status(one.technician, one.id).status()).isEqualTo("sharing");
        assertThat(one.console.last("screen").path("screen").path("status").asText()).isEqualTo("sharing");
        assertThat(one.console.of("message")).extracting(m -> m.path("message").path("key").asText())
                .contains("event.screenRequested", "event.screenAllowed");
    }

    @Test
    void aPromptTheCustomerDidNotAnswerIsAskedAgainAfterThePhoneComesBack() throws Exception {
        screens.request(one.technician, one.id, false);
        String promptId = one.phone.last("prompt").path("id").asText();

        one.drop();
        RecordingOutlet before = one.phone;
        one.reconnect();

        assertThat(before).isNotSameAs(one.phone);
        assertThat(one.phone.of("prompt")).extracting(p -> p.path("id").asText()).containsExactly(promptId);
    }

    @Test
    void theCustomersStopClosesTheViewersAndWithdrawsTheControlQuestion() throws Exception {
        screens.request(one.technician, one.id, true);
        String screenPrompt = one.phone.of("prompt").get(0).path("id").asText();
        String controlPrompt = one.phone.of("prompt").get(1).path("id").asText();
        one.phoneSays(new AgentMessage.Answer(screenPrompt, true));
        RecordingOutlet viewer = new RecordingOutlet();
        ViewerLink link = screens.attachViewer(one.technician, one.id, viewer);
        assertThat(one.phone.last("screenOpen").path("stream").asLong()).isEqualTo(link.stream());

        one.phoneSays(new AgentMessage.Sharing(false, false));

        assertThat(viewer.closeCode()).isEqualTo(TandemStatus.SCREEN_STOPPED.closeCode());
        assertThat(one.phone.of("promptClosed")).extracting(p -> p.path("id").asText()).containsExactly(controlPrompt);
        ScreenView view = screens.status(one.technician, one.id);
        assertThat(view.status()).isEqualTo("off");
        assertThat(view.stoppedByCustomer()).isEqualTo(true);
    }

    @Test
    void whatTheCustomerAllowsIsStoredWithTheSessionForANodeThatTakesItOver() throws Exception {
        screens.request(one.technician, one.id, true);
        String screenPrompt = one.phone.of("prompt").get(0).path("id").asText();
        String controlPrompt = one.phone.of("prompt").get(1).path("id").asText();
        assertThat(one.sessionStore.screenGrant(one.id)).as("nothing allowed yet").isEqualTo(SessionStore.ScreenGrant.NONE);

        one.phoneSays(new AgentMessage.Answer(screenPrompt, true));
        assertThat(one.sessionStore.screenGrant(one.id)).isEqualTo(new SessionStore.ScreenGrant(true, false));
        one.phoneSays(new AgentMessage.Answer(controlPrompt, true));
        assertThat(one.sessionStore.screenGrant(one.id)).isEqualTo(new SessionStore.ScreenGrant(true, true));

        one.phoneSays(new AgentMessage.Sharing(false, false));
        assertThat(one.sessionStore.screenGrant(one.id)).as("the customer's stop").isEqualTo(SessionStore.ScreenGrant.NONE);
    }
}
