package org.moderato.classifier;

/**
 * Finds what a comment asks its reader to do, and tells promotion from ordinary requests: "check
 * out my channel", "subscribe", "follow me on Instagram" or "like this comment" ask the reader to
 * go to (or boost) something the writer promotes, while "thanks, I'll check it out", "you might
 * want to check out the style guide", "don't ever contact me again" or "came here to check the
 * views" do not. A request counts as a call to action only when it is aimed at the reader (it
 * starts its clause or follows words that address the reader; no first- or third-person subject,
 * no negation, no infinitive after "to" or a modal) and has a promotion target: the writer ("check
 * me out"), the writer's own channel, videos or music ("my new music channel", "I made a gaming
 * channel"), a kind of content creators promote ("check out this video") or, anywhere in the text,
 * an e-mail address, a phone number or a messenger. The same request without a target ("please
 * check the sources", "check this out: " and a link) is a weaker signal of its own; the link is
 * judged by the link features. Polls for likes ("like if", "thumbs up if") and talk about
 * subscribers ("3m subscribers") are separate signals too: commenters' chatter has them as well as
 * spam.
 *
 * <p>Works on the normalized text (lower case, disguises folded). Words are looked up by their
 * hash in a small table of the words the rules name, so a scan allocates two arrays and costs
 * about a microsecond per hundred words. Stateless and thread-safe.
 */
final class CallsToAction {

  /** A request aimed at the reader with a promotion target. */
  static final int PROMOTION = 1;
  /** A request aimed at the reader ("please check the sources") with no promotion target. */
  static final int REQUEST = 2;
  /** A poll for likes: "like if", "thumbs up if", "thumbs up for". */
  static final int LIKE_POLL = 4;
  /** Subscribers or subscribing talked about rather than asked for: "3m subscribers". */
  static final int SUBSCRIBERS = 8;
  /** The writer's own channel, videos, music, site or shop: "my new music channel". */
  static final int SELF_PROMOTION = 16;

  // Word classes, as bits of CLASSES[id].
  /** What creators promote; a possessive may reach them over two modifiers (my new rap video). */
  private static final int CREATOR = 1;
  /** Promoted only right after the possessive: "my page", "my site", but not "my talk page". */
  private static final int OWNED = 1 << 1;
  /** Kinds of content a request can point at: "check out this video", "visit my website". */
  private static final int TARGET = 1 << 2;
  /** Modifiers after which the noun is not the writer's product: "my favorite song". */
  private static final int NOT_OWNED = 1 << 3;
  private static final int MESSENGER = 1 << 4;
  private static final int CONTACT_VERB = 1 << 5;
  /** Verbs that promote only with an explicit target: "watch my videos", not "watch in 2015". */
  private static final int LOOK_VERB = 1 << 6;
  private static final int CHECK_OBJECT = 1 << 7;
  /** Words before a verb that show the reader is addressed: "guys please check...". */
  private static final int READER = 1 << 8;
  /** Words before a verb that show someone else does it or nobody does: "I'll", "don't". */
  private static final int NOT_READER = 1 << 9;
  /** Words after which a verb is an infinitive whose subject comes before them. */
  private static final int MODAL = 1 << 10;
  /** Words right before a verb that make it a noun: "a new vote for", "the check". */
  private static final int DETERMINER = 1 << 11;
  /** Verbs of making after which a writer names their product: "I made a gaming channel". */
  private static final int CREATION = 1 << 12;
  private static final int FIRST_PERSON = 1 << 13;
  private static final int POSSESSIVE = 1 << 14;
  private static final int PLEASE = 1 << 15;
  /** Requests on their own: "subscribe" in other languages, "f4f" (follow for follow). */
  private static final int ALWAYS_PROMOTES = 1 << 16;

  /** Word hash to word id, open addressing; 0 keys mark free slots. */
  private static final int[] KEYS = new int[1024];
  private static final int[] IDS = new int[1024];
  private static final int[] CLASSES = new int[512];
  private static int words;

  private static final int OTHER = 0;
  private static final int CHECK = id("check");
  private static final int OUT = id("out");
  private static final int ME = id("me");
  private static final int US = id("us");
  private static final int THE = id("the");
  private static final int THIS = id("this");
  private static final int MY = id("my");
  private static final int IT = id("it");
  private static final int A = id("a");
  private static final int TO = id("to");
  private static final int FOR = id("for");
  private static final int FOUR = id("4");
  private static final int IF = id("if");
  private static final int UP = id("up");
  private static final int IN = id("in");
  private static final int NEW = id("new");
  private static final int NOW = id("now");
  private static final int LIKE = id("like");
  private static final int LIKES = id("likes");
  private static final int THUMBS = id("thumbs");
  private static final int COMMENT = id("comment");
  private static final int POST = id("post");
  private static final int GIVE = id("give");
  private static final int HELP = id("help");
  private static final int REACH = id("reach");
  private static final int HIT = id("hit");
  private static final int LINK = id("link");
  private static final int BIO = id("bio");
  private static final int FOLLOW = id("follow");
  private static final int CLICK = id("click");
  private static final int HERE = id("here");
  private static final int ON = id("on");
  private static final int SIGN = id("sign");
  private static final int VOTE = id("vote");
  private static final int SHARE = id("share");
  private static final int SUPPORT = id("support");
  private static final int GO = id("go");
  private static final int TAKE = id("take");
  private static final int HAVE = id("have");
  private static final int LOOK = id("look");
  private static final int SUB = id("sub");
  private static final int SUBS = id("subs");
  private static final int BACK = id("back");
  private static final int WHATS = id("whats");
  private static final int APP = id("app");
  private static final int CANAL = id("canal");
  private static final int SUBSCRIBE = id("subscribe");

  static {
    classify(CREATOR | TARGET, "channel", "channels", "video", "videos", "vid", "vids", "vlog",
        "vlogs", "playlist", "song", "songs", "music", "track", "tracks", "cover", "covers",
        "mixtape", "album", "remix", "remixes", "beats", "rap", "podcast", "stream");
    classify(OWNED, "page", "site", "website", "blog", "profile", "instagram", "insta", "twitter",
        "facebook", "fb", "tiktok", "store", "shop", "business", "company", "app", "book");
    classify(TARGET, "website", "site", "blog", "profile", "youtube", "instagram", "twitter",
        "facebook", "tiktok", "snapchat", "app", "shop", "store");
    classify(NOT_OWNED, "favorite", "favourite", "fav", "fave", "s", "talk", "user");
    classify(MESSENGER, "whatsapp", "telegram", "viber", "kik", "snapchat", "skype", "wechat");
    classify(CONTACT_VERB, "follow", "add", "contact", "message", "text", "call", "dm", "pm",
        "email", "mail", "inbox", "hmu");
    classify(LOOK_VERB, "watch", "listen", "view", "see", "look", "visit");
    classify(CHECK_OBJECT, "out", "it", "this", "these", "that", "my", "our", "us", "me", "em",
        "them", "the");
    classify(READER, "you", "u", "ya", "yall", "please", "pls", "plz", "plzz", "guys",
        "everyone", "everybody", "forget", "forgot");
    classify(NOT_READER, "i", "we", "ill", "ive", "id", "im", "he", "she", "they", "who", "not",
        "never", "dont", "don", "didnt", "didn", "wont", "won", "cant", "t", "nobody", "no");
    classify(MODAL, "to", "will", "would", "shall", "should", "can", "could", "may", "might",
        "must", "ll", "d", "gonna", "wanna");
    classify(DETERMINER, "a", "an", "the", "this", "that", "his", "her", "their", "its", "my",
        "your", "our", "new", "another", "every", "each");
    classify(CREATION, "made", "make", "did", "started", "start", "created", "create", "upload",
        "uploaded", "post", "posted", "released", "produce", "produced", "recorded", "record");
    classify(FIRST_PERSON, "i", "we", "ive", "weve");
    classify(POSSESSIVE, "my", "our", "mi", "meu");
    classify(PLEASE, "please", "pls", "plz");
    classify(ALWAYS_PROMOTES, "abonniert", "abonnez", "abonne", "inscreva", "f4f", "l4l", "s4s");
  }

  private CallsToAction() {}

  private static int id(String word) {
    int hash = FeatureExtractor.tokenHash(word, 0, word.length());
    int p = slot(hash);
    while (KEYS[p] != 0 && KEYS[p] != hash) {
      p = (p + 1) & (KEYS.length - 1);
    }
    if (KEYS[p] == 0) {
      KEYS[p] = hash;
      IDS[p] = ++words;
    }
    return IDS[p];
  }

  /** Adds the class bits to each word; returns the id of the last one. */
  private static int classify(int bits, String... list) {
    int last = OTHER;
    for (String word : list) {
      last = id(word);
      CLASSES[last] |= bits;
    }
    return last;
  }

  private static int slot(int hash) {
    return (hash * 0x9E3779B1) >>> 22;
  }

  /** The id of a word of the text, or {@link #OTHER} for words no rule names. */
  private static int lookup(int hash) {
    for (int p = slot(hash); KEYS[p] != 0; p = (p + 1) & (KEYS.length - 1)) {
      if (KEYS[p] == hash) {
        return IDS[p];
      }
    }
    return OTHER;
  }

  /**
   * The kinds of request in {@code norm} as a bit set of {@link #PROMOTION}, {@link #REQUEST},
   * {@link #LIKE_POLL}, {@link #SUBSCRIBERS} and {@link #SELF_PROMOTION}.
   *
   * @param norm the text after {@link TextNormalizer#normalize}
   * @param contactDetails whether the text has a way to reach the writer outside its words: an
   *     e-mail address or a phone number
   */
  static int find(String norm, boolean contactDetails) {
    Words w = new Words(norm);
    int n = w.size;
    boolean selfPromotion = false;
    boolean messenger = false;
    for (int i = 0; i < n; i++) {
      selfPromotion |= ownedAt(w, i);
      messenger |= w.has(i, MESSENGER) || (w.is(i, WHATS) && w.is(i + 1, APP));
    }
    boolean target = contactDetails || selfPromotion || messenger;
    int found = (selfPromotion ? SELF_PROMOTION : 0)
        | (messenger && contactDetails ? PROMOTION : 0);
    for (int i = 0; i < n; i++) {
      int word = w.id(i);
      if (word == SUBSCRIBE || w.subscribeLike(i)) {
        found |= w.endsInNoun(i) ? SUBSCRIBERS : PROMOTION;
      } else if (word == SUBS) {
        found |= SUBSCRIBERS;
      } else if (word == SUB) {
        found |= w.is(i + 1, TO) || w.is(i + 1, FOUR) || w.is(i + 1, FOR) || w.is(i + 1, ME)
            || w.is(i + 1, BACK) || w.has(i + 1, PLEASE) ? PROMOTION : 0;
      } else if (w.has(i, ALWAYS_PROMOTES)) {
        found |= PROMOTION;
      } else if (word == LIKE || word == LIKES) {
        if ((w.is(i + 1, THIS) || w.is(i + 1, MY)) && (w.is(i + 2, COMMENT) || w.is(i + 2, POST))
            || w.is(i + 1, FOUR) && w.is(i + 2, LIKE)) {
          found |= PROMOTION;
        } else if (w.is(i + 1, IF)) {
          found |= LIKE_POLL;
        }
      } else if (word == THUMBS && w.is(i + 1, UP)) {
        found |= w.is(i + 2, IF) || w.is(i + 2, FOR) ? LIKE_POLL
            : w.is(i + 2, THIS) ? PROMOTION : 0;
      } else if (word == GIVE) {
        found |= (w.is(i + 1, IT) || w.is(i + 1, THIS) || w.is(i + 1, ME)) && w.is(i + 2, A)
            && (w.is(i + 3, LIKE) || w.is(i + 3, THUMBS)) ? PROMOTION : 0;
      } else if (w.has(i, PLEASE) && (w.is(i + 1, LIKE) || w.is(i + 1, SUBSCRIBE))) {
        found |= PROMOTION;
      } else if (word == HELP) {
        found |= w.is(i + 1, ME) && (w.is(i + 2, REACH) || w.is(i + 2, HIT)) ? PROMOTION : 0;
      } else if (word == LINK) {
        found |= w.is(i + 1, IN) && (w.is(i + 2, BIO) || w.is(i + 2, MY) && w.is(i + 3, BIO))
            ? PROMOTION : 0;
      } else if (word == FOLLOW && (w.is(i + 1, FOUR) || w.is(i + 1, FOR))
          && w.is(i + 2, FOLLOW)) {
        found |= PROMOTION;
      } else if (word == CHECK) {
        found |= w.has(i + 1, CHECK_OBJECT) ? request(w, i, i + 1, target) : 0;
      } else if (word == CLICK) {
        found |= w.is(i + 1, HERE) || w.is(i + 1, ON) || w.is(i + 1, THIS) || w.is(i + 1, THE)
            || w.is(i + 1, MY) || w.is(i + 1, LINK) ? request(w, i, i + 1, target) : 0;
      } else if (word == SIGN) {
        found |= w.is(i + 1, UP) ? request(w, i, i + 2, target) : 0;
      } else if (word == VOTE) {
        found |= w.is(i + 1, FOR) || w.has(i - 1, PLEASE) ? request(w, i, i + 1, target) : 0;
      } else if (word == SHARE) {
        found |= w.is(i + 1, THIS) || w.is(i + 1, IT) || w.is(i + 1, MY) || w.has(i - 1, PLEASE)
            ? request(w, i, i + 1, target) : 0;
      } else if (word == SUPPORT) {
        found |= (w.is(i + 1, ME) || w.is(i + 1, US) || w.has(i + 1, POSSESSIVE))
            && addressed(w, i) ? PROMOTION
            : w.has(i - 1, PLEASE) ? request(w, i, i + 1, target) : 0;
      } else if (word == GO) {
        found |= w.is(i + 1, TO) && addressed(w, i) && explicitTarget(w, i + 2) ? PROMOTION : 0;
      } else if (word == TAKE || word == HAVE) {
        found |= w.is(i + 1, A) && w.is(i + 2, LOOK) && addressed(w, i)
            && explicitTarget(w, i + 3) ? PROMOTION : 0;
      } else if (w.has(i, LOOK_VERB)) {
        found |= addressed(w, i) && explicitTarget(w, i + 1) ? PROMOTION : 0;
      }
      if (w.has(i, CONTACT_VERB)) {
        found |= contact(w, i, target);
      }
    }
    return found;
  }

  /**
   * "contact me", "follow us on Instagram", "call now" and a number: promotion with a way to reach
   * the writer.
   */
  private static int contact(Words w, int i, boolean target) {
    if (w.is(i + 1, NOW) && target && addressed(w, i)) {
      return PROMOTION;
    }
    if (!(w.is(i + 1, ME) || w.is(i + 1, US)) || !addressed(w, i)) {
      return 0;
    }
    boolean network = false;
    for (int j = i + 2; j < i + 5 && j < w.size; j++) {
      network |= w.has(j, TARGET | MESSENGER);
    }
    return target || network ? PROMOTION : REQUEST;
  }

  /** A request verb at {@code i} whose object starts at {@code from}. */
  private static int request(Words w, int i, int from, boolean target) {
    if (!addressed(w, i)) {
      return 0;
    }
    return target || explicitTarget(w, from) ? PROMOTION : REQUEST;
  }

  /**
   * Whether the verb at {@code i} is aimed at the reader: it starts its clause, or the words
   * before it in the clause address the reader ("guys please", "you should", "don't forget to")
   * rather than name another subject ("I'll", "they") or negate it ("don't ever").
   */
  private static boolean addressed(Words w, int i) {
    if (w.clauseStart(i)) {
      return true;
    }
    if (w.has(i - 1, DETERMINER)) {
      return false;
    }
    // After "to" or a modal the verb is an infinitive ("came here to check the views", "the
    // council will check") unless the reader is named before it ("you might want to check out").
    boolean infinitive = false;
    for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
      if (w.has(k, READER)) {
        return true;
      }
      if (w.has(k, NOT_READER)) {
        return false;
      }
      infinitive |= w.has(k, MODAL);
      if (w.clauseStart(k)) {
        break;
      }
    }
    return !infinitive;
  }

  /**
   * Whether the object of a request, within four words from {@code from}, is the writer or
   * something promoted: "check me out", "watch my new video", "check out this song"; but not
   * "check the video", which is the one everybody is watching.
   */
  private static boolean explicitTarget(Words w, int from) {
    for (int j = from; j < from + 4 && j < w.size; j++) {
      int word = w.id(j);
      if (word == ME || word == US) {
        return w.is(j + 1, OUT);
      }
      if (word == THE) {
        return false;
      }
      if (w.has(j, POSSESSIVE)) {
        return ownedAt(w, j);
      }
      if (w.has(j, TARGET)) {
        return true;
      }
      if (j > from && w.clauseStart(j)) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether the words at {@code i} name the writer's product: a possessive ("my (new rap)
   * channel") or a first-person verb of making ("I (just) made a gaming channel").
   */
  private static boolean ownedAt(Words w, int i) {
    if (w.has(i, CREATION) && (w.has(i - 1, FIRST_PERSON) || w.has(i - 2, FIRST_PERSON))) {
      for (int j = i + 1; j < i + 5 && j < w.size && !(j > i + 1 && w.clauseStart(j)); j++) {
        if (w.has(j, CREATOR)) {
          return true;
        }
      }
      return false;
    }
    if (!w.has(i, POSSESSIVE)) {
      return false;
    }
    if (w.is(i + 1, CANAL) || w.has(i + 1, OWNED | CREATOR)
        || w.is(i + 1, NEW) && w.has(i + 2, OWNED)) {
      return true;
    }
    for (int j = i + 1; j < i + 4 && j < w.size; j++) {
      if (w.has(j, NOT_OWNED) || (j > i + 1 && w.clauseStart(j))) {
        return false;
      }
      if (w.has(j, CREATOR)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The words of a normalized text as ids, with where each starts and ends and whether
   * punctuation comes before it.
   */
  private static final class Words {
    final String text;
    final int[] ids;
    final int[] bounds;
    final boolean[] clause;
    int size;

    Words(String s) {
      text = s;
      int n = s.length();
      int max = n / 2 + 1;
      ids = new int[max];
      bounds = new int[max * 2];
      clause = new boolean[max];
      boolean boundary = true;
      int i = 0;
      while (i < n) {
        char c = s.charAt(i);
        if (Character.isLetterOrDigit(c)) {
          int start = i;
          while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
            i++;
          }
          clause[size] = boundary;
          ids[size] = lookup(FeatureExtractor.tokenHash(s, start, i));
          bounds[2 * size] = start;
          bounds[2 * size + 1] = i;
          size++;
          boundary = false;
        } else {
          boundary |= c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':'
              || c == '(' || c == ')' || c == '"' || c == '=' || c == '*'
              || c == '-' && i + 1 < n && s.charAt(i + 1) == ' ';
          i++;
        }
      }
    }

    int id(int i) {
      return i >= 0 && i < size ? ids[i] : OTHER;
    }

    boolean is(int i, int word) {
      return id(i) == word;
    }

    boolean has(int i, int classes) {
      return (CLASSES[id(i)] & classes) != 0;
    }

    boolean clauseStart(int i) {
      return i >= 0 && i < size && clause[i];
    }

    /** A spelling of "subscribe" ({@link StructuralFeatures#subscribeLike}). */
    boolean subscribeLike(int i) {
      return ids[i] == OTHER
          && StructuralFeatures.subscribeLike(text, bounds[2 * i], bounds[2 * i + 1]);
    }

    /** Whether a word ends like a noun or a past tense: subscriber, subscribers, subscribed. */
    boolean endsInNoun(int i) {
      int end = bounds[2 * i + 1];
      return text.startsWith("er", end - 2) || text.startsWith("ers", end - 3)
          || text.startsWith("ed", end - 2);
    }
  }
}
