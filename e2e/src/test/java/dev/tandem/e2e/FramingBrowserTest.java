package dev.tandem.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import dev.tandem.server.testing.RunningServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A page of another origin (a sibling site) tries to frame the console, a join page and a portal
 * page: Chromium refuses each (frame-ancestors 'none'), so "Request control" cannot be clickjacked;
 * the console itself still signs in and works under its policy (checked by {@link Chromium}).
 */
class FramingBrowserTest {

    @Test
    void anotherOriginCannotFrameTheConsoleOrTheCustomerPages() throws Exception {
        try (RunningServer server = RunningServer.start(); Chromium chromium = Chromium.launch()) {
            String code = server.technician("fran").createCode("framed");
            HttpServer sibling = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String target = server.baseUrl();
            sibling.createContext("/", exchange -> {
                byte[] page = ("<!doctype html><title>Win a prize</title><h1>Click the button!</h1>"
                        + "<iframe id=console name=console width=800 height=600 src=\"" + target + "/\"></iframe>"
                        + "<iframe id=join name=join src=\"" + target + "/join/" + code + "\"></iframe>"
                        + "<iframe id=portal name=portal src=\"" + target + "/portal/default\"></iframe>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            sibling.start();
            try (BrowserContext context = chromium.unwatchedContext()) {
                Page page = context.newPage();
                List<String> messages = new CopyOnWriteArrayList<>();
                page.onConsoleMessage(message -> messages.add(message.text()));
                page.navigate("http://127.0.0.1:" + sibling.getAddress().getPort() + "/");
                assertThat(page.locator("h1")).hasText("Click the button!");
                page.waitForTimeout(1500);
                List<Frame> frames = page.mainFrame().childFrames();
                assertThat(frames).hasSize(3);
                for (Frame frame : frames) {
                    // A refused frame shows Chromium's error page instead of the console or the customer page.
                    assertThat(frame.url()).as(frame.name()).doesNotStartWith(target);
                    assertThat(frame.locator("input[name=username], #join, #portal").count()).as(frame.name()).isZero();
                }
                assertThat(messages).as("Chromium says why").anySatisfy(text -> assertThat(text)
                        .contains("frame-ancestors 'none'"));
            } finally {
                sibling.stop(0);
            }
            // The same console, opened directly, works under its policy (Chromium#close checks the log).
            try (BrowserContext context = chromium.context("en-US")) {
                Page console = ConsoleSessionTest.signInAs(server, context, "fran", RunningServer.password("fran"));
                assertThat(console.locator("[data-testid=create-code]")).isVisible();
                Page join = context.newPage();
                join.navigate(server.baseUrl() + "/join/" + code);
                assertThat(join.locator("#join")).isAttached();
            }
        }
    }
}
