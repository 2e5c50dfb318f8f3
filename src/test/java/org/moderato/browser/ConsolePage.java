package org.moderato.browser;

import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The moderator console at {@code /moderate}. */
final class ConsolePage {

  private final Browser browser;
  private final String url;

  ConsolePage(Browser browser, String baseUrl) {
    this.browser = browser;
    this.url = baseUrl + "/moderate";
  }

  ConsolePage open() {
    browser.get(url);
    browser.await(d -> browser.find("#token").isDisplayed() || browser.find("#console")
        .isDisplayed());
    return this;
  }

  /** Signs in and waits until the queue is loaded and the live stream is connected. */
  ConsolePage signIn(String token) {
    browser.find("#token").sendKeys(token, Keys.ENTER);
    browser.await(d -> browser.find("#console").isDisplayed()
        && "live".equals(browser.find("#live-status").getAttribute("data-state"))
        && browser.find("#queue").getAttribute("aria-busy") == null);
    return this;
  }

  String signInError() {
    return browser.await(d -> {
      String text = browser.find("#sign-in-error").getText();
      return text.isEmpty() ? null : text;
    });
  }

  Optional<WebElement> item(String text) {
    return browser.driver.findElements(By.cssSelector("#queue > .item")).stream()
        .filter(li -> li.findElement(By.cssSelector(".item-text")).getText().equals(text))
        .findFirst();
  }

  WebElement awaitItem(String text) {
    return browser.await(d -> item(text).orElse(null));
  }

  void awaitGone(String text) {
    browser.await(d -> item(text).isEmpty());
  }

  List<String> itemTexts() {
    return browser.driver.findElements(By.cssSelector("#queue > .item .item-text")).stream()
        .map(WebElement::getText).toList();
  }

  void select(String text) {
    awaitItem(text).findElement(By.cssSelector(".item-check")).click();
  }

  void bulk(String action) {
    browser.find("[data-bulk='" + action + "']").click();
  }

  String awaitToast(String containing) {
    return browser.await(d -> {
      WebElement toast = browser.find("#toast");
      return toast.isDisplayed() && toast.getText().contains(containing) ? toast.getText() : null;
    });
  }

  void undo() {
    browser.find("#toast button.button").click();
  }

  /** Sets the filters and waits for the queue to load again. */
  void filter(String status, String articleId) {
    new Select(browser.find("#filter-status")).selectByValue(status);
    WebElement article = browser.find("#filter-article");
    article.clear();
    article.sendKeys(articleId, Keys.ENTER);
    awaitLoaded();
  }

  void awaitLoaded() {
    browser.await(d -> browser.find("#queue").getAttribute("aria-busy") == null);
  }

  /** Clicks one of the item's own buttons (approve, reject, spam). */
  void decide(String text, String action) {
    awaitItem(text).findElement(By.cssSelector("[data-action='" + action + "']")).click();
  }

  void showAuditLog() {
    browser.find("#tab-log").click();
  }

  List<String> auditRows() {
    return browser.driver.findElements(By.cssSelector("#log-rows tr")).stream()
        .map(WebElement::getText).toList();
  }
}
