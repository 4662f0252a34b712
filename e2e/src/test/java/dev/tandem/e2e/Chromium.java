package dev.tandem.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The machine's Chromium (Debian package {@code chromium}) driven by Playwright. Tests fail, never
 * skip, when it is missing. Every page of a {@link #context} is watched for Content-Security-Policy
 * violations (Chromium reports each in the page's console): {@link #close} fails the test class when
 * any flow it drove ran into the policy, so every browser test also proves the pages work under it.
 */
public final class Chromium implements AutoCloseable {
    private final Playwright playwright;
    private final Browser browser;
    private final List<String> policyViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        Path executable = Paths.get(System.getenv().getOrDefault("TANDEM_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new AssertionError("Chromium not found at " + executable + ": install the Debian package 'chromium' "
                    + "(or set TANDEM_CHROMIUM to a Chromium binary).");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run")));
        // The 5 s default is tight on a loaded 2-core machine; a real bug still fails, just later.
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
        return new Chromium(playwright, browser);
    }

    /** A fresh browser profile with the given language (e.g. {@code en-US}, {@code es-ES}). */
    BrowserContext context(String locale) {
        return context(locale, false);
    }

    /**
     * As {@link #context(String)}; with {@code acceptTestCertificates} the profile also opens pages of a
     * test's own private CA (a test of the server's trust in {@code --ca-file}, not of the browser's).
     */
    BrowserContext context(String locale, boolean acceptTestCertificates) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
                .setViewportSize(1400, 900).setIgnoreHTTPSErrors(acceptTestCertificates));
        context.setDefaultTimeout(10_000);
        context.onPage(page -> page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(page.url() + ": " + message.text());
            }
        }));
        return context;
    }

    /** A fresh profile whose pages are not watched for policy violations (a test that provokes one). */
    BrowserContext unwatchedContext() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"));
        context.setDefaultTimeout(10_000);
        return context;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
        if (!policyViolations.isEmpty()) {
            throw new AssertionError("The pages ran into their Content-Security-Policy: " + policyViolations);
        }
    }
}
