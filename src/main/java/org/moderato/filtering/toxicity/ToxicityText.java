package org.moderato.filtering.toxicity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.moderato.filtering.text.EvasionFolding;

/**
 * The text the toxicity heads see, the same in training and scoring: the comment folded by
 * {@link EvasionFolding} (so {@code 1d10t} and a Cyrillic {@code іdiot} are the word the model
 * learned), then with the words that a bag of n-grams would misread replaced by a marker word:
 *
 * <ul>
 *   <li>a denial: up to three words after "is not", "isn't", "not a", ... within the clause become
 *       {@code negated} ("you are not an idiot"), and so does a denied opinion ("I don't think
 *       you are an idiot"); "don't be ..." and "not only" deny nothing;
 *   <li>reported naming: the words after "call(ing) people / her / them ..." become
 *       {@code named} ("stop calling her stupid"); "call you ..." is left alone, since that is
 *       the insult itself;
 *   <li>a reported quotation, inside double quotes after a reporting word such as "said",
 *       "wrote" or "like", becomes {@code quoted}: three words or more within four words of the
 *       reporting word, one or two words right after it. Scare quotes (often the insult) and
 *       quotations nobody is said to have said are kept;
 *   <li>profanity used as an intensifier of a kind word ("fucking amazing") becomes {@code very},
 *       and an exclamation such as "holy shit," or "damn," opening a clause becomes {@code wow}.
 * </ul>
 *
 * <p>A bag of n-grams cannot tell "idiot" from "not an idiot"; after this step the second has no
 * insult feature left, and the marker's weight is learned from data like any word. The rules are
 * deliberately narrow: a missed negation only leaves the plain reading, while a too-wide scope
 * would hide real insults. Stateless and thread-safe; linear in the text.
 */
final class ToxicityText {

  /** Negations that deny what something is: "isn't a liar". */
  private static final Set<String> COPULAR_NEGATIONS = Set.of("isnt", "arent", "wasnt", "werent",
      "aint");
  /** Negations that deny what something is when they follow a copula: "you are not stupid". */
  private static final Set<String> NOT = Set.of("not", "never");
  private static final Set<String> COPULA_BEFORE_NOT = Set.of("is", "are", "am", "was", "were",
      "be", "been", "youre", "hes", "shes", "its", "theyre", "im", "thats", "whos");
  /** Negations that deny an opinion when an opinion verb follows: "I don't think ...". */
  private static final Set<String> DO_NEGATIONS = Set.of("dont", "doesnt", "didnt", "never");
  /** After these, a negation is about what comes after them: "I don't think you are ...". */
  private static final Set<String> OPINION_VERBS = Set.of("think", "believe", "mean", "say",
      "said", "consider", "feel", "suggest", "suggesting", "saying", "claim", "claiming", "imply");
  private static final Set<String> NAMING_VERBS = Set.of("call", "calls", "called", "calling",
      "label", "labels", "labeled", "labelled", "labeling", "labelling", "brand", "branded",
      "branding", "dub", "dubbed");
  /** The insult itself: "calling you an idiot" is not a report of someone else's words. */
  private static final Set<String> SECOND_PERSON = Set.of("you", "u", "ya", "yourself", "yall",
      "youse");
  private static final Set<String> PROFANE_INTENSIFIERS = Set.of("fucking", "fuckin", "freaking",
      "frickin", "friggin", "damn", "damned", "bloody", "hella", "effing", "goddamn", "shitting");
  private static final Set<String> KIND_WORDS = Set.of("amazing", "awesome", "beautiful",
      "brilliant", "great", "good", "love", "loved", "lovely", "wonderful", "fantastic",
      "incredible", "proud", "excellent", "perfect", "cool", "funny", "hilarious", "delicious",
      "gorgeous", "best", "happy", "glad", "nice", "impressive", "genius", "adorable", "cute",
      "well", "helpful", "smart", "talented", "grateful", "thankful", "congrats", "fun", "epic");
  private static final Set<String> EXCLAMATIONS = Set.of("holy shit", "oh shit", "damn",
      "holy fuck", "fuck yeah", "fuck yes", "hell yeah", "hell yes", "oh my fucking god",
      "holy crap", "shit", "dammit", "damnit", "goddamn", "wow shit", "holy hell");

  /** Words that start a new clause or predicate, where a scope ends. */
  private static final Set<String> SCOPE_ENDS = Set.of("but", "and", "or", "is", "are", "was",
      "were", "because", "that", "who", "which", "if", "when", "so", "while", "though");

  private static final Set<String> COPULAS = Set.of("is", "are", "was", "were");

  private static final int NEGATION_SCOPE = 3;
  private static final int NAMING_SCOPE = 4;
  private static final int MIN_QUOTED_WORDS = 3;
  private static final int REPORT_SCOPE = 4;
  /** Words that attribute a quotation to someone: what follows in quotes is reported speech. */
  private static final Set<String> REPORTING_WORDS = Set.of("said", "says", "say", "saying",
      "wrote", "writes", "write", "writing", "quote", "quotes", "quoted", "quoting", "called",
      "calling", "call", "calls", "like", "tweeted", "told", "tells", "yelled", "shouted",
      "screamed", "posted", "asked", "replied", "commented", "stated", "claimed", "read", "reads",
      "as", "words", "word", "term", "terms", "phrase", "names");

  private ToxicityText() {}

  static String prepare(String text) {
    String folded = EvasionFolding.fold(text);
    List<Token> tokens = tokenize(folded);
    if (tokens.isEmpty()) {
      return folded;
    }
    String[] replacement = new String[tokens.size()];
    markQuotes(tokens, replacement);
    markExclamations(tokens, replacement);
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.word || replacement[i] != null) {
        continue;
      }
      String w = t.bare();
      if (isNegationCue(tokens, i)) {
        markNegation(tokens, replacement, i);
      } else if (NAMING_VERBS.contains(w)) {
        markNaming(tokens, replacement, i);
      } else if (PROFANE_INTENSIFIERS.contains(w)) {
        int next = nextWord(tokens, i);
        if (next >= 0 && KIND_WORDS.contains(tokens.get(next).bare())) {
          replacement[i] = "very";
        }
      }
    }
    return render(tokens, replacement);
  }

  /**
   * Whether the word at {@code i} negates what something is ("is not", "isn't", "not a") or an
   * opinion ("don't think"). Other negations ("don't know", "never again") are left alone: the
   * narrower rule costs nothing on the dev data, the wider one hid insults in toxic comments.
   */
  private static boolean isNegationCue(List<Token> tokens, int i) {
    String w = tokens.get(i).bare();
    int next = nextWord(tokens, i);
    if (next < 0) {
      return false;
    }
    String after = tokens.get(next).bare();
    if (after.equals("only") || after.equals("just") || after.equals("be")) {
      // "not only ... but", "don't be an idiot": not a denial.
      return false;
    }
    if (COPULAR_NEGATIONS.contains(w)) {
      return true;
    }
    if (DO_NEGATIONS.contains(w) && OPINION_VERBS.contains(after)) {
      return true;
    }
    if (NOT.contains(w)) {
      boolean copulaBefore = i > 0 && tokens.get(i - 1).word
          && COPULA_BEFORE_NOT.contains(tokens.get(i - 1).bare());
      return copulaBefore || after.equals("a") || after.equals("an");
    }
    return false;
  }

  private static void markNegation(List<Token> tokens, String[] replacement, int cue) {
    int first = nextWord(tokens, cue);
    String next = tokens.get(first).bare();
    // "I don't think you are an idiot": the opinion is what is negated, "you" included.
    boolean opinion = OPINION_VERBS.contains(next);
    markScope(tokens, replacement, first, opinion ? 2 * NEGATION_SCOPE : NEGATION_SCOPE,
        "negated", opinion);
  }

  private static void markNaming(List<Token> tokens, String[] replacement, int verb) {
    int object = nextWord(tokens, verb);
    if (object < 0 || SECOND_PERSON.contains(tokens.get(object).bare())) {
      return;
    }
    markScope(tokens, replacement, object, NAMING_SCOPE, "named", false);
  }

  /**
   * Replaces up to {@code words} words from {@code first}, stopping at the clause's end, at a word
   * of {@link #SCOPE_ENDS}, and (unless {@code throughYou}, for a negated opinion such as "I don't
   * think you are ...") at a later "you" or "is": in "nobody cares you idiot" the insult is
   * outside what is negated.
   */
  private static void markScope(List<Token> tokens, String[] replacement, int first, int words,
      String marker, boolean throughYou) {
    int marked = 0;
    for (int i = first; i < tokens.size() && marked < words; i++) {
      Token t = tokens.get(i);
      if (!t.word) {
        if (t.endsClause()) {
          break;
        }
        continue;
      }
      boolean copula = COPULAS.contains(t.bare());
      if ((SCOPE_ENDS.contains(t.bare()) && !(throughYou && copula))
          || (!throughYou && marked > 0 && SECOND_PERSON.contains(t.bare()))) {
        break;
      }
      replacement[i] = marked == 0 ? marker : "";
      marked++;
    }
  }

  private static void markQuotes(List<Token> tokens, String[] replacement) {
    int open = -1;
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).text.equals("\"")) {
        continue;
      }
      if (open < 0) {
        open = i;
        continue;
      }
      int words = 0;
      for (int k = open + 1; k < i; k++) {
        words += tokens.get(k).word ? 1 : 0;
      }
      if (words >= MIN_QUOTED_WORDS ? reported(tokens, open, REPORT_SCOPE)
          : words > 0 && reported(tokens, open, 1)) {
        boolean first = true;
        for (int k = open + 1; k < i; k++) {
          if (tokens.get(k).word) {
            replacement[k] = first ? "quoted" : "";
            first = false;
          }
        }
      }
      open = -1;
    }
  }

  /**
   * Whether a reporting word ("said", "wrote", "quotes", "like", ...) comes within {@code scope}
   * words before the opening quote, in the same sentence. A quotation that nobody is said to have
   * said is as often the writer's own jab, or another commenter's words thrown back ("Guessing
   * you're an idiot!" Don't have to guess ...), and reads as written. A quotation of one or two
   * words counts as reported only right after the reporting word (name-calling like "you moron"):
   * otherwise it is a scare quote, often the insult itself.
   */
  private static boolean reported(List<Token> tokens, int open, int scope) {
    int words = 0;
    for (int k = open - 1; k >= 0 && words < scope; k--) {
      Token t = tokens.get(k);
      if (!t.word) {
        if (t.text.equals(".") || t.text.equals("!") || t.text.equals("?")) {
          return false;
        }
        continue;
      }
      if (REPORTING_WORDS.contains(t.bare())) {
        return true;
      }
      words++;
    }
    return false;
  }

  private static void markExclamations(List<Token> tokens, String[] replacement) {
    for (int i = 0; i < tokens.size(); i++) {
      boolean clauseStart = i == 0 || (!tokens.get(i - 1).word && tokens.get(i - 1).endsClause());
      if (!clauseStart || !tokens.get(i).word) {
        continue;
      }
      // Longest phrase first: "holy shit" before "shit".
      for (int length = 4; length >= 1; length--) {
        int end = i;
        StringBuilder phrase = new StringBuilder();
        int count = 0;
        while (end < tokens.size() && count < length && tokens.get(end).word) {
          if (count > 0) {
            phrase.append(' ');
          }
          phrase.append(tokens.get(end).bare());
          count++;
          end++;
        }
        boolean closes = end < tokens.size() && !tokens.get(end).word
            && (tokens.get(end).text.equals(",") || tokens.get(end).text.equals("!"));
        if (count == length && closes && EXCLAMATIONS.contains(phrase.toString())) {
          for (int k = i; k < end; k++) {
            replacement[k] = k == i ? "wow" : "";
          }
          break;
        }
      }
    }
  }

  private static int nextWord(List<Token> tokens, int i) {
    for (int k = i + 1; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.word) {
        return k;
      }
      if (t.endsClause()) {
        return -1;
      }
    }
    return -1;
  }

  private static List<Token> tokenize(String folded) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = folded.length();
    while (i < n) {
      char c = folded.charAt(i);
      if (c == ' ') {
        i++;
        continue;
      }
      int start = i;
      if (Character.isLetterOrDigit(c)) {
        while (i < n && (Character.isLetterOrDigit(folded.charAt(i))
            || (folded.charAt(i) == '\'' && i + 1 < n
                && Character.isLetter(folded.charAt(i + 1))))) {
          i++;
        }
        tokens.add(new Token(folded.substring(start, i), true, start > 0
            && folded.charAt(start - 1) == ' '));
      } else {
        i++;
        tokens.add(new Token(folded.substring(start, i), false, start > 0
            && folded.charAt(start - 1) == ' '));
      }
    }
    return tokens;
  }

  private static String render(List<Token> tokens, String[] replacement) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      String text = replacement[i] == null ? tokens.get(i).text : replacement[i];
      if (text.isEmpty()) {
        continue;
      }
      if (out.length() > 0 && tokens.get(i).spaceBefore) {
        out.append(' ');
      } else if (out.length() > 0 && replacement[i] != null) {
        out.append(' ');
      }
      out.append(text);
    }
    return out.toString();
  }

  /** A word (letters, digits, inner apostrophes) or one punctuation character. */
  private record Token(String text, boolean word, boolean spaceBefore) {

    /** The word without apostrophes: "don't" and "dont" are one cue. */
    String bare() {
      return text.indexOf('\'') < 0 ? text : text.replace("'", "");
    }

    boolean endsClause() {
      return switch (text) {
        case ",", ".", ";", ":", "!", "?", "(", ")", "\n" -> true;
        default -> false;
      };
    }
  }
}
