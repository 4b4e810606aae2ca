package io.haven.browser;

import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test class, driving the {@code @QuarkusTest} application. Register it on
 * a {@code @QuarkusTest} class as a static field:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final Browser browser = Browser.withJavaScript();
 * </pre>
 *
 * It drives Debian's {@code chromium} with the packaged {@code chromium-driver}, so Selenium never
 * looks for or downloads a driver. Without them the class is skipped, unless {@code CI=true}: then a
 * missing browser is a failure, so a broken CI image cannot pass by skipping every browser test.
 * Cookies are cleared before each test, so no test depends on what an earlier one chose.
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /** Where {@link #screenshots(String)} writes {@code <name>-<width>.png} when asked to. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The phone and desktop widths every screenshot is taken at, in CSS pixels. */
    public static final List<Integer> WIDTHS = List.of(360, 1280);

    // Not haven.*: Quarkus refuses to start with an unmapped haven.* system property.
    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

    private final boolean javaScript;
    private final boolean networkLog;
    private ChromeDriver driver;
    private Path profile;
    private String origin;
    private String skipped;

    private Browser(boolean javaScript, boolean networkLog) {
        this.javaScript = javaScript;
        this.networkLog = networkLog;
    }

    /** A browser as most visitors have it. */
    public static Browser withJavaScript() {
        return new Browser(true, false);
    }

    /** A browser that runs no script at all, as some school networks and careful readers do. */
    public static Browser withoutJavaScript() {
        return new Browser(false, false);
    }

    /** The same browser, recording every request the pages make (see {@link #requestedUrls()}). */
    public Browser recordingRequests() {
        return new Browser(javaScript, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER)
                .filter(p -> !Files.isExecutable(p))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            String why = "No browser for " + context.getDisplayName() + ": " + String.join(" and ", missing)
                    + " not found (Debian packages: chromium chromium-driver fonts-noto-cjk).";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + " CI=true, so browser tests must run instead of being skipped.");
            }
            skipped = why + " Browser tests skipped; with CI=true they fail instead.";
            System.err.println("WARNING: " + skipped);
            return;
        }
        // The driver path given to the service already keeps Selenium Manager out; should it ever run,
        // it gets SE_* system properties as its environment, and SE_OFFLINE stops any download.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("haven-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        driver = new ChromeDriver(service, options());
    }

    private ChromeOptions options() {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--disable-default-apps",
                "--mute-audio",
                "--disable-features=Translate,OptimizationHints,MediaRouter",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        // The app speaks whatever the page asks for with ?lang=; the browser itself asks for English.
        prefs.put("intl.accept_languages", "en");
        if (!javaScript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        o.setExperimentalOption("prefs", prefs);
        if (networkLog) {
            o.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL"));
        }
        return o;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // Skipped test by test, so the report counts them as skipped and gives the reason for each.
        Assumptions.assumeTrue(skipped == null, skipped);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        if (networkLog) {
            requestedUrls(); // drop what earlier tests left in the log
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The application's origin, such as {@code http://localhost:41234}. */
    public String origin() {
        if (origin == null) {
            origin = TestHTTPResourceManager.getUri().replaceAll("/+$", "");
        }
        return origin;
    }

    /** Opens a path of the application ({@code "/lessons?lang=ko"}) and waits until it has loaded. */
    public Browser open(String path) {
        driver.get(origin() + path);
        return this;
    }

    /** The path and query of the page the browser shows now. */
    public String currentPath() {
        String url = driver.getCurrentUrl();
        return url.startsWith(origin()) ? url.substring(origin().length()) : url;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Clicks what a reader would click, found by CSS selector, on the same page (a radio, a label). */
    public Browser click(String css) {
        find(css).click();
        return this;
    }

    /**
     * Clicks a link or submit button and waits for the page it leads to: a click that starts a
     * navigation (a form POST especially) can return before the old page is gone.
     */
    public Browser follow(String css) {
        // Waiting for the old <html> to go stale races with a fast POST and redirect (the element
        // can vanish between checks); a marker on the old window is gone once a new document loaded.
        WebElement before = find("html");
        boolean marked;
        try {
            driver.executeScript("window.havenOldPage = true;");
            marked = true;
        } catch (WebDriverException noScripts) {
            marked = false;
        }
        find(css).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        if (marked) {
            wait.until(d -> {
                try {
                    return Boolean.TRUE.equals(((JavascriptExecutor) d)
                            .executeScript("return !window.havenOldPage && document.readyState === 'complete';"));
                } catch (WebDriverException loading) {
                    return false;
                }
            });
        } else {
            wait.until(ExpectedConditions.stalenessOf(before));
        }
        return this;
    }

    /**
     * Gives the browser the cookies of a session made over HTTP (a {@code FormSession} signed in with
     * {@code StaffFixtures.signedIn}), so a test reaches a page without clicking through forms it does not check.
     */
    public Browser useCookies(Map<String, String> cookies) {
        cookies.forEach((name, value) -> driver.executeCdpCommand(
                "Network.setCookie", Map.of("name", name, "value", value, "url", origin() + "/")));
        return this;
    }

    /**
     * Shows the page in a viewport of this size (a phone when mobile, with touch, so hover:none and pointer:coarse
     * match) until {@link #resetViewport()}.
     */
    public Browser viewport(int width, int height, boolean mobile) {
        emulate(width, height, mobile);
        driver.executeCdpCommand(
                "Emulation.setTouchEmulationEnabled", Map.of("enabled", mobile, "maxTouchPoints", mobile ? 5 : 1));
        return this;
    }

    public Browser resetViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
        return this;
    }

    /** A number the page's script computes ("return document.title.length"). */
    public double number(String script) {
        return ((Number) driver.executeScript(script)).doubleValue();
    }

    /** Runs axe on the current page and fails with every violation spelled out (see {@link Axe}). */
    public Browser assertAccessible() {
        Axe.assertNoViolations(driver);
        return this;
    }

    /**
     * Checks at each of {@link #WIDTHS} that nothing is wider than the viewport (WCAG 1.4.10: no sideways
     * scrolling at 320 px and up) and, with {@code -Dbrowser.screenshots=true}, saves the whole page as
     * {@code target/screenshots/<name>-<width>.png}. The pictures are for a person to look at, and drawing a
     * 9000 px lesson twice cost more than half a second per page: some two and a half minutes of every CI run
     * for files nobody reads there, so they are asked for, not always made.
     */
    public List<Path> screenshots(String name) {
        List<Path> saved = new ArrayList<>();
        for (int width : WIDTHS) {
            Path file = reflows(name, width);
            if (file != null) {
                saved.add(file);
            }
        }
        return saved;
    }

    /** Whether {@link #screenshots(String)} saves pictures ({@code -Dbrowser.screenshots=true}). */
    public static boolean savingScreenshots() {
        return Boolean.getBoolean("browser.screenshots");
    }

    private Path reflows(String name, int width) {
        // Emulate the exact viewport (a window size would include whatever frame the browser draws).
        boolean phone = width < 600;
        emulate(width, 900, phone);
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Number> content = (Map<String, Number>) metrics.get("cssContentSize");
            int contentWidth = (int) Math.ceil(content.get("width").doubleValue());
            Path file = null;
            if (savingScreenshots()) {
                // Grow the viewport to the page's full height so the picture shows the whole page.
                emulate(width, Math.max((int) Math.ceil(content.get("height").doubleValue()), 1), phone);
                Files.createDirectories(SCREENSHOTS);
                file = SCREENSHOTS.resolve(name + "-" + width + ".png");
                // optimizeForSpeed: a faster PNG encoder; a lesson at 360 px is some 9000 px tall.
                Map<String, Object> shot = driver.executeCdpCommand(
                        "Page.captureScreenshot", Map.of("format", "png", "optimizeForSpeed", true));
                Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            }
            if (contentWidth > width) {
                fail(name + " is " + contentWidth + " px wide in a " + width
                        + " px viewport: readers would have to scroll sideways (WCAG 1.4.10 Reflow)."
                        + (file == null ? " -Dbrowser.screenshots=true saves a picture of it." : " See " + file));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** Lays the page out at this viewport width (a phone below 600 px) until {@link #defaultWidth()}. */
    public Browser width(int width) {
        emulate(width, 900, width < 600);
        return this;
    }

    /** Back to the window's own size (1280 px). */
    public Browser defaultWidth() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        return this;
    }

    private void emulate(int width, int height, boolean mobile) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /**
     * Every URL the pages asked for since the last call (or the start of the test), from Chrome's
     * performance log ({@code Network.requestWillBeSent}). Needs {@link #recordingRequests()}.
     */
    @SuppressWarnings("unchecked")
    public List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        for (Map<String, Object> message : networkEvents()) {
            if ("Network.requestWillBeSent".equals(message.get("method"))) {
                Map<String, Object> request =
                        (Map<String, Object>) ((Map<String, Object>) message.get("params")).get("request");
                urls.add((String) request.get("url"));
            }
        }
        return urls;
    }

    /** A page as the server sent it: its URL, HTTP status and the HTML before the browser parsed it. */
    public record Document(String url, int status, String html) {}

    /**
     * The last HTML document the browser received since the previous look at the log (for a form that
     * redirects, the page after the redirect), byte for byte as the server sent it: what the HTML
     * checker must read, since the DOM the browser shows has already had any markup error repaired.
     * Needs {@link #recordingRequests()}.
     */
    @SuppressWarnings("unchecked")
    public Document lastDocument() {
        Map<String, Object> last = null;
        for (Map<String, Object> message : networkEvents()) {
            Map<String, Object> params = (Map<String, Object>) message.get("params");
            if ("Network.responseReceived".equals(message.get("method")) && "Document".equals(params.get("type"))) {
                last = params;
            }
        }
        if (last == null) {
            fail("No HTML document was loaded since the last check (now showing " + driver.getCurrentUrl() + ")");
        }
        Map<String, Object> response = (Map<String, Object>) last.get("response");
        Map<String, Object> body =
                driver.executeCdpCommand("Network.getResponseBody", Map.of("requestId", last.get("requestId")));
        String text = (String) body.get("body");
        if (Boolean.TRUE.equals(body.get("base64Encoded"))) {
            text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        }
        return new Document((String) response.get("url"), ((Number) response.get("status")).intValue(), text);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> networkEvents() {
        if (!networkLog) {
            throw new IllegalStateException("This browser was not started with recordingRequests()");
        }
        Json json = new Json();
        List<Map<String, Object>> events = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> logged = json.toType(entry.getMessage(), Map.class);
            events.add((Map<String, Object>) logged.get("message"));
        }
        return events;
    }
}
