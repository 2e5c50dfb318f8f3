package org.moderato.classifier;

import java.util.Locale;
import java.util.Set;
import java.util.function.ObjDoubleConsumer;
import java.util.regex.Pattern;

/**
 * Hand-made features that describe what spam does rather than which words it uses, so they carry
 * over to sites and spam campaigns the model never saw: links in any spelling, link shorteners,
 * e-mail addresses and phone numbers, money and earnings talk, offers, calls to action and
 * self-promotion (see {@link CallsToAction}), shouting, and words disguised with look-alike letters
 * or spaced out, plus a coarse length bucket and links that come with a call to action, in a very
 * short text or with no text at all. Links that readers cite or share rather than promote (a
 * reference site or wiki, one video, a site named in prose) are features of their own. News-site
 * spam (work-from-home offers, contact numbers, shop links) is long and polite, so the signals
 * themselves do not depend on length or on YouTube vocabulary.
 *
 * <p>Offer and money phrases are matched on the word hashes the extractor computes anyway, requests
 * by a short scan of the words, and links, numbers and addresses by hand-written scans, so the
 * whole set costs a few microseconds per comment. Each feature has a readable name (shown by
 * {@link LogisticModel#explain}) and a value in [0, 1]. Used by the spam task only. Stateless and
 * thread-safe.
 */
final class StructuralFeatures {

  private static final int OFFER = 1;
  private static final int MONEY = 2;

  private static final String[] OFFER_PHRASES = {
    "work from home", "working from home", "work at home", "home based", "online job",
    "online jobs", "extra income", "extra cash", "extra money", "make money", "making money",
    "earn money", "earning money", "easy money", "real money", "make extra", "get paid",
    "paycheck", "be your own boss", "financial freedom", "free gift", "free iphone", "free money",
    "free followers", "free subscribers", "free trial", "giveaway", "promo code",
    "discount code", "coupon", "limited offer", "buy now", "order now", "apply now",
    "no experience", "weight loss", "lose weight", "make 1000", "earn 1000", "pay check",
    "working online", "work online", "working on the computer", "work on the computer",
  };
  private static final String[] MONEY_PHRASES = {
    "paypal", "pay pal", "bitcoin", "bitcoins", "btc", "crypto", "cash app", "cashapp",
    "western union", "forex", "binary options", "per hour", "per week", "per month", "per day",
    "usd", "dollars",
  };

  /** Phrase hash to feature bits, open addressing; 0 keys mark free slots. */
  private static final int[] PHRASE_KEYS = new int[1024];
  private static final int[] PHRASE_BITS = new int[1024];

  static {
    for (String p : OFFER_PHRASES) {
      register(p, OFFER);
    }
    for (String p : MONEY_PHRASES) {
      register(p, MONEY);
    }
  }

  /** Ends of a domain name in links; the weak ones are English words and need more evidence. */
  private static final Set<String> TLDS = Set.of("com", "net", "org", "info", "biz", "ru", "tk",
      "xyz", "io", "ly", "gl", "uk", "tv", "de", "online", "site", "top", "club", "shop", "store",
      "link", "click", "live", "app", "ws", "cc", "fm", "gg", "pw", "es", "fr", "br", "pl", "ee",
      "edu", "gov", "ca", "au", "jp", "cn", "nl", "se", "ch", "su", "be", "me", "co", "us", "in",
      "to", "at");
  private static final Set<String> WEAK_TLDS = Set.of("be", "me", "co", "us", "in", "to", "at");
  private static final Set<String> SHORTENERS = Set.of("bit.ly", "goo.gl", "tinyurl.com", "t.co",
      "ow.ly", "is.gd", "buff.ly", "adf.ly", "cutt.ly", "rebrand.ly", "shorturl.at", "tiny.cc",
      "linktr.ee");
  /**
   * Sites that readers cite as sources. A link to one of them is a reference in an argument, not
   * an advertisement; spammers link to their own pages.
   */
  private static final Set<String> REFERENCE_SITES = Set.of("wikipedia.org", "wikimedia.org",
      "wiktionary.org", "wikisource.org", "archive.org", "doi.org", "jstor.org", "arxiv.org",
      "books.google.com", "scholar.google.com", "bbc.com", "bbc.co.uk", "nytimes.com",
      "washingtonpost.com", "theguardian.com", "reuters.com", "apnews.com", "ft.com", "npr.org",
      "economist.com", "wsj.com", "bloomberg.com", "cnn.com", "who.int", "europa.eu", "un.org");
  private static final Set<String> REFERENCE_ENDINGS = Set.of("gov", "edu", "mil", "int");

  private static final Pattern SPACED = Pattern.compile(
      "(?<![\\p{L}\\p{N}])(?:\\p{L}[ .\\-_*]{1,2}){3,}\\p{L}(?![\\p{L}\\p{N}])");

  private StructuralFeatures() {}

  /**
   * Whether a word is a spelling of "subscribe" in any of its forms and misspellings
   * ({@code sucscribe}, {@code subcribe}, {@code subscribirse}), but not "subscription", which
   * news readers mention innocently.
   */
  static boolean subscribeLike(CharSequence s, int from, int to) {
    int n = to - from;
    if (n < 6 || n > 14 || s.charAt(from) != 's' || s.charAt(from + 1) != 'u') {
      return false;
    }
    boolean cri = false;
    for (int i = from + 2; i + 2 < to && !cri; i++) {
      cri = s.charAt(i) == 'c' && s.charAt(i + 1) == 'r' && s.charAt(i + 2) == 'i';
    }
    if (!cri) {
      return false;
    }
    String word = s.subSequence(from, to).toString();
    return !word.contains("ption") && (word.startsWith("sub") || word.startsWith("sus")
        || word.startsWith("suc"));
  }

  /** The phrase bits of the hash of one to four words (see {@link FeatureExtractor}), or 0. */
  static int phrase(int hash) {
    if (hash == 0) {
      return 0;
    }
    int p = (hash * 0x9E3779B1) >>> 22;
    while (PHRASE_KEYS[p] != 0) {
      if (PHRASE_KEYS[p] == hash) {
        return PHRASE_BITS[p];
      }
      p = (p + 1) & 1023;
    }
    return 0;
  }

  private static void register(String phrase, int bit) {
    int hash = 0;
    int count = 0;
    for (String word : phrase.split(" ")) {
      int h = FeatureExtractor.tokenHash(word, 0, word.length());
      hash = count == 0 ? h : FeatureExtractor.combine(hash, h);
      count++;
    }
    int p = (hash * 0x9E3779B1) >>> 22;
    while (PHRASE_KEYS[p] != 0 && PHRASE_KEYS[p] != hash) {
      p = (p + 1) & 1023;
    }
    PHRASE_KEYS[p] = hash;
    PHRASE_BITS[p] |= bit;
  }

  /**
   * Feeds each active feature's name and value to {@code sink}.
   *
   * @param raw the text as submitted, for case and disguise
   * @param norm the text after {@link TextNormalizer#normalize}
   * @param phrases the phrase bits the extractor's words matched
   * @param words the number of words in {@code norm}
   */
  static void extract(String raw, String norm, int phrases, int words,
      ObjDoubleConsumer<String> sink) {
    int links = links(raw, norm, sink);
    boolean email = hasEmail(norm);
    boolean phone = hasPhoneNumber(norm);
    int requests = CallsToAction.find(norm, email || phone);
    if (links > 0) {
      if ((requests & (CallsToAction.PROMOTION | CallsToAction.REQUEST
          | CallsToAction.SELF_PROMOTION | CallsToAction.LIKE_POLL)) != 0
          || (phrases & OFFER) != 0) {
        sink.accept("link with a call to action", 1);
      }
      if (words <= 12) {
        sink.accept("link in a short text", 1);
      }
    }
    // Length on its own says little, but it lets each expert price links, calls to action and
    // vocabulary differently in a one-liner and in a long argument.
    sink.accept(words <= 5 ? "length: 1-5 words" : words <= 15 ? "length: 6-15 words"
        : words <= 40 ? "length: 16-40 words" : words <= 100 ? "length: 41-100 words"
        : "length: over 100 words", 1);
    if (email) {
      sink.accept("e-mail address", 1);
    }
    if (phone) {
      sink.accept("phone number", 1);
    }
    if ((phrases & MONEY) != 0 || hasCurrencyAmount(norm)) {
      sink.accept("money", 1);
    }
    if ((phrases & OFFER) != 0 || hasEarningsClaim(norm)) {
      sink.accept("earnings or offer", 1);
    }
    if ((requests & CallsToAction.PROMOTION) != 0) {
      sink.accept("call to action", 1);
    } else if ((requests & CallsToAction.REQUEST) != 0) {
      sink.accept("request without a promotion target", 1);
    }
    if ((requests & CallsToAction.LIKE_POLL) != 0) {
      sink.accept("poll for likes", 1);
    }
    if ((requests & CallsToAction.SUBSCRIBERS) != 0) {
      sink.accept("subscribers mentioned", 1);
    }
    if ((requests & CallsToAction.SELF_PROMOTION) != 0) {
      sink.accept("self-promotion", 1);
    }
    shouting(raw, sink);
    disguise(raw, sink);
  }

  /**
   * Counts links: {@code http}, {@code www.} and domains such as {@code tsu.co/x} or
   * {@code kidsmediausa.com} (spaced and spelled-out forms were folded by the normalizer). A domain
   * ending in an English word ({@code it.me}, {@code so.in}) counts only with a path or www. Only
   * links that may promote something count as links; the others are features of their own:
   *
   * <ul>
   *   <li>links to reference sites and wikis, which readers cite as sources;
   *   <li>links to one video ({@code youtu.be/ID}, {@code youtube.com/watch?v=ID}), which readers
   *       share as content (a link to a channel does count);
   *   <li>a bare domain name in prose ({@code I read it on salon.com}), which names a site rather
   *       than links to it, unless it was disguised ({@code kidsmediausa . com},
   *       {@code x dot net}): hiding a domain from filters is what spam does.
   * </ul>
   *
   * @return the number of links that may promote something
   */
  private static int links(String raw, String s, ObjDoubleConsumer<String> sink) {
    boolean shortener = false;
    int references = 0;
    int videos = 0;
    int bare = 0;
    int promoted = 0;
    int schemed = 0;
    int httpLinks = 0;
    int from = 0;
    int http;
    while ((http = s.indexOf("http", from)) >= 0) {
      httpLinks += s.startsWith("://", http + 4) || s.startsWith("s://", http + 4) ? 1 : 0;
      from = http + 4;
    }
    String lowerRaw = null;
    int n = s.length();
    for (int dot = s.indexOf('.'); dot > 0 && dot < n - 1; dot = s.indexOf('.', dot + 1)) {
      if (!isDomainChar(s.charAt(dot - 1))) {
        continue;
      }
      int end = dot + 1;
      while (end < n && isLetter(s.charAt(end))) {
        end++;
      }
      if (end < n && (isDomainChar(s.charAt(end)) || s.charAt(end) == '.')
          && s.charAt(end) != '-') {
        continue;
      }
      String tld = s.substring(dot + 1, end);
      if (!TLDS.contains(tld)) {
        continue;
      }
      int start = dot - 1;
      while (start > 0 && (isDomainChar(s.charAt(start - 1)) || s.charAt(start - 1) == '.')) {
        start--;
      }
      String host = s.substring(start, end);
      boolean path = end < n && s.charAt(end) == '/';
      boolean scheme = start >= 3 && s.startsWith("://", start - 3);
      boolean www = host.startsWith("www.");
      if (WEAK_TLDS.contains(tld) && !path && !www && !scheme) {
        continue;
      }
      schemed += scheme ? 1 : 0;
      int lastDot = host.lastIndexOf('.', host.length() - tld.length() - 2);
      String registered = lastDot >= 0 ? host.substring(lastDot + 1) : host;
      if (isReference(host, registered, tld) || s.startsWith("/wiki/", end)) {
        references++;
        continue;
      }
      if (lowerRaw == null) {
        lowerRaw = raw.toLowerCase(Locale.ROOT);
      }
      boolean disguised = !lowerRaw.contains(host);
      if (!disguised && (registered.equals("youtu.be") || registered.equals("vimeo.com")
          || registered.equals("youtube.com") && s.startsWith("/watch", end))) {
        videos++;
      } else if (!disguised && !path && !www && !scheme) {
        bare++;
      } else {
        promoted++;
        shortener |= SHORTENERS.contains(registered);
      }
    }
    // Addresses after http:// that are not domain names (numbers, unknown endings) still link.
    promoted += Math.max(0, httpLinks - schemed);
    if (promoted > 0) {
      sink.accept("link", 1);
    }
    if (promoted > 1) {
      sink.accept("several links", 1);
    }
    if (shortener) {
      sink.accept("link shortener", 1);
    }
    if (references > 0) {
      sink.accept("link to a reference site", 1);
    }
    if (videos > 0) {
      sink.accept("link to a video", 1);
    }
    if (bare > 0) {
      sink.accept("domain name", 1);
    }
    if (promoted + videos > 0 && wordsOutsideLinks(s) <= 1) {
      sink.accept("nothing but a link", 1);
    }
    return promoted;
  }

  /**
   * The words of at least two letters in {@code s} outside its links, where a link is a
   * space-separated chunk with {@code ://}, {@code www.} or a dot followed by a letter.
   */
  static int wordsOutsideLinks(String s) {
    int words = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && s.charAt(i) == ' ') {
        i++;
      }
      int start = i;
      int letters = 0;
      boolean link = false;
      while (i < n && s.charAt(i) != ' ') {
        char c = s.charAt(i);
        letters += Character.isLetter(c) ? 1 : 0;
        link |= (c == '.' || c == '/') && i + 1 < n && isLetter(s.charAt(i + 1)) && i > start;
        i++;
      }
      if (letters >= 2 && !link) {
        words++;
      }
    }
    return words;
  }

  /**
   * Whether a host is a source readers cite: a listed reference site, a government, university or
   * international body, or a wiki (a wiki page belongs to no one, so linking it promotes nobody).
   */
  private static boolean isReference(String host, String registered, String tld) {
    String bare = host.startsWith("www.") ? host.substring(4) : host;
    return REFERENCE_ENDINGS.contains(tld) || REFERENCE_SITES.contains(registered)
        || REFERENCE_SITES.contains(bare) || host.endsWith(".gov.uk") || host.endsWith(".ac.uk")
        || host.startsWith("books.google.") || host.startsWith("scholar.google.")
        || registered.contains("wiki") || registered.equals("wmflabs.org")
        || registered.equals("toolforge.org");
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDomainChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }

  private static boolean hasEmail(String s) {
    for (int at = s.indexOf('@'); at > 0; at = s.indexOf('@', at + 1)) {
      if (!isDomainChar(s.charAt(at - 1)) && s.charAt(at - 1) != '.') {
        continue;
      }
      int end = at + 1;
      while (end < s.length() && (isDomainChar(s.charAt(end)) || s.charAt(end) == '.')) {
        end++;
      }
      String domain = s.substring(at + 1, end);
      int dot = domain.lastIndexOf('.', domain.length() - 3);
      if (dot > 0 && TLDS.contains(domain.substring(dot + 1))) {
        return true;
      }
    }
    return false;
  }

  /** Nine to fifteen digits in groups separated by single spaces, dashes, dots or brackets. */
  private static boolean hasPhoneNumber(String s) {
    int digits = 0;
    boolean separated = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        separated = false;
        if (digits >= 9 && (i + 1 == s.length() || !Character.isLetterOrDigit(s.charAt(i + 1)))
            && digits <= 15) {
          return true;
        }
      } else if (digits > 0 && !separated && (c == ' ' || c == '-' || c == '.' || c == '('
          || c == ')') && i + 1 < s.length()) {
        separated = c != ')' || s.charAt(i + 1) != ' ';
      } else if (c == '+' && digits == 0) {
        continue;
      } else {
        digits = 0;
        separated = false;
      }
    }
    return false;
  }

  private static boolean hasCurrencyAmount(String s) {
    for (int i = 0; i + 1 < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '$' || c == '€' || c == '£') {
        char next = s.charAt(i + 1) == ' ' && i + 2 < s.length()
            ? s.charAt(i + 2) : s.charAt(i + 1);
        if (next >= '0' && next <= '9') {
          return true;
        }
      }
    }
    return false;
  }

  private static final Set<String> EARNING_VERBS = Set.of("make", "makes", "made", "making",
      "earn", "earns", "earned", "earning", "earnings", "paid", "pays", "income");

  /** An amount of money right after a verb of earning: {@code makes $84}, {@code earned $9,000}. */
  private static boolean hasEarningsClaim(String s) {
    for (int i = s.indexOf('$'); i > 1 && i + 1 < s.length(); i = s.indexOf('$', i + 1)) {
      if (!Character.isDigit(s.charAt(i + 1))) {
        continue;
      }
      int end = i;
      while (end > 0 && s.charAt(end - 1) == ' ') {
        end--;
      }
      int start = end;
      while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
        start--;
      }
      if (EARNING_VERBS.contains(s.substring(start, end))) {
        return true;
      }
    }
    return false;
  }

  private static void shouting(String raw, ObjDoubleConsumer<String> sink) {
    int letters = 0;
    int upper = 0;
    int bangs = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        upper += Character.isUpperCase(c) ? 1 : 0;
      } else if (c == '!') {
        bangs++;
      }
    }
    if (letters >= 12 && upper * 2 > letters) {
      sink.accept("mostly capitals", (upper / (double) letters - 0.5) * 2);
    }
    if (bangs >= 3) {
      sink.accept("many exclamation marks", Math.min(1, bangs / 6.0));
    }
  }

  /** Look-alike letters mixed into Latin words, or words spelled out letter by letter. */
  private static void disguise(String raw, ObjDoubleConsumer<String> sink) {
    boolean latin = false;
    boolean other = false;
    boolean mixed = false;
    boolean ascii = true;
    for (int i = 0; i < raw.length() && !mixed; ) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      ascii &= cp < 0x80;
      if (!Character.isLetterOrDigit(cp)) {
        latin = false;
        other = false;
        continue;
      }
      if (cp < 0x80) {
        latin |= Character.isLetter(cp);
      } else if ((cp >= 0x370 && cp <= 0x52F) || (cp >= 0x1D00 && cp <= 0x1D7F)
          || (cp >= 0xFF01 && cp <= 0xFF5E) || (cp >= 0x1D400 && cp <= 0x1D7FF)) {
        other = true;
      }
      mixed = latin && other;
    }
    if (mixed) {
      sink.accept("look-alike letters", 1);
    }
    if (TextNormalizer.mayHaveSpacedLetters(raw) && SPACED.matcher(raw).find()) {
      sink.accept("spaced-out letters", 1);
    }
  }
}
