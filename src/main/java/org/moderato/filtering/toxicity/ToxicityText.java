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
 *       and an exclamation such as "holy shit," or "damn," opening a clause becomes {@code wow};
 *   <li>counter-speech: in a sentence whose subject is a speech act ("Saying women are stupid
 *       ...", "Calling immigrants animals ...") and whose predicate condemns it ("... is sexist",
 *       "... is never acceptable", "... does not help"), or in "it is wrong to say/call ...", the
 *       reported words become {@code reported} and the judgment {@code condemned};
 *   <li>"nobody" or "no one" followed by a copula denies what follows ("nobody here is an
 *       idiot"), like a denial;
 *   <li>"kill" with a thing as object ("kill the bill", "killed it") becomes {@code stop};
 *   <li>dehumanisation: vermin, animal or disease words said of people ("immigrants are
 *       animals", "they're no better than rats") get the marker {@code dehumanised} before them;
 *       the word itself stays, and "dogs are animals" is left alone;
 *   <li>"deserve" with a good as object ("deserve equal rights", "deserves a second chance")
 *       becomes {@code merit}; "deserve to die" keeps its reading.
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
  private static final Set<String> DO_NEGATIONS = Set.of("dont", "doesnt", "didnt", "never",
      "wouldnt", "wont");
  /** After these, a negation is about what comes after them: "I don't think you are ...". */
  private static final Set<String> OPINION_VERBS = Set.of("think", "believe", "mean", "say",
      "said", "consider", "feel", "suggest", "suggesting", "saying", "claim", "claiming", "imply",
      "call", "calling");
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
  /**
   * Expletives of dismay: opening a clause about the writer ("Shit, I forgot my keys"), they are
   * aimed at nobody, like "oops". Before anything else they keep their plain reading.
   */
  private static final Set<String> DISMAY = Set.of("shit", "oh shit", "damn", "dammit",
      "damnit", "goddamn", "crap", "oh crap", "holy crap", "fuck", "oh fuck", "fuck me", "darn",
      "dang", "holy shit", "holy fuck", "bloody hell", "hell");
  /** The writer as the subject or owner: "I forgot", "my keys", "we lost". */
  private static final Set<String> FIRST_PERSON = Set.of("i", "im", "ive", "id", "ill", "my",
      "me", "we", "weve", "our", "myself");

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

  /**
   * Speech acts that, as the subject of a sentence, make what follows them reported words:
   * "Saying women are stupid is sexist" judges the saying, not women.
   */
  private static final Set<String> SPEECH_GERUNDS = Set.of("saying", "calling", "telling",
      "claiming", "suggesting", "implying", "insulting", "labeling", "labelling", "branding",
      "describing", "mocking", "writing", "posting", "comparing", "using", "shouting", "yelling");
  private static final Set<String> SPEECH_VERBS = Set.of("say", "call", "tell", "claim",
      "suggest", "imply", "insult", "label", "brand", "describe", "mock", "write", "post",
      "compare", "use", "shout", "yell", "joke");
  /** A judgment of words (not of a person) when its subject is a speech act. */
  private static final Set<String> CONDEMNATIONS = Set.of("sexist", "racist", "wrong",
      "hateful", "bigoted", "bigotry", "unacceptable", "offensive", "homophobic", "transphobic",
      "xenophobic", "hurtful", "disgraceful", "shameful", "cruel", "bullying", "harassment",
      "abusive", "discrimination", "discriminatory", "hate", "prejudice", "prejudiced",
      "misogynistic", "misogynist", "misogyny", "racism", "sexism", "antisemitic", "antisemitism",
      "intolerant", "inexcusable", "harmful", "dehumanizing", "dehumanising", "insulting",
      "disrespectful", "uncalled", "inappropriate", "ugly", "mean", "vile", "false", "untrue",
      "nonsense", "ignorant", "hypocritical");
  /** Judgments that condemn only when denied: "is never acceptable", "is not ok". */
  private static final Set<String> DENIED_APPROVALS = Set.of("acceptable", "ok", "okay", "fine",
      "appropriate", "helpful", "constructive", "funny", "civil", "cool", "right", "true",
      "allowed", "tolerated", "welcome", "excusable", "justified");
  /** What a speech act "does not" do: "Insulting people does not win arguments". */
  private static final Set<String> FUTILE_VERBS = Set.of("help", "win", "work", "belong",
      "solve", "persuade", "convince", "change", "add", "make", "advance", "contribute");
  /** Words between the copula and the judgment: "is simply wrong", "is both sexist and ...". */
  private static final Set<String> JUDGMENT_MODIFIERS = Set.of("just", "simply", "plain",
      "plainly", "so", "very", "really", "deeply", "totally", "utterly", "pure", "purely",
      "always", "also", "both", "itself", "clearly", "obviously", "blatantly", "outright",
      "completely", "absolutely", "extremely", "incredibly", "rather", "quite", "and", "a",
      "an", "the");
  private static final Set<String> DENIALS = Set.of("not", "never", "isnt", "arent", "wasnt",
      "werent", "aint", "no");
  private static final Set<String> AUXILIARIES = Set.of("does", "do", "did", "will", "would",
      "can", "could", "doesnt", "dont", "didnt", "wont", "wouldnt", "cant", "couldnt");
  private static final Set<String> IT_COPULAS = Set.of("its", "thats", "it", "that", "is", "was");
  /** The most words a reported speech act's content may span. */
  private static final int REPORTED_SCOPE = 12;

  /**
   * Things whose "killing" is figurative (a bill, a plan, a deal); the verb then means stopping
   * or ruining, and becomes {@code stop}. Killing anything else keeps its plain reading.
   */
  private static final Set<String> KILL_VERBS = Set.of("kill", "kills", "killed", "killing");
  private static final Set<String> FIGURATIVE_OBJECTS = Set.of("bill", "bills", "plan", "plans",
      "deal", "deals", "proposal", "proposals", "project", "projects", "idea", "ideas", "law",
      "laws", "measure", "measures", "tax", "taxes", "program", "programs", "programme", "budget",
      "pipeline", "motion", "amendment", "initiative", "ordinance", "referendum", "policy",
      "policies", "legislation", "rule", "rules", "regulation", "regulations", "jobs", "economy",
      "business", "businesses", "industry", "mood", "buzz", "vibe", "competition", "growth",
      "sales", "market", "momentum", "it", "scheme", "contract", "merger", "reform", "reforms",
      "mandate", "lawsuit", "story", "season", "game", "show", "performance", "joke", "fun",
      "engine", "lights", "time", "battery");
  private static final Set<String> DETERMINERS = Set.of("the", "this", "that", "these", "those",
      "a", "an", "any", "our", "their", "his", "her", "my", "your", "every", "all", "new");
  /** "Nobody here is an idiot": a denial of what anyone is. */
  private static final Set<String> NOBODY = Set.of("nobody", "noone");

  /**
   * Vermin, animals and disease: said of people, the vocabulary of dehumanisation. Several of
   * these words are harmless in most sentences ("animals", "dogs", "insects"), so they are only
   * marked when a copula makes them what people are. "Beast" is left out: "you are a beast" is
   * praise as often as not.
   */
  private static final Set<String> DEHUMANISING = Set.of("animal", "animals", "vermin",
      "parasite", "parasites", "rat", "rats", "cockroach", "cockroaches", "roaches", "savage",
      "savages", "subhuman", "subhumans", "monkey", "monkeys", "ape", "apes",
      "dog", "dogs", "pig", "pigs", "swine", "leech", "leeches", "maggot", "maggots", "insect",
      "insects", "rodent", "rodents", "lice", "locusts", "scum", "plague", "infestation",
      "pest", "pests", "filth", "livestock", "barbarians", "germs", "disease", "cancer");
  /**
   * Who can be dehumanised: people named as a group, as people, or by a pronoun. "Dogs are
   * animals" and "the prices are a plague" are not about people.
   */
  private static final Set<String> PEOPLE = Set.of("people", "folks", "men", "guys", "they",
      "you", "u", "ya", "he", "she", "them", "gays", "lesbians",
      "homosexuals", "blacks", "whites", "muslims", "jews", "christians", "catholics", "women",
      "immigrants", "migrants", "mexicans", "asians", "africans", "arabs", "hispanics",
      "latinos", "indians", "refugees", "atheists", "feminists", "foreigners", "liberals",
      "conservatives", "democrats", "republicans", "leftists", "libs", "trumpers", "americans",
      "europeans", "chinese", "russians", "palestinians", "israelis", "somalis", "syrians",
      "natives", "illegals", "aliens", "transgenders", "gypsies", "roma", "police", "cops",
      "politicians", "voters", "supporters", "fans", "editors", "admins");
  /**
   * Crimes and threats: said of a whole identity group ("Muslims are terrorists", "Mexicans are
   * rapists") a derogating generalisation, marked like dehumanisation. Said of anyone else ("they
   * are criminals", "the attackers were terrorists") it can be a report, and is left alone.
   */
  private static final Set<String> VILIFYING = Set.of("terrorists", "criminals", "rapists",
      "thieves", "murderers", "killers", "thugs", "invaders", "pedophiles", "paedophiles",
      "crooks", "jihadists", "extremists", "gangsters", "terrorist", "criminal");
  /** Group nouns outside {@link ToxicityCorpus#GROUP_NOUNS} that name people by origin. */
  private static final Set<String> ORIGIN_NOUNS = Set.of("migrants", "illegals", "foreigners",
      "aliens", "gypsies", "roma", "somalis", "syrians", "palestinians", "israelis", "russians",
      "europeans", "americans", "natives", "transgenders", "homosexuals");
  /** "Muslim people", "black men": a group adjective before one of these names a group. */
  private static final Set<String> PERSON_NOUNS = Set.of("people", "men", "women", "folks",
      "guys", "kids", "families", "girls", "boys");
  /**
   * Treatment verbs: "are treated like animals" describes what is done to the subject, who is
   * the victim, not what the writer calls them. Only in the passive with "is", "are", "been",
   * "get" ...: "should be treated like animals" and "deserve to be treated as animals" prescribe
   * it and keep their plain reading.
   */
  private static final Set<String> TREATMENT = Set.of("treated", "handled", "caged", "herded",
      "hunted", "kept", "housed", "slaughtered", "butchered", "shipped", "penned");
  private static final Set<String> PASSIVE = Set.of("is", "are", "was", "were", "been",
      "being", "get", "gets", "got", "getting", "r");

  /** Copulas that make what follows them what the subject is, fused ones included. */
  private static final Set<String> BEING = Set.of("is", "are", "was", "were", "r", "be");
  private static final Set<String> FUSED_BEING = Set.of("theyre", "youre", "hes", "shes",
      "ur");
  /** Words between the copula and the noun: "are just animals", "are no better than rats". */
  private static final Set<String> LIKENING = Set.of("just", "all", "nothing", "but", "like",
      "no", "better", "than", "worse", "filthy", "dirty", "disgusting", "such", "a", "an",
      "bunch", "pack", "herd", "of", "basically", "literally", "little", "more", "simply", "mere",
      "mostly", "only", "vile", "wild", "dumb", "stupid", "lazy", "the", "real", "total",
      "complete", "utter", "dangerous", "violent");
  private static final int LIKENING_SCOPE = 4;
  private static final Set<String> DEMONSTRATIVES = Set.of("these", "those", "all", "such");

  /**
   * "Deserve" comes with threats in the data ("you deserve to die", "they deserve what they
   * get"); deserving rights, respect or a chance is the opposite. Only these objects, right after
   * the verb or after a determiner or adjective of {@link #DESERVED_MODIFIERS}, make the verb
   * {@code merit}.
   */
  private static final Set<String> DESERVE = Set.of("deserve", "deserves", "deserved",
      "deserving");
  private static final Set<String> DESERVED_GOODS = Set.of("rights", "respect", "dignity",
      "better", "credit", "praise", "thanks", "support", "protection", "chance", "chances",
      "equality", "help", "care", "kindness", "recognition", "happiness", "love", "peace",
      "freedom", "safety", "opportunity", "opportunities", "access", "compensation", "answers",
      "raise", "medal", "award", "applause", "justice", "treatment", "pay", "wages", "homes",
      "housing", "education", "healthcare", "voice", "vote", "seat", "say", "hearing", "privacy",
      "security", "compassion", "sympathy", "welcome", "congratulations", "kudos",
      "attention", "consideration", "representation", "benefit", "break", "rest", "win",
      "victory", "success", "honour", "honor");
  private static final Set<String> DESERVED_MODIFIERS = Set.of("the", "a", "an", "equal",
      "same", "full", "more", "our", "their", "your", "basic", "fair", "human", "civil", "every",
      "much", "all", "real", "decent", "proper", "second", "some", "great", "huge", "big",
      "safe", "good", "to", "be", "treated", "with", "as", "well", "and");

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
    markCondemnedSpeech(tokens, replacement);
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
      } else if (KILL_VERBS.contains(w)) {
        markFigurativeKilling(tokens, replacement, i);
      } else if (NOBODY.contains(w) || (w.equals("no") && next(tokens, i).equals("one"))) {
        markNobody(tokens, replacement, i);
      } else if (DESERVE.contains(w) && deservesGood(tokens, i)) {
        replacement[i] = "merit";
      } else if (PROFANE_INTENSIFIERS.contains(w)) {
        int next = nextWord(tokens, i);
        if (next >= 0 && KIND_WORDS.contains(tokens.get(next).bare())) {
          replacement[i] = "very";
        }
      }
    }
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).word || replacement[i] != null) {
        continue;
      }
      String w = tokens.get(i).bare();
      if (DEHUMANISING.contains(w) && reportedTreatment(tokens, replacement, i)) {
        continue;
      }
      if ((DEHUMANISING.contains(w) && saidOf(tokens, replacement, i, false))
          || (VILIFYING.contains(w) && saidOf(tokens, replacement, i, true))) {
        replacement[i] = "dehumanised " + tokens.get(i).text;
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
    if (object < 0 || SECOND_PERSON.contains(tokens.get(object).bare())
        || replacement[object] != null) {
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

  /**
   * Counter-speech: a sentence whose subject is a speech act ("Saying women are stupid ...",
   * "Calling immigrants animals ...") and whose predicate condemns it ("... is sexist", "... is
   * never acceptable", "... does not help"), or "it is wrong to say/call ...". The reported words
   * become {@code reported} and the judgment {@code condemned}: the insult is what the writer
   * objects to, and the judgment is of words, not of a person. A speech act aimed at "you"
   * ("calling you an idiot is too kind") is the insult itself and is left alone.
   */
  private static void markCondemnedSpeech(List<Token> tokens, String[] replacement) {
    int start = 0;
    while (start < tokens.size()) {
      int end = start;
      while (end < tokens.size() && !endsSentence(tokens.get(end))) {
        end++;
      }
      List<Integer> words = new ArrayList<>();
      for (int k = start; k < end; k++) {
        if (tokens.get(k).word) {
          words.add(k);
        }
      }
      markCondemnedSpeech(tokens, replacement, words);
      start = end + 1;
    }
  }

  private static void markCondemnedSpeech(List<Token> tokens, String[] replacement,
      List<Integer> words) {
    if (words.size() < 3) {
      return;
    }
    String first = tokens.get(words.get(0)).bare();
    if (SPEECH_GERUNDS.contains(first)) {
      if (SECOND_PERSON.contains(tokens.get(words.get(1)).bare())) {
        return;
      }
      int limit = Math.min(words.size(), REPORTED_SCOPE + 2);
      for (int j = 2; j < limit; j++) {
        int judgment = judgment(tokens, words, j);
        if (judgment >= 0) {
          mark(replacement, words.subList(1, j), "reported");
          // "is sexist and wrong", "is bigoted nonsense": every judgment that follows.
          for (int k = judgment; k > 0 && k < words.size(); k++) {
            String w = tokens.get(words.get(k)).bare();
            if (CONDEMNATIONS.contains(w) || DENIED_APPROVALS.contains(w)) {
              replacement[words.get(k)] = "condemned";
            } else if (!JUDGMENT_MODIFIERS.contains(w) && !DENIALS.contains(w)) {
              break;
            }
          }
          return;
        }
      }
      return;
    }
    // "It is wrong to say ...", "It's hateful to call ...", "That is racist to claim ..."
    int k = 0;
    while (k < words.size() && k < 2 && IT_COPULAS.contains(tokens.get(words.get(k)).bare())) {
      k++;
    }
    if (k == 0) {
      return;
    }
    while (k < words.size() && JUDGMENT_MODIFIERS.contains(tokens.get(words.get(k)).bare())) {
      k++;
    }
    if (k + 2 >= words.size() || !CONDEMNATIONS.contains(tokens.get(words.get(k)).bare())
        || !tokens.get(words.get(k + 1)).bare().equals("to")
        || !SPEECH_VERBS.contains(tokens.get(words.get(k + 2)).bare())) {
      return;
    }
    int from = k + 3;
    if (from < words.size() && SECOND_PERSON.contains(tokens.get(words.get(from)).bare())) {
      return;
    }
    replacement[words.get(k)] = "condemned";
    List<Integer> reported = new ArrayList<>();
    for (int r = from; r < words.size() && reported.size() < REPORTED_SCOPE; r++) {
      int position = words.get(r);
      if (tokens.get(position).bare().equals("but") || tokens.get(position - 1).text.equals(",")) {
        break;
      }
      reported.add(position);
    }
    mark(replacement, reported, "reported");
  }

  /**
   * Whether the words from index {@code j} condemn what precedes them: a copula followed by a
   * condemnation ("is sexist"), a denied approval ("is never acceptable", "isn't funny"), "has no
   * place", or a denied futile verb ("does not help"). Returns the index of the judgment word to
   * mark, 0 when there is none to mark, -1 when the words do not condemn.
   */
  private static int judgment(List<Token> tokens, List<Integer> words, int j) {
    String w = tokens.get(words.get(j)).bare();
    boolean copula = COPULAS.contains(w) || w.equals("be");
    boolean deniedCopula = COPULAR_NEGATIONS.contains(w);
    if (copula || deniedCopula) {
      boolean denied = deniedCopula;
      for (int k = j + 1; k < words.size() && k <= j + 4; k++) {
        String next = tokens.get(words.get(k)).bare();
        if (DENIALS.contains(next)) {
          denied = true;
        } else if (CONDEMNATIONS.contains(next)) {
          return k;
        } else if (denied && DENIED_APPROVALS.contains(next)) {
          return k;
        } else if (!JUDGMENT_MODIFIERS.contains(next)) {
          return -1;
        }
      }
      return -1;
    }
    if ((w.equals("has") || w.equals("have")) && j + 2 < words.size()
        && tokens.get(words.get(j + 1)).bare().equals("no")
        && tokens.get(words.get(j + 2)).bare().equals("place")) {
      return 0;
    }
    if (AUXILIARIES.contains(w)) {
      int k = j + 1;
      boolean denied = w.endsWith("nt");
      if (k < words.size() && DENIALS.contains(tokens.get(words.get(k)).bare())) {
        denied = true;
        k++;
      }
      if (denied && k < words.size()) {
        String verb = tokens.get(words.get(k)).bare();
        String stem = verb.endsWith("s") ? verb.substring(0, verb.length() - 1) : verb;
        if (FUTILE_VERBS.contains(verb) || FUTILE_VERBS.contains(stem)) {
          return 0;
        }
      }
    }
    return -1;
  }

  private static void mark(String[] replacement, List<Integer> positions, String marker) {
    boolean first = true;
    for (int position : positions) {
      replacement[position] = first ? marker : "";
      first = false;
    }
  }

  /**
   * "Nobody here is an idiot", "no one is stupid for asking": what follows the copula is denied
   * of everyone. Only with a copula within three words; "nobody cares, you idiot" keeps its
   * insult.
   */
  private static void markNobody(List<Token> tokens, String[] replacement, int cue) {
    int k = cue;
    for (int seen = 0; seen < 3; seen++) {
      k = nextWord(tokens, k);
      if (k < 0) {
        return;
      }
      if (COPULAS.contains(tokens.get(k).bare())) {
        int first = nextWord(tokens, k);
        if (first >= 0 && replacement[first] == null) {
          markScope(tokens, replacement, first, NEGATION_SCOPE, "negated", false);
        }
        return;
      }
    }
  }

  /**
   * Whether the noun at {@code noun} is what people are said to be: a copula before it, with at
   * most {@link #LIKENING_SCOPE} likening words between ("are just animals", "are no better than
   * rats"), and people before the copula ("immigrants are", "these people are", "they're").
   * Denied, reported or condemned words were marked before and are not looked at again.
   */
  private static boolean saidOf(List<Token> tokens, String[] replacement, int noun,
      boolean groupsOnly) {
    int k = noun;
    for (int between = 0; between <= LIKENING_SCOPE; between++) {
      k = previousWord(tokens, k);
      if (k < 0 || replacement[k] != null) {
        return false;
      }
      String w = tokens.get(k).bare();
      if (FUSED_BEING.contains(w)) {
        return !groupsOnly;
      }
      if (BEING.contains(w)) {
        int subject = previousWord(tokens, k);
        if (subject < 0 || replacement[subject] != null) {
          return false;
        }
        String s = tokens.get(subject).bare();
        int before = previousWord(tokens, subject);
        if (groupsOnly) {
          return ToxicityCorpus.GROUP_NOUNS.contains(s) || ORIGIN_NOUNS.contains(s)
              || (PERSON_NOUNS.contains(s) && before >= 0
                  && ToxicityCorpus.GROUP_ADJECTIVES.contains(tokens.get(before).bare()));
        }
        if (PEOPLE.contains(s)) {
          return true;
        }
        // "these owners are", "those protesters are": a demonstrative before a plural noun.
        return before >= 0 && s.endsWith("s")
            && DEMONSTRATIVES.contains(tokens.get(before).bare());
      }
      if (!LIKENING.contains(w)) {
        return false;
      }
    }
    return false;
  }

  /**
   * "Refugees are treated like animals", "they were herded like cattle": a passive treatment verb
   * with "like" or "as" (and an article) before the noun reports what is done to people. The verb,
   * the likening word and the noun become {@code mistreated}; "should be treated like animals"
   * has "be" before the verb and is left alone.
   */
  private static boolean reportedTreatment(List<Token> tokens, String[] replacement, int noun) {
    int k = previousWord(tokens, noun);
    if (k >= 0 && (tokens.get(k).bare().equals("a") || tokens.get(k).bare().equals("an"))) {
      k = previousWord(tokens, k);
    }
    if (k < 0 || !(tokens.get(k).bare().equals("like") || tokens.get(k).bare().equals("as"))) {
      return false;
    }
    int verb = previousWord(tokens, k);
    if (verb < 0 || !TREATMENT.contains(tokens.get(verb).bare())) {
      return false;
    }
    int auxiliary = previousWord(tokens, verb);
    if (auxiliary < 0 || !PASSIVE.contains(tokens.get(auxiliary).bare())) {
      return false;
    }
    for (int i = verb; i <= noun; i++) {
      if (tokens.get(i).word && replacement[i] != null) {
        return false;
      }
    }
    for (int i = verb; i <= noun; i++) {
      if (tokens.get(i).word) {
        replacement[i] = i == verb ? "mistreated" : "";
      }
    }
    return true;
  }

  /** "Deserve equal rights", "deserves a second chance", "deserve to be treated with respect". */
  private static boolean deservesGood(List<Token> tokens, int verb) {
    int k = verb;
    for (int seen = 0; seen < 5; seen++) {
      k = nextWord(tokens, k);
      if (k < 0) {
        return false;
      }
      String w = tokens.get(k).bare();
      if (DESERVED_GOODS.contains(w)) {
        return true;
      }
      if (!DESERVED_MODIFIERS.contains(w)) {
        return false;
      }
    }
    return false;
  }

  private static int previousWord(List<Token> tokens, int i) {
    return wordInClause(tokens, i, -1);
  }

  private static String next(List<Token> tokens, int i) {
    int k = nextWord(tokens, i);
    return k < 0 ? "" : tokens.get(k).bare();
  }

  /** "Kill the bill": a thing's killing is figurative; the verb becomes {@code stop}. */
  private static void markFigurativeKilling(List<Token> tokens, String[] replacement, int verb) {
    int object = nextWord(tokens, verb);
    if (object >= 0 && DETERMINERS.contains(tokens.get(object).bare())) {
      object = nextWord(tokens, object);
    }
    if (object >= 0 && FIGURATIVE_OBJECTS.contains(tokens.get(object).bare())) {
      replacement[verb] = "stop";
    }
  }

  private static boolean endsSentence(Token t) {
    return !t.word && (t.text.equals(".") || t.text.equals("!") || t.text.equals("?")
        || t.text.equals(";") || t.text.equals("\n"));
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
        if (count != length || !closes) {
          continue;
        }
        String exclamation = phrase.toString();
        int next = end + 1 < tokens.size() && tokens.get(end + 1).word ? end + 1 : -1;
        String marker = next >= 0 && FIRST_PERSON.contains(tokens.get(next).bare())
            && DISMAY.contains(exclamation) ? "oops"
            : EXCLAMATIONS.contains(exclamation) ? "wow" : null;
        if (marker != null) {
          for (int k = i; k < end; k++) {
            replacement[k] = k == i ? marker : "";
          }
          break;
        }
      }
    }
  }

  private static int nextWord(List<Token> tokens, int i) {
    return wordInClause(tokens, i, 1);
  }

  /** The nearest word before ({@code step} -1) or after (1) token {@code i} in its clause, or -1. */
  private static int wordInClause(List<Token> tokens, int i, int step) {
    for (int k = i + step; k >= 0 && k < tokens.size(); k += step) {
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
