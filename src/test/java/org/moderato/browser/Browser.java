package org.moderato.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium from Debian, driven through the Debian chromedriver. Both paths are given
 * explicitly so Selenium Manager never downloads a browser or driver; every browser gets a fresh
 * profile directory, so nothing (localStorage included) leaks between readers.
 */
final class Browser implements AutoCloseable {

  /** Debian's paths; the properties exist to try the skip path, not to pick another browser. */
  static final Path CHROMIUM =
      Path.of(System.getProperty("moderato.browser.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("moderato.browser.chromedriver", "/usr/bin/chromedriver"));
  static final Duration PATIENCE = Duration.ofSeconds(10);

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Path DOC_SCREENSHOTS = Path.of("docs", "screenshots");

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Skips the calling test (rather than failing it) on machines without Chromium. */
  static void assumeInstalled() {
    assumeTrue(Files.isExecutable(CHROMIUM), "browser tests need " + CHROMIUM);
    assumeTrue(Files.isExecutable(CHROMEDRIVER), "browser tests need " + CHROMEDRIVER);
  }

  static Browser open() {
    return open(true);
  }

  /** Opens a browser; with {@code javascript} false it behaves like a reader who turned JS off. */
  static Browser open(boolean javascript) {
    assumeInstalled();
    Path profile;
    try {
      profile = Files.createTempDirectory("moderato-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile);
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    if (!javascript) {
      options.setExperimentalOption("prefs",
          Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  void get(String url) {
    driver.get(url);
  }

  <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100))
        .ignoring(RuntimeException.class).until(condition);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /**
   * Saves a screenshot of the whole page under target/screenshots and returns its path. The
   * window grows to the page height first, because a plain WebDriver screenshot shows only the
   * viewport.
   */
  Path screenshot(String name) {
    Dimension before = driver.manage().window().getSize();
    Number height = (Number) script("return document.documentElement.scrollHeight;");
    driver.manage().window().setSize(
        new Dimension(before.getWidth(), Math.min(4000, Math.max(before.getHeight(),
            height.intValue() + 120))));
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  /**
   * Copies a screenshot to docs/screenshots for the README, only when none is there yet or when
   * {@code -Dmoderato.screenshots.update=true} asks for fresh ones, so ordinary test runs leave
   * the committed images alone.
   */
  static void publish(Path screenshot, String docName) {
    Path target = DOC_SCREENSHOTS.resolve(docName);
    if (Files.exists(target) && !Boolean.getBoolean("moderato.screenshots.update")) return;
    try {
      Files.createDirectories(DOC_SCREENSHOTS);
      Files.copy(screenshot, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Messages the browser logged about Content-Security-Policy violations since the last call:
   * an inline script, handler or style attribute would show up here.
   */
  List<String> cspViolations() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy"))
        .toList();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException ignored) {
        // A leftover temp profile is harmless.
      }
    }
  }
}
