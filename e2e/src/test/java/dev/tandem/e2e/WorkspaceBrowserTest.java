package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import dev.tandem.device.DeviceProfile;
import dev.tandem.e2e.screen.PhoneCustomer;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RunningServer;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The technician's workspace in Chromium against a real server and virtual phones: the History with a
 * session taken from a chat request, the side column folded and resized, windows and drafts back after
 * a reload, unread messages in the browser title, the focus ring, the keyboard shortcuts, the screen and
 * control buttons agreeing, the Viewer in its own window, zoom, and who ended a session.
 */
class WorkspaceBrowserTest {
    static RunningServer server;
    static Chromium chromium;
    static Api nora;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        server.admin().post("/api/v1/users", "{\"username\":\"nora\",\"password\":\"" + RunningServer.password("nora") + "\","
                + "\"displayName\":\"Nora Vidal\",\"role\":\"technician\"}").expect(201);
        nora = server.api().signIn("nora", RunningServer.password("nora"));
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        server.close();
    }

    private static Page signIn(BrowserContext context) {
        return ConsoleSessionTest.signInAs(server, context, "nora", RunningServer.password("nora"));
    }

    private static Locator openChat(Page page, String session) {
        return ConsoleSessionTest.openChat(page, session);
    }

    @Test
    void theHistoryShowsASessionTakenFromAChatRequest() {
        JsonNode request = server.api().post("/api/v1/portals/default/requests",
                "{\"name\":\"Pilar\",\"description\":\"My phone is slow\"}").expect(201).json();
        Api admin = server.admin();
        String session = admin.post("/api/v1/requests/" + request.get("id").asText() + "/accept", "").expect(200).json()
                .get("session").asText();
        admin.post("/api/v1/sessions/" + session + "/end", "").expect(200);
        assertThat(admin.get("/api/v1/sessions/" + session).json().get("code").isNull()).isTrue();

        try (BrowserContext context = chromium.context("en-US")) {
            Page page = ConsoleSessionTest.signInAs(server, context, "admin", RunningServer.ADMIN_PASSWORD);
            List<String> errors = new java.util.ArrayList<>();
            page.onPageError(errors::add);
            page.navigate(server.baseUrl() + "/#/admin/history");
            Locator row = page.locator("[data-testid=history-row][data-session=" + session + "]");
            assertThat(row).containsText("Pilar");
            assertThat(row).containsText("chat request");
            row.locator("[data-testid=history-open]").click();
            Locator record = page.locator("[data-testid=mc-session][data-session=" + session + "]");
            assertThat(record.locator("[data-testid=history-transcript]")).containsText("took the chat request of Pilar");
            assertThat(page.locator("[data-testid=page-error]")).hasCount(0);
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void theSideColumnFoldsAndResizesAndStaysSoAfterAReload() {
        try (BrowserContext context = chromium.context("en-US", 1280, 720)) {
            Page page = signIn(context);
            Locator side = page.locator("[data-testid=side]");
            double before = side.boundingBox().width;
            Locator splitter = page.locator("[data-testid=side-splitter]");
            splitter.focus();
            for (int i = 0; i < 3; i++) {
                page.keyboard().press("ArrowRight");
            }
            assertThat(side.boundingBox().width).isGreaterThan(before + 50);
            double wider = side.boundingBox().width;
            // Dragged with the mouse back by 100 px.
            BoundingBox bar = splitter.boundingBox();
            page.mouse().move(bar.x + bar.width / 2, bar.y + 200);
            page.mouse().down();
            page.mouse().move(bar.x + bar.width / 2 - 100, bar.y + 200, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
            page.mouse().up();
            assertThat(side.boundingBox().width).isCloseTo(wider - 100, org.assertj.core.data.Offset.offset(3.0));
            double dragged = side.boundingBox().width;

            page.reload();
            assertThat(side).isVisible();
            assertThat(side.boundingBox().width).isCloseTo(dragged, org.assertj.core.data.Offset.offset(1.0));

            page.keyboard().press("Alt+Shift+B");
            assertThat(side).hasCount(0);
            assertThat(page.locator("[data-testid=side-rail]")).isVisible();
            double workspace = page.locator("[data-testid=chat-workspace]").boundingBox().width;
            assertThat(workspace).isGreaterThan(1100);
            page.reload();
            assertThat(page.locator("[data-testid=side-rail]")).isVisible();
            page.locator("[data-testid=rail-codes]").click();
            assertThat(page.locator("[data-testid=create-code]")).isVisible();
        }
    }

    @Test
    void openChatsToolWindowsAndDraftsComeBackAfterAReload() throws Exception {
        try (BrowserContext context = chromium.context("en-US");
             PhoneCustomer first = PhoneCustomer.join(server.baseUrl(), nora.createCode("First"), DeviceProfile.SAMSUNG);
             PhoneCustomer second = PhoneCustomer.join(server.baseUrl(), nora.createCode("Second"), DeviceProfile.GENERIC)) {
            Page page = signIn(context);
            Locator chat = openChat(page, first.session());
            chat.locator("[data-testid=diagnostics]").click();
            first.phone.answer(first.nextPrompt("diagnostics").id(), true);
            Locator diagnostics = page.locator("[data-testid=diagnostics-window][data-session=" + first.session() + "]");
            assertThat(diagnostics.locator("[data-testid=diagnostics-status]")).hasAttribute("data-status", "ready");
            chat.locator("[data-testid=chat-input]").fill("Half a sentence I was writing");
            openChat(page, second.session());

            page.reload();
            assertThat(page.locator("[data-testid=chat-tab]")).hasCount(2);
            assertThat(page.locator("[data-testid=chat-tab][data-session=" + second.session() + "]"))
                    .hasAttribute("aria-selected", "true");
            page.locator("[data-testid=chat-tab][data-session=" + first.session() + "]").click();
            assertThat(diagnostics).isVisible();
            assertThat(diagnostics.locator("[data-testid=diagnostics-status]")).hasAttribute("data-status", "ready");
            assertThat(chat.locator("[data-testid=chat-input]")).hasValue("Half a sentence I was writing");
        }
    }

    @Test
    void messagesNotYetReadAreCountedInTheBrowserTitle() throws Exception {
        try (BrowserContext context = chromium.context("en-US");
             PhoneCustomer front = PhoneCustomer.join(server.baseUrl(), nora.createCode("Front"), DeviceProfile.SAMSUNG);
             PhoneCustomer back = PhoneCustomer.join(server.baseUrl(), nora.createCode("Back"), DeviceProfile.SAMSUNG)) {
            Page page = signIn(context);
            Locator chat = openChat(page, front.session());
            assertThat(page).hasTitle("Tandem");

            back.phone.say("Are you there?");
            assertThat(page).hasTitle("(1) Tandem");
            // The technician looks at another window: a message in the chat in front counts too.
            page.evaluate("() => { document.hasFocus = () => false; }");
            front.phone.say("Hello?");
            assertThat(page).hasTitle("(2) Tandem");
            page.evaluate("() => { document.hasFocus = () => true; window.dispatchEvent(new Event('focus')); }");
            assertThat(page).hasTitle("(1) Tandem");
            assertThat(chat.locator("[data-testid=message][data-sender=customer]")).containsText("Hello?");
            openChat(page, back.session());
            assertThat(page).hasTitle("Tandem");
        }
    }

    @Test
    void theFocusedButtonShowsAFocusRing() {
        try (BrowserContext context = chromium.context("en-US")) {
            Page page = signIn(context);
            page.locator("input[name=identifier]").click();
            page.keyboard().press("Tab"); // the portal
            page.keyboard().press("Tab"); // Create code
            assertThat(page.locator("[data-testid=create-code]")).isFocused();
            @SuppressWarnings("unchecked")
            Map<String, Object> ring = (Map<String, Object>) page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                    + " return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor,"
                    + " offset: parseFloat(s.outlineOffset) }; }");
            assertThat(ring.get("style")).isEqualTo("solid");
            assertThat(((Number) ring.get("width")).doubleValue()).isGreaterThanOrEqualTo(2);
            assertThat((String) ring.get("color")).isNotEqualTo("rgba(0, 0, 0, 0)");
            assertThat(((Number) ring.get("offset")).doubleValue()).isGreaterThanOrEqualTo(1);

            // A secondary button (white, with its own shadow) shows the same ring.
            page.keyboard().press("Shift+Tab");
            page.keyboard().press("Shift+Tab");
            page.keyboard().press("Shift+Tab");
            Object style = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle");
            String focused = (String) page.evaluate("() => document.activeElement.outerHTML.slice(0, 80)");
            assertThat(style).as(focused).isEqualTo("solid");
        }
    }

    @Test
    void keyboardShortcutsSwitchChatsFocusTheMessageBoxAndEndTheSession() throws Exception {
        try (BrowserContext context = chromium.context("en-US");
             PhoneCustomer one = PhoneCustomer.join(server.baseUrl(), nora.createCode("One"), DeviceProfile.SAMSUNG);
             PhoneCustomer two = PhoneCustomer.join(server.baseUrl(), nora.createCode("Two"), DeviceProfile.SAMSUNG)) {
            Page page = signIn(context);
            openChat(page, one.session());
            openChat(page, two.session());
            Locator tabOne = page.locator("[data-testid=chat-tab][data-session=" + one.session() + "]");
            Locator tabTwo = page.locator("[data-testid=chat-tab][data-session=" + two.session() + "]");
            page.locator("body").click();

            page.keyboard().press("Alt+Shift+1");
            assertThat(tabOne).hasAttribute("aria-selected", "true");
            page.keyboard().press("Alt+Shift+ArrowDown");
            assertThat(tabTwo).hasAttribute("aria-selected", "true");
            page.keyboard().press("Alt+Shift+M");
            assertThat(page.locator("#chat-input-" + two.session())).isFocused();
            page.keyboard().type("Typed without the mouse");
            page.keyboard().press("Enter");
            assertThat(page.locator("[data-testid=chat-window][data-session=" + two.session()
                    + "] [data-testid=message][data-sender=technician]")).containsText("Typed without the mouse");

            page.keyboard().press("Alt+Shift+E");
            assertThat(page.locator("[data-testid=end-dialog]")).isVisible();
            page.locator("[data-testid=end-dialog] [data-testid=confirm-end]").click();
            Locator chatTwo = page.locator("[data-testid=chat-window][data-session=" + two.session() + "]");
            assertThat(chatTwo.locator("[data-testid=session-ended]")).isVisible();
            // Whoever ended it is told it was them, not "the technician".
            assertThat(chatTwo.locator("[data-testid=ended-by]")).hasText("You ended it.");

            page.locator("body").press("?");
            Locator help = page.locator("[data-testid=shortcuts]");
            assertThat(help).containsText("Alt");
            assertThat(help).containsText("Go to the message box");
            page.keyboard().press("Escape");
            assertThat(help).hasCount(0);
        }
    }

    @Test
    void theChatHeaderAndTheViewerAgreeAboutTheScreenAndControl() throws Exception {
        try (BrowserContext context = chromium.context("en-US");
             PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), nora.createCode("Agree"), DeviceProfile.SAMSUNG);
             PhoneCustomer chatOnly = PhoneCustomer.join(server.baseUrl(), nora.createCode("Chat only"), DeviceProfile.GENERIC)) {
            Page page = signIn(context);
            Locator chat = openChat(page, customer.session());
            Locator view = chat.locator("[data-testid=view-screen]");
            Locator headerControl = chat.locator("[data-testid=request-control]");
            assertThat(view).hasText("View screen");
            view.click();
            Locator viewer = page.locator("[data-testid=viewer][data-session=" + customer.session() + "]");
            Locator viewerControl = viewer.locator("[data-testid=toggle-control]");
            assertThat(viewer.locator("[data-testid=screen-status]")).hasAttribute("data-status", "sharing");
            assertThat(view).hasText("Stop viewing");
            assertThat(view).hasAttribute("aria-pressed", "true");

            viewerControl.click();
            assertThat(headerControl).hasText("Control requested…");
            assertThat(viewerControl).hasAttribute("aria-label", "Control requested…");
            customer.phone.answer(customer.nextPrompt("control").id(), true);
            assertThat(headerControl).hasText("Release control");
            assertThat(viewerControl).hasAttribute("aria-label", "Release control");
            headerControl.click();
            assertThat(viewerControl).hasAttribute("aria-label", "Request control");
            assertThat(headerControl).hasText("Request control");

            // A chat-only phone says why once, not under every button.
            Locator other = openChat(page, chatOnly.session());
            String reason = "This phone's Tandem app is chat-only";
            assertThat(other.locator("[data-testid=capabilities]")).containsText(reason);
            String header = other.locator(".chat-header").innerText();
            assertThat(header.split(Pattern.quote(reason), -1)).as(header).hasSize(2);
            assertThat(other.locator("[data-testid=view-screen]")).hasCount(0);
        }
    }

    @Test
    void theViewerZoomsGoesFullScreenAndIntoItsOwnWindowAndBack() throws Exception {
        try (BrowserContext context = chromium.context("en-US");
             PhoneCustomer customer = PhoneCustomer.join(server.baseUrl(), nora.createCode("Pop out"), DeviceProfile.SAMSUNG)) {
            String session = customer.session();
            Page page = signIn(context);
            Locator chat = openChat(page, session);
            chat.locator("[data-testid=view-screen]").click();
            Locator viewer = page.locator("[data-testid=viewer][data-session=" + session + "]");
            Locator canvas = viewer.locator("canvas").first();
            assertThat(canvas).isVisible();
            assertThat(viewer.locator("[data-testid=zoom-actual]")).isEnabled();

            // Fit: the whole phone in the stage; 1:1: one phone pixel per CSS pixel, the stage scrolls.
            double fitted = canvas.boundingBox().height;
            assertThat(fitted).isLessThan(2400);
            viewer.locator("[data-testid=zoom-actual]").click();
            assertThat(viewer).hasAttribute("data-zoom", "1");
            assertThat(viewer.locator("[data-testid=zoom-level]")).hasText("100 %");
            page.waitForCondition(() -> Math.abs(canvas.boundingBox().height - 2400) < 2);
            viewer.locator("[data-testid=zoom-fit]").click();
            // Back at Fit: the whole phone in the stage again, touching it on one side. (Not the first
            // height: "Auto" may have been answered with another frame size meanwhile.)
            Locator stage = viewer.locator(".viewer__stage");
            page.waitForCondition(() -> {
                BoundingBox picture = canvas.boundingBox();
                BoundingBox room = stage.boundingBox();
                return picture.height < 2400 && picture.height <= room.height + 4 && picture.width <= room.width + 4
                        && (Math.abs(picture.height - room.height) < 4 || Math.abs(picture.width - room.width) < 4);
            });

            viewer.locator("[data-testid=full-screen]").click();
            assertThat(viewer).hasAttribute("data-fullscreen", "true");
            page.keyboard().press("Alt+Shift+F");
            assertThat(viewer).hasAttribute("data-fullscreen", "false");

            Page popup = page.waitForPopup(() -> viewer.locator("[data-testid=pop-out]").click());
            Locator own = popup.locator("[data-testid=viewer][data-session=" + session + "]");
            assertThat(own.locator("[data-testid=screen-status]")).hasAttribute("data-status", "sharing");
            assertThat(own.locator("canvas").first()).isVisible();
            assertThat(popup).hasTitle(Pattern.compile("Viewer · Ana"));
            assertThat(viewer).hasCount(0);
            assertThat(page.locator("[data-testid=viewer-popped]")).isVisible();
            assertThat(chat.locator("[data-testid=view-screen]")).hasText("Stop viewing");

            // The console is reloaded: the pop-out is still there and says so.
            page.reload();
            assertThat(page.locator("[data-testid=viewer-popped]")).isVisible();

            try {
                own.locator("[data-testid=pop-in]").click();
            } catch (com.microsoft.playwright.PlaywrightException closed) {
                // The button closes its own window: now and then it is gone before the click returns.
                if (!String.valueOf(closed.getMessage()).contains("has been closed")) {
                    throw closed;
                }
            }
            page.waitForCondition(popup::isClosed);
            Locator back = page.locator("[data-testid=viewer][data-session=" + session + "]");
            assertThat(back.locator("[data-testid=screen-status]")).hasAttribute("data-status", "sharing");
            assertThat(page.locator("[data-testid=viewer-popped]")).hasCount(0);
        }
    }

    @Test
    void notificationsAreOfferedOnceTheTechnicianWaitsForSomeone() {
        try (BrowserContext context = chromium.context("en-US")) {
            Page page = signIn(context);
            Locator offer = page.locator("[data-testid=notifications-prompt]");
            assertThat(offer).hasCount(0);
            ConsoleSessionTest.createCode(page, "Waiting for Ana");
            assertThat(offer).isVisible();
            offer.locator("[data-testid=notifications-later]").click();
            assertThat(offer).hasCount(0);
            page.reload();
            assertThat(page.locator("[data-testid=code-row]").first()).isVisible();
            assertThat(offer).hasCount(0);
        }
    }
}
