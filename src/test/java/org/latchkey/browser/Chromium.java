package org.latchkey.browser;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, through Debian's chromedriver — never a downloaded browser or driver. Every
 * {@code *.example.test} name resolves to this machine, so the auth service and the app are real subdomains of one
 * parent domain. Each page a test visits is saved as a screenshot at a phone's width and at a desktop's, under
 * {@code target/screenshots/<test>/}.
 */
public final class Chromium implements AutoCloseable {

    static final String BINARY = System.getProperty("latchkey.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("latchkey.chromedriver", "/usr/bin/chromedriver");
    static final Dimension NARROW = new Dimension(360, 800);
    static final Dimension WIDE = new Dimension(1280, 860);

    private final ChromeDriver driver;
    private final Path screenshots;
    private int shot;

    private Chromium(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    public static Chromium start(String test) throws IOException {
        if (!new File(BINARY).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver ("
                    + BINARY + ", " + DRIVER + "): apt-get install chromium chromium-driver");
        }
        Path target = Path.of(System.getProperty("latchkey.screenshots", "target/screenshots")).toAbsolutePath();
        Path shots = Files.createDirectories(target.resolve(test));
        Path profile = Files.createTempDirectory(Files.createDirectories(target.resolve(".profiles")), test);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--no-proxy-server", "--disable-features=Translate,HttpsUpgrades",
                "--host-resolver-rules=MAP *.example.test 127.0.0.1", "--user-data-dir=" + profile,
                "--window-size=" + WIDE.width + "," + WIDE.height, "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().withLogFile(target.resolve(test + "-chromedriver.log").toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Chromium(driver, shots);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(URI url) {
        driver.get(url.toString());
    }

    public URI url() {
        return URI.create(driver.getCurrentUrl());
    }

    /**
     * Waits until {@code element}'s page has been replaced by the answer to what was pressed. Selenium's
     * {@code stalenessOf} expects a "stale element" error; while the new page is still coming in, Chromium may say
     * instead that the node "does not belong to the document" — the same fact, so it counts as replaced too.
     */
    public void waitUntilReplaced(WebElement element) {
        waiting().until(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException midNavigation) {
                if (String.valueOf(midNavigation.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw midNavigation;
            }
        });
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** A cookie the browser holds for the current page (HttpOnly ones included: the driver sees them all). */
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(driver.manage().getCookieNamed(name)).map(Cookie::getValue);
    }

    /** The current page, at a phone's width and at a desktop's: {@code NN-name-narrow.png}, {@code NN-name-wide.png}. */
    public void screenshot(String name) {
        String prefix = String.format("%02d-%s", ++shot, name);
        try {
            driver.manage().window().setSize(NARROW);
            Files.write(screenshots.resolve(prefix + "-narrow.png"), driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(WIDE);
            Files.write(screenshots.resolve(prefix + "-wide.png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a screenshot to " + screenshots, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
