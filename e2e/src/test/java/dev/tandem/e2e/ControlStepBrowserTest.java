package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.agent.AgentSession;
import dev.tandem.agent.ServerAddress;
import dev.tandem.agent.SessionListener;
import dev.tandem.agent.SessionRequest;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.server.testing.RunningServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The customer's remote-control step on the technician's screen, in Chromium against a real server:
 * a phone that reports the step as the Android app does (the shared agent, the app's capability
 * codes) is explained in the technician's language, and the explanation goes when the customer
 * switches the service on.
 */
class ControlStepBrowserTest {
    static RunningServer server;
    static Chromium chromium;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        server.technician("nuria");
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
    }

    /** As the Android app on a sideloaded install on Android 13+: the sentence is the phone's English. */
    private static Capabilities controlAt(String code) {
        Capability control = code == null ? Capability.available()
                : Capability.missing("Android blocks Tandem remote control (the phone's English)", code);
        return new Capabilities(Capability.available(), Capability.available(), Capability.available(), control);
    }

    @Test
    void theRestrictedStepIsExplainedInSpanishAndGoesWhenTheServiceIsOn() throws Exception {
        try (BrowserContext context = chromium.context("es-ES")) {
            Page page = ConsoleSessionTest.signInAs(server, context, "nuria", RunningServer.password("nuria"));
            String code = ConsoleSessionTest.createCode(page, "Teléfono de Marta");
            CompletableFuture<String> joined = new CompletableFuture<>();
            SessionRequest request = SessionRequest.join(ServerAddress.parse(server.baseUrl()),
                    SessionCode.parse(code).orElseThrow(), "Marta",
                    new DeviceInfo("Google", "Pixel 8", "14", 34, "android"), controlAt("accessibility_restricted"));
            try (AgentSession phone = AgentSession.create(request, new SessionListener() {
                @Override
                public void joined(ServerMessage.Welcome welcome) {
                    joined.complete(welcome.session);
                }
            })) {
                phone.start();
                String session = joined.get(10, TimeUnit.SECONDS);
                page.locator("[data-testid=session-row][data-session=" + session + "]").click();
                Locator chat = page.locator("[data-testid=chat-window][data-session=" + session + "]");
                Locator control = chat.locator("[data-testid=capabilities] [data-capability~=control]");
                assertThat(control).hasAttribute("data-available", "false");
                assertThat(control).containsText("«Permitir ajustes restringidos»");
                assertThat(control).not().containsText("the phone's English");
                assertThat(control).hasAttribute("data-code", "accessibility_restricted");
                // The chat header offers no control to ask for while the phone cannot be controlled.
                assertThat(chat.locator("[data-testid=request-control]")).hasCount(0);

                phone.updateCapabilities(controlAt("accessibility_off")); // the customer allowed restricted settings
                assertThat(control).containsText("ajustes de accesibilidad");

                phone.updateCapabilities(controlAt(null)); // and switched the service on
                assertThat(control).hasAttribute("data-available", "true");
                assertThat(control.locator(".capability__reason")).hasCount(0);
                assertThat(chat.locator("[data-testid=request-control]")).isVisible();
            }
        }
    }
}
