package cn.eexpo.storefront.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Headless Chromium for the end-to-end tests: Debian's {@code /usr/bin/chromium} (installed by {@code infra/eexpo}),
 * driven by Playwright, which never downloads a browser of its own here. Playwright's CSS selectors reach into open
 * shadow roots, so {@code #header-search input} finds the input inside Vaadin's combo box.
 *
 * <p>With {@code -Deexpo.screenshots=<dir>} (the {@code infra/eexpo screenshots} command), {@link #screenshot} writes
 * full-page PNGs there; otherwise it does nothing.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of(System.getProperty("eexpo.chromium", "/usr/bin/chromium"));
    private static final @Nullable String SCREENSHOTS = System.getProperty("eexpo.screenshots");

    private final Playwright playwright;
    private final Browser browser;

    Chromium() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " is missing: the end-to-end tests need Debian's Chromium"
                    + " (apt-get install -y chromium; infra/eexpo test installs it)");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        // The flags keep a headless Chromium from calling Google's services, which this machine's closed network
        // refuses many times a second.
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    /** A new browser (its own cookies) of the given size and language, for example 375×812 for a phone. */
    Page open(int width, int height, String language) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setLocale(language)
                .setExtraHTTPHeaders(Map.of("Accept-Language", language)));
        context.setDefaultTimeout(30_000);
        return context.newPage();
    }

    Page desktop(String language) {
        return open(1280, 900, language);
    }

    Page phone(String language) {
        Page page = open(375, 812, language);
        return page;
    }

    /** Writes {@code <name>.png} when screenshots were asked for. */
    static void screenshot(Page page, String name) {
        if (SCREENSHOTS == null) {
            return;
        }
        try {
            Path dir = Path.of(SCREENSHOTS);
            Files.createDirectories(dir);
            // Let Vaadin finish rendering and the fonts settle before the picture.
            page.waitForLoadState();
            page.evaluate("() => document.fonts.ready");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(dir.resolve(name + ".png"))
                    .setFullPage(true)
                    .setAnimations(com.microsoft.playwright.options.ScreenshotAnimations.DISABLED));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a test's steps on the page; when one fails, the page's address and a picture of it go to
     * {@code target/e2e-failures/<name>.png}, so a failed run in CI says what the browser showed.
     */
    static void steps(Page page, String name, Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError e) {
            Path dir = Path.of("target", "e2e-failures");
            try {
                Files.createDirectories(dir);
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(dir.resolve(name + ".png"))
                        .setFullPage(true));
            } catch (IOException | RuntimeException ignored) {
                // the failure itself is what matters
            }
            e.addSuppressed(new AssertionError(
                    "the browser was at " + page.url() + "; picture: " + dir.resolve(name + ".png")));
            throw e;
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
