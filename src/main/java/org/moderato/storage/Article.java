package org.moderato.storage;

/** What storage keeps per article: the maintained published count and whether comments are closed. */
public record Article(String id, long publishedCount, boolean closed) {

  public static Article empty(String id) {
    return new Article(id, 0, false);
  }
}
