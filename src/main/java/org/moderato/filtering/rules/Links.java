package org.moderato.filtering.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds links in plain text the way a reader's browser or a spammer would count them: URLs with a
 * scheme, {@code www.} hosts, and bare domains with a known top-level domain (so "e.g." and
 * "U.S." are not links but "cheap-pills.com/buy" is). Spaced-out dots ({@code site . com}) and
 * {@code dot} spelled out count too. Pure and thread-safe.
 */
public final class Links {

  private static final String TLDS = "com|net|org|info|biz|io|co|us|uk|de|ru|cn|fr|nl|it|es|pl|in"
      + "|br|au|ca|jp|xyz|top|site|online|club|shop|store|app|dev|me|tv|ly|gl|be|cc|ws|live|link"
      + "|click|win|bid|loan|vip|work|tk|ml|ga|cf|gq|pw|su|eu|ch|se|no|dk|fi|at|ro|ua|kr|tr|gr"
      + "|ir|vn|id|mx|ar|cl|za|nz|sg|hk|tw|my|ph|pk|bd|ng|ke|news|blog|tech|pro|mobi|name|today";
  private static final Pattern LINK = Pattern.compile(
      "(?i)\\b(?:https?://|ftp://|www\\.)[^\\s<>\"]+"
          + "|\\b(?:[a-z0-9][a-z0-9-]{0,62}(?:\\s?\\.\\s?|\\s(?:dot|\\(dot\\)|\\[dot\\])\\s))+"
          + "(?:" + TLDS + ")\\b(?:/[^\\s<>\"]*)?");

  private Links() {}

  /** The links found, in order. */
  public static List<String> find(String text) {
    List<String> links = new ArrayList<>();
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      links.add(m.group());
    }
    return links;
  }

  /** The host of a found link, lower-case, without {@code www.}; spaced dots closed up. */
  public static String host(String link) {
    String s = link.toLowerCase(Locale.ROOT)
        .replaceAll("\\s*(?:\\(dot\\)|\\[dot\\]|\\sdot\\s)\\s*", ".")
        .replaceAll("\\s*\\.\\s*", ".");
    s = s.replaceFirst("^[a-z]+://", "");
    int end = s.length();
    for (char c : new char[] {'/', '?', '#', ':'}) {
      int i = s.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    s = s.substring(0, end);
    return s.startsWith("www.") ? s.substring(4) : s;
  }
}
