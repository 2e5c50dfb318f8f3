package org.moderato.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The embed on a news site of another origin: a page served from {@code localhost} loads
 * {@code embed.js} from the Moderato server on {@code 127.0.0.1}, which lists that origin for CORS.
 */
@DisplayName("The embed script on another site")
class EmbedIT {

  private static HttpServer newsSite;
  private static String newsUrl;
  private static Site site;
  private Browser reader;

  @BeforeAll
  static void start() throws IOException {
    Browser.assumeInstalled();
    newsSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String origin = "http://localhost:" + newsSite.getAddress().getPort();
    site = Site.start(Map.of("http.corsOrigins", List.of(origin)));
    String template = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Partner news</title></head>
        <body>
          <h1>A partner's story</h1>
          <p>Somebody else's article, with Moderato comments below.</p>
          <div data-moderato-article="%s"></div>
          <script src="%s/embed.js" defer></script>
        </body>
        </html>
        """;
    newsSite.createContext("/story", exchange -> {
      String query = exchange.getRequestURI().getQuery();
      String article = query == null ? "partner-story" : query.replaceAll("[^a-z0-9-]", "");
      byte[] page = template.formatted(article, site.baseUrl()).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(page);
      }
    });
    newsSite.start();
    newsUrl = origin + "/story";
  }

  @AfterAll
  static void stop() {
    if (site != null) site.close();
    if (newsSite != null) newsSite.stop(0);
  }

  @AfterEach
  void closeBrowser() {
    if (reader != null) reader.close();
  }

  @Test
  @DisplayName("shows the thread and posts a comment across origins, keeping state on that site")
  void worksCrossOrigin() {
    reader = Browser.open();
    ArticlePage page = new ArticlePage(reader, site, newsUrl).open();
    String text = "Read this on a partner site; the comments came along.";

    page.post("Ola", text);
    page.awaitMessage("published");
    WebElement shown = page.awaitComment(text);
    assertThat(page.isPending(shown)).isFalse();

    assertThat(reader.script("return [...document.styleSheets].some("
        + "s => (s.href || '').endsWith('/embed.css'));")).isEqualTo(true);
    assertThat((String) reader.script(
        "return localStorage.getItem('moderato:v1:own:partner-story');")).contains(text);

    page.reload();
    page.awaitComment(text);
  }

  @Test
  @DisplayName("pages with Load more and re-sorts the thread on request")
  void pagingAndSorting() {
    for (int i = 1; i <= 23; i++) {
      site.api().postComment("paging-story", "Reader " + i, "Comment number " + i);
    }
    reader = Browser.open();
    ArticlePage page = new ArticlePage(reader, site, newsUrl + "?paging-story").open();
    assertThat(reader.find(".moderato-total").getText()).isEqualTo("23 comments");
    assertThat(topLevelTexts()).hasSize(20).startsWith("Comment number 1");

    reader.find(".moderato-more").click();
    reader.await(d -> topLevelTexts().size() == 23);
    assertThat(topLevelTexts()).endsWith("Comment number 23").doesNotHaveDuplicates();
    assertThat(reader.find(".moderato-more").isDisplayed()).isFalse();

    new Select(reader.find(".moderato-sort select")).selectByValue("newest");
    reader.await(d -> topLevelTexts().size() == 20
        && topLevelTexts().get(0).equals("Comment number 23"));
    assertThat(page.comment("Comment number 3")).isEmpty();
  }

  private List<String> topLevelTexts() {
    return reader.driver.findElements(By.cssSelector(
            ".moderato-thread > .moderato-comment > .moderato-body .moderato-text"))
        .stream().map(WebElement::getText).toList();
  }

  @Test
  @DisplayName("counts characters as the reader types and says so when comments are closed")
  void counterAndClosedArticle() {
    site.api().setClosed("closed-story", true);
    reader = Browser.open();
    ArticlePage page = new ArticlePage(reader, site, newsUrl + "?closed-story").open();

    reader.find(".moderato-form textarea[name=comment]").sendKeys("Twelve chars");
    assertThat(reader.find(".moderato-counter").getText()).isEqualTo("12 / 5,000 characters");

    page.post("Kim", "Anyone still reading?");
    assertThat(page.awaitMessage("closed")).contains("Comments are closed on this article");
  }
}
