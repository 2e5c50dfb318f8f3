package org.moderato.browser;

import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The demo article at {@code /} with the embedded comment section, as a reader uses it. */
final class ArticlePage {

  private final Browser browser;
  private final Site site;
  private final String url;

  ArticlePage(Browser browser, Site site) {
    this(browser, site, site.baseUrl() + "/");
  }

  /** A page elsewhere that embeds the comments, such as a news site on another origin. */
  ArticlePage(Browser browser, Site site, String url) {
    this.browser = browser;
    this.site = site;
    this.url = url;
  }

  /** Opens the page and waits until the embed has loaded the thread and its form token. */
  ArticlePage open() {
    browser.get(url);
    return awaitReady();
  }

  ArticlePage reload() {
    browser.driver.navigate().refresh();
    return awaitReady();
  }

  ArticlePage awaitReady() {
    browser.await(d -> "ready".equals(section().getAttribute("data-moderato-state"))
        && form().getAttribute("data-moderato-token") != null);
    return this;
  }

  private WebElement section() {
    return browser.find("[data-moderato-article]");
  }

  private WebElement form() {
    return browser.find(".moderato-form");
  }

  /** Fills the form (wherever it is: top of the thread or under a comment) and posts it. */
  void post(String name, String text) {
    WebElement nameField = form().findElement(By.name("name"));
    nameField.clear();
    nameField.sendKeys(name);
    WebElement commentField = form().findElement(By.name("comment"));
    commentField.clear();
    commentField.sendKeys(text);
    site.readerTypes();
    form().findElement(By.cssSelector("button[type=submit]")).click();
  }

  void replyTo(String parentText, String name, String text) {
    comment(parentText).orElseThrow()
        .findElement(By.cssSelector(":scope > .moderato-body .moderato-comment-actions button"))
        .click();
    browser.await(d -> form().findElement(By.cssSelector(".moderato-replying")).isDisplayed());
    post(name, text);
  }

  /** The comment whose own text (not a reply's) is exactly {@code text}. */
  Optional<WebElement> comment(String text) {
    return browser.driver.findElements(By.cssSelector(".moderato-comment")).stream()
        .filter(li -> li.findElements(By.cssSelector(":scope > .moderato-body .moderato-text"))
            .stream().anyMatch(p -> p.getText().equals(text)))
        .findFirst();
  }

  WebElement awaitComment(String text) {
    return browser.await(d -> comment(text).orElse(null));
  }

  boolean isPending(WebElement comment) {
    return comment.getAttribute("class").contains("moderato-pending");
  }

  String pendingNote(WebElement comment) {
    List<WebElement> notes = comment.findElements(
        By.cssSelector(":scope > .moderato-body .moderato-pending-note"));
    return notes.isEmpty() ? "" : notes.get(0).getText();
  }

  /** The texts of the direct replies shown under a comment. */
  List<String> replies(WebElement comment) {
    return comment.findElements(By.cssSelector(
            ":scope > .moderato-replies > .moderato-comment > .moderato-body .moderato-text"))
        .stream().map(WebElement::getText).toList();
  }

  /** Opens the editor on one of the reader's own comments and saves new text. */
  void edit(String text, String newText) {
    WebElement comment = comment(text).orElseThrow();
    comment.findElements(By.cssSelector(":scope > .moderato-body .moderato-comment-actions button"))
        .stream().filter(b -> b.getText().equals("Edit")).findFirst().orElseThrow().click();
    WebElement field =
        browser.await(d -> comment.findElement(By.cssSelector(".moderato-edit textarea")));
    field.clear();
    field.sendKeys(newText);
    comment.findElement(By.cssSelector(".moderato-edit button[type=submit]")).click();
  }

  /** Deletes one of the reader's own comments, confirming the browser's question. */
  void delete(String text) {
    WebElement comment = comment(text).orElseThrow();
    comment.findElements(By.cssSelector(":scope > .moderato-body .moderato-comment-actions button"))
        .stream().filter(b -> b.getText().equals("Delete")).findFirst().orElseThrow().click();
    browser.await(d -> d.switchTo().alert()).accept();
  }

  /** The message under a field, once there is one. */
  String awaitFieldError(String field) {
    return browser.await(d -> {
      WebElement input = form().findElement(By.name(field));
      String id = input.getAttribute("aria-describedby").replaceAll(".* ", "");
      String text = browser.find("#" + id).getText();
      return "true".equals(input.getAttribute("aria-invalid")) && !text.isEmpty() ? text : null;
    });
  }

  String awaitMessage(String containing) {
    return browser.await(d -> {
      String text = browser.find(".moderato-form-message").getText();
      return text.contains(containing) ? text : null;
    });
  }
}
