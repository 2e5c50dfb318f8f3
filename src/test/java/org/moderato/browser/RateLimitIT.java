package org.moderato.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A reader who posts faster than the server allows, on a server with a tight rate limit. */
@DisplayName("The article page under a rate limit")
class RateLimitIT {

  private static Site site;
  private Browser reader;

  @BeforeAll
  static void startServer() {
    Browser.assumeInstalled();
    site = Site.start(Map.of("rateLimits.enabled", true, "rateLimits.commentsPerMinute", 1,
        "rateLimits.burst", 1));
  }

  @AfterAll
  static void stopServer() {
    if (site != null) site.close();
  }

  @AfterEach
  void closeBrowser() {
    if (reader != null) reader.close();
  }

  @Test
  @DisplayName("tells the reader to wait and keeps the comment in the form")
  void tooManyCommentsAreRefusedPolitely() {
    reader = Browser.open();
    ArticlePage page = new ArticlePage(reader, site).open();
    page.post("Quick", "My first thought on night trains.");
    page.awaitMessage("published");

    page.post("Quick", "And a second thought right away.");
    assertThat(page.awaitMessage("too quickly"))
        .containsPattern("Please wait \\d+ (second|minute)");
    assertThat(reader.find(".moderato-form textarea[name=comment]").getAttribute("value"))
        .isEqualTo("And a second thought right away.");
    assertThat(reader.find(".moderato-form button[type=submit]").isEnabled()).isFalse();
  }
}
