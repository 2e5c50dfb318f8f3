package org.moderato.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Moderators in the console: sign-in, live queue, decisions, bulk actions, undo, audit log. */
@DisplayName("The moderator console")
class ModeratorConsoleIT {

  /**
   * Makes texts unique without random characters: the toxicity model reads character n-grams,
   * and a random suffix once pushed an innocent test comment over the nudge threshold.
   */
  private static final AtomicInteger UNIQUE = new AtomicInteger();

  private static Site site;
  private Browser moderator;
  private Browser reader;

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
      for (Browser browser : new Browser[] {moderator, reader}) {
        if (browser != null) assertThat(browser.cspViolations()).isEmpty();
      }
    } finally {
      if (moderator != null) moderator.close();
      if (reader != null) reader.close();
    }
  }

  private static String held(String text) {
    return text + " " + Site.HOLD_WORD + " (#" + UNIQUE.incrementAndGet() + ")";
  }

  private ConsolePage signedIn() {
    moderator = Browser.open();
    return new ConsolePage(moderator, site.baseUrl()).open().signIn(site.adminToken());
  }

  @Test
  @DisplayName("refuses a wrong token with a clear message")
  void wrongTokenIsRefused() {
    moderator = Browser.open();
    ConsolePage console = new ConsolePage(moderator, site.baseUrl()).open();
    moderator.find("#token").sendKeys("not-a-token\n");
    assertThat(console.signInError()).contains("not accepted");
    assertThat(moderator.find("#console").isDisplayed()).isFalse();
  }

  @Test
  @DisplayName("shows a held comment as it arrives, approves it, and the reader then sees it")
  void heldCommentArrivesLiveAndIsApproved() {
    ConsolePage console = signedIn();
    reader = Browser.open();
    ArticlePage article = new ArticlePage(reader, site).open();
    String parent = "Night trains need a dining car. (#" + UNIQUE.incrementAndGet() + ")";
    String text = held("Is the dining car coming back too?");

    article.post("Omar", parent);
    article.awaitMessage("published");
    article.replyTo(parent, "Priya", text);
    article.awaitMessage("awaiting moderation");

    WebElement item = console.awaitItem(text);
    assertThat(item.getText()).contains("Priya").contains("demo-article");
    String replyTo = moderator.await(d -> {
      String shown = console.awaitItem(text).findElement(By.cssSelector(".item-parent")).getText();
      return shown.contains(parent) ? shown : null;
    });
    assertThat(replyTo).contains("In reply to Omar");
    item = console.awaitItem(text);
    assertThat(item.findElement(By.cssSelector(".reasons")).getText())
        .isNotBlank();
    moderator.script("arguments[0].focus();", item);
    new Actions(moderator.driver).sendKeys("a").perform();
    console.awaitGone(text);
    assertThat(console.awaitToast("Approved")).contains("Priya");

    article.reload();
    WebElement published = article.awaitComment(text);
    assertThat(article.isPending(published)).isFalse();
    assertThat(article.pendingNote(published)).isEmpty();
    assertThat(article.replies(article.awaitComment(parent))).containsExactly(text);

    console.showAuditLog();
    List<String> rows = moderator.await(d -> {
      List<String> r = console.auditRows();
      return r.isEmpty() ? null : r;
    });
    assertThat(rows).anyMatch(row -> row.contains("Approved") && row.contains("demo-article"));
  }

  @Test
  @DisplayName("removes a comment live when another moderator decides it")
  void anotherModeratorsDecisionRemovesTheItem() {
    String text = held("Will the new carriages have showers?");
    site.api().postComment("demo-article", "Lena", text);
    ConsolePage console = signedIn();
    console.awaitItem(text);

    JsonObject queued = site.api().queued("pending", text);
    site.api().decide(queued.getString("id"), "reject", queued.getLong("version"));

    console.awaitGone(text);
  }

  @Test
  @DisplayName("rejects several selected comments at once and can undo it")
  void bulkRejectWithUndo() {
    List<String> texts = List.of(held("Buy cheap tickets here"), held("Best tickets, click now"),
        held("Tickets tickets tickets"));
    for (String text : texts) site.api().postComment("demo-article", "Spammy", text);
    ConsolePage console = signedIn();
    for (String text : texts) console.select(text);

    console.bulk("reject");
    for (String text : texts) console.awaitGone(text);
    assertThat(console.awaitToast("Rejected 3 comments")).contains("Undo");
    for (String text : texts) {
      assertThat(site.api().queued("rejected", text)).isNotNull();
    }

    console.undo();
    for (String text : texts) console.awaitItem(text);
    assertThat(site.api().queued("pending", texts.get(0))).isNotNull();

    for (String text : texts) console.select(text);
    console.bulk("reject");
    for (String text : texts) console.awaitGone(text);
    console.awaitToast("Rejected 3 comments");
    assertThat(site.api().queued("rejected", texts.get(2))).isNotNull();
  }

  @Test
  @DisplayName("filters the queue by article and by status")
  void filtersByArticleAndStatus() {
    String first = held("About the Paris sleeper");
    String second = held("About the Rome sleeper");
    site.api().postComment("paris-story", "Anne", first);
    site.api().postComment("rome-story", "Bruno", second);
    ConsolePage console = signedIn();
    console.awaitItem(first);
    console.awaitItem(second);

    console.filter("pending", "paris-story");
    assertThat(console.itemTexts()).containsExactly(first);

    console.decide(first, "reject");
    console.awaitGone(first);
    console.filter("rejected", "paris-story");
    WebElement rejected = console.awaitItem(first);
    assertThat(rejected.findElement(By.cssSelector("[data-action='reject']")).isEnabled())
        .isFalse();
    assertThat(console.itemTexts()).doesNotContain(second);
  }
}
