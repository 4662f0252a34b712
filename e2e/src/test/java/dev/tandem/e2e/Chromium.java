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
 * skip, when it is missing.
 */
public final class Chromium implements AutoCloseable {
    private final Playwright playwright;
    private final Browser browser;

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
        return context(locale, 1400, 900);
    }

    /** A fresh browser profile with the given language and window size. */
    public BrowserContext context(String locale, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
                .setViewportSize(width, height));
        context.setDefaultTimeout(10_000);
        return context;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
