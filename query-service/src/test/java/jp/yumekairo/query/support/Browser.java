package jp.yumekairo.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * Debian's headless Chromium driven through its chromedriver ({@code apt-get install chromium chromium-driver}),
 * as a person at a laptop would use the web UI. It records every URL the page requests, so a test can show that
 * nothing goes to another host.
 */
public final class Browser implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots", "target/screenshots"));

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path downloads;

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        File chromedriver = new File(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
        File chromium = new File(System.getProperty("chromium", "/usr/bin/chromium"));
        if (!chromedriver.canExecute() || !chromium.canExecute()) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver (.ci/run installs them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=ja", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync");
        try {
            downloads = Files.createTempDirectory("browser-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja",
                "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // a UTF-8 locale every Debian has (ja_JP.UTF-8 is seldom generated): under an unknown one Chromium saves a
        // download with a Japanese name as "download"; the pages' language comes from --lang and accept_languages
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().withEnvironment(Map.of("LANG", "C.UTF-8", "LANGUAGE", "ja")).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /**
     * Signs in through the form with the keyboard only (the name field has the focus; Tab, password, Enter), as
     * {@code user} with the demo password, and lands on that role's home page.
     */
    public Browser signIn(String user) {
        if (!trySignIn(user, Api.PASSWORD)) {
            throw new AssertionError(user + " could not sign in: " + driver.getCurrentUrl());
        }
        return this;
    }

    /** Signs in as {@code signIn} does, with this password; answers whether the sign-in page let the person in. */
    public boolean trySignIn(String user, String password) {
        open("/signin");
        driver.switchTo().activeElement().sendKeys(user + Keys.TAB + password + Keys.ENTER);
        waitUntil(d -> !d.getCurrentUrl().endsWith("/signin"));
        return !driver.getCurrentUrl().contains("/signin");
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the element's text contains the given text, and returns its text. */
    public String waitForText(String css, String text) {
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return find(css).getText();
    }

    /** Waits for the condition; an element the page re-rendered meanwhile (a live update) is looked up again. */
    public void waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void fill(String css, String value) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(value);
    }

    /** Resizes the window, e.g. to a tablet's 768 × 1024. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Whether the page fits the window's width (wide tables scroll inside their own box, the page does not). */
    public boolean fitsWidth() {
        return Boolean.TRUE.equals(script("return document.documentElement.scrollWidth <= window.innerWidth;"));
    }

    /** Saves a PNG of the page under target/screenshots (build output). */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot;
            try {
                shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            } catch (org.openqa.selenium.TimeoutException busyRenderer) {
                // on a loaded machine Chromium's renderer may miss chromedriver's 10 s for a capture; once more
                shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            }
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Clicks the link or button (a download) and waits for the file the browser saves, as a person clicking a
     * download button would get it; returns its path.
     */
    public Path download(String css) {
        try (var before = Files.list(downloads)) {
            List<Path> existing = before.toList();
            find(css).click();
            Path[] saved = new Path[1];
            new WebDriverWait(driver, WAIT).until(d -> {
                try (var now = Files.list(downloads)) {
                    saved[0] = now.filter(file -> !existing.contains(file))
                            .filter(file -> !file.getFileName().toString().endsWith(".crdownload"))
                            .filter(file -> !file.getFileName().toString().endsWith(".tmp"))
                            // Chromium's own scratch files (.org.chromium.Chromium.XXXXXX) come and go meanwhile
                            .filter(file -> !file.getFileName().toString().startsWith("."))
                            .findFirst().orElse(null);
                    return saved[0] != null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return saved[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every URL the browser requested since the last call (from Chromium's performance log). */
    public List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = Api.JSON.readTree(entry.getMessage()).path("message");
                if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                    urls.add(message.path("params").path("request").path("url").asText());
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return urls;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
