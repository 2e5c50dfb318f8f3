package org.moderato.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/** Readers on the demo article: posting, replying, held comments, no-JS posting, escaping. */
@DisplayName("The article page")
class ReaderPageIT {

  /**
   * Makes texts unique without random characters: the toxicity model reads character n-grams,
   * and a random suffix once pushed an innocent test comment over the nudge threshold.
   */
  private static final AtomicInteger UNIQUE = new AtomicInteger();

  private static Site site;
  private Browser reader;
  private Browser other;

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
  void closeBrowsers() {
    try {
      for (Browser browser : new Browser[] {reader, other}) {
        if (browser != null) assertThat(browser.cspViolations()).isEmpty();
      }
    } finally {
      if (reader != null) reader.close();
      if (other != null) other.close();
    }
  }

  private static String unique(String text) {
    return text + " (#" + UNIQUE.incrementAndGet() + ")";
  }

  @Test
  @DisplayName("lets a reader post a comment and a reply and shows both in the thread")
  void readerPostsCommentAndReply() {
    reader = Browser.open();
    ArticlePage page = new ArticlePage(reader, site).open();
    String comment = unique("I took the sleeper to Vienna last spring and slept like a log.");
    String reply = unique("Same here, the breakfast bag was the best part.");

    page.post("Rita", comment);
    assertThat(page.awaitMessage("published")).contains("Your comment is published");
    WebElement shown = page.awaitComment(comment);
    assertThat(page.isPending(shown)).isFalse();
    assertThat(shown.getText()).contains("Rita");

    page.replyTo(comment, "Jonas", reply);
    page.awaitMessage("published");
    assertThat(page.replies(page.awaitComment(comment))).contains(reply);

    page.reload();
    WebElement afterReload = page.awaitComment(comment);
    assertThat(page.replies(afterReload)).containsExactly(reply);
    assertThat(page.isPending(afterReload)).isFalse();
  }

  @Test
  @DisplayName("shows a held comment as awaiting moderation to its author and to nobody else")
  void heldCommentIsVisibleToItsAuthorOnly() {
    reader = Browser.open();
    ArticlePage page = new ArticlePage(reader, site).open();
    String held = unique("Please " + Site.HOLD_WORD + " before this goes out.");

    page.post("Mara", held);
    assertThat(page.awaitMessage("awaiting moderation")).contains("Only you can see it");
    WebElement mine = page.awaitComment(held);
    assertThat(page.isPending(mine)).isTrue();
    assertThat(page.pendingNote(mine)).contains("Awaiting moderation");

    page.reload();
    assertThat(page.pendingNote(page.awaitComment(held))).contains("Awaiting moderation");

    other = Browser.open();
    ArticlePage stranger = new ArticlePage(other, site).open();
    assertThat(stranger.comment(held)).isEmpty();
    assertThat(other.driver.getPageSource()).doesNotContain(held);
  }

  @Test
  @DisplayName("shows comment markup as text and never runs it")
  void markupIsShownAsText() {
    reader = Browser.open();
    ArticlePage page = new ArticlePage(reader, site).open();
    String attack = unique("<img src=x onerror=alert(1)>");

    page.post("Mallory", attack);
    page.awaitMessage("published");
    assertThat(page.awaitComment(attack).getText()).contains(attack);

    other = Browser.open();
    ArticlePage stranger = new ArticlePage(other, site).open();
    WebElement shown = stranger.awaitComment(attack);
    assertThat(shown.findElements(By.tagName("img"))).isEmpty();
    assertThat(other.driver.findElements(By.cssSelector(".moderato-thread img"))).isEmpty();
    assertNoAlert(reader);
    assertNoAlert(other);
  }

  private static void assertNoAlert(Browser browser) {
    try {
      String text = browser.driver.switchTo().alert().getText();
      throw new AssertionError("an alert ran: " + text);
    } catch (NoAlertPresentException expected) {
      // Nothing ran.
    }
  }

  @Test
  @DisplayName("accepts a plain form post without JavaScript and tells the reader the outcome")
  void formWorksWithoutJavaScript() {
    reader = Browser.open(false);
    reader.get(site.baseUrl() + "/");
    String comment = unique("Posted from a browser with JavaScript switched off.");
    reader.find("form.moderato-nojs-form input[name=name]").sendKeys("Noor");
    reader.find("form.moderato-nojs-form textarea[name=comment]").sendKeys(comment);
    site.readerTypes();
    reader.find("form.moderato-nojs-form button[type=submit]").click();

    WebElement notice = reader.await(d -> reader.find(".moderato-notice"));
    assertThat(reader.driver.getCurrentUrl()).startsWith(site.baseUrl() + "/?moderato=");
    assertThat(notice.getText()).matches("(?is).*(published|awaiting moderation).*");

    other = Browser.open();
    ArticlePage withScript = new ArticlePage(other, site).open();
    if (reader.driver.getCurrentUrl().contains("moderato=published")) {
      withScript.awaitComment(comment);
    } else {
      assertThat(site.api().queued("pending", comment)).isNotNull();
    }
  }

  @Test
  @DisplayName("shows the server's validation messages next to the fields they concern")
  void validationMessagesAreShownPerField() {
    reader = Browser.open();
    ArticlePage page = new ArticlePage(reader, site).open();

    page.post("", "   ");
    assertThat(page.awaitFieldError("name")).isNotBlank();
    assertThat(page.awaitFieldError("comment")).isNotBlank();
    assertThat(page.awaitMessage("correct")).contains("Please correct the marked fields");
  }

  @Test
  @DisplayName("lets the author edit and delete their comment within the edit window")
  void authorEditsOwnComment() {
    reader = Browser.open();
    ArticlePage page = new ArticlePage(reader, site).open();
    String comment = unique("The sleeper from Berlin was late by an hour.");
    String corrected = unique("The sleeper from Berlin was late by two hours.");

    page.post("Ines", comment);
    page.awaitComment(comment);
    page.edit(comment, corrected);
    page.awaitComment(corrected);

    page.reload();
    assertThat(page.awaitComment(corrected).getText()).contains("Ines");
    assertThat(page.comment(comment)).isEmpty();

    page.delete(corrected);
    reader.await(d -> page.comment(corrected).isEmpty());
    page.reload();
    assertThat(page.comment(corrected)).isEmpty();
  }
}
