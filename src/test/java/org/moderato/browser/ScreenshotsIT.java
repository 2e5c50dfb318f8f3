package org.moderato.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Screenshots for the README, on a server of their own so they show a tidy discussion rather than
 * the other tests' comments. Saved under target/screenshots; copied to docs/screenshots when
 * missing there or when asked with -Dmoderato.screenshots.update=true.
 */
@DisplayName("Screenshots")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreenshotsIT {

  private static final String HELD_TEXT =
      "Cheaper than a hotel night, and you wake up in the centre. " + Site.HOLD_WORD;

  private static Site site;
  private Browser browser;

  @BeforeAll
  static void startServer() throws Exception {
    Browser.assumeInstalled();
    site = Site.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (site != null) site.close();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) browser.close();
  }

  @Test
  @Order(1)
  @DisplayName("of the article page with a discussion")
  void articlePage() {
    browser = Browser.open();
    ArticlePage page = new ArticlePage(browser, site).open();
    String first = "Took the night train to Venice in October and woke up to the lagoon. "
        + "Worth every cent.";
    page.post("Giulia", first);
    page.awaitComment(first);
    page.replyTo(first, "Tom", "Which operator? The one I tried had no working heating.");
    page.awaitMessage("published");
    String second = "The bunks are short if you are tall.\nBring a book and earplugs.";
    page.post("Henrik", second);
    page.awaitMessage("published");
    page.post("Sam", HELD_TEXT);
    page.awaitMessage("awaiting moderation");

    browser.script("document.activeElement.blur(); window.scrollTo(0, 0);");
    Path shot = browser.screenshot("article");
    assertThat(shot).isRegularFile();
    Browser.publish(shot, "article.png");
  }

  @Test
  @Order(2)
  @DisplayName("of the moderator console with held comments")
  void console() {
    if (site.api().queued("pending", HELD_TEXT) == null) {
      site.api().postComment("demo-article", "Sam", HELD_TEXT);
    }
    site.api().postComment("demo-article", "Karl",
        "Night trains are a scam. Real deals at cheap-flights.example, click now! "
            + Site.HOLD_WORD);
    browser = Browser.open();
    ConsolePage console = new ConsolePage(browser, site.baseUrl()).open()
        .signIn(site.adminToken());
    console.awaitItem(HELD_TEXT);
    browser.await(d -> console.itemTexts().size() >= 2 ? true : null);

    browser.script("document.activeElement.blur(); window.scrollTo(0, 0);");
    Path shot = browser.screenshot("console");
    assertThat(Files.isRegularFile(shot)).isTrue();
    Browser.publish(shot, "console.png");
  }
}
