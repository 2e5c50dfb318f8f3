package org.moderato.filtering.rules;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.moderato.filtering.Action;
import org.moderato.filtering.Candidate;
import org.moderato.filtering.CommentFilter;
import org.moderato.filtering.FilterResult;
import org.moderato.filtering.Reason;
import org.moderato.filtering.text.EvasionFolding;

/**
 * Configured word lists: a blocked word rejects the comment ({@code blocked-word}), a suspect word
 * holds it ({@code suspect-word}). Entries match whole words, case-insensitively, after the same
 * anti-evasion folding the models use, so {@code Ｓ.Ｐ.Ａ.Ｍ} or {@code sp4m} match "spam" but
 * "spammer" does not; an entry of several words matches them in sequence. The name is checked
 * too: spammers put their message there as well.
 */
public final class WordListFilter implements CommentFilter {

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final List<List<String>> blocked;
  private final List<List<String>> suspect;

  public WordListFilter(Collection<String> blockedWords, Collection<String> suspectWords) {
    this.blocked = phrases(blockedWords);
    this.suspect = phrases(suspectWords);
  }

  @Override
  public String name() {
    return "word-list";
  }

  @Override
  public Future<FilterResult> evaluate(Candidate candidate) {
    List<String> words = words(candidate.name() + "\n" + candidate.text());
    String hit = firstMatch(blocked, words);
    if (hit != null) {
      return Future.succeededFuture(
          FilterResult.of(Action.REJECT, Reason.toxicity("blocked-word", 1, hit)));
    }
    hit = firstMatch(suspect, words);
    if (hit != null) {
      return Future.succeededFuture(
          FilterResult.of(Action.HOLD, Reason.toxicity("suspect-word", 0.5, hit)));
    }
    return Future.succeededFuture(FilterResult.CLEAN);
  }

  private static List<List<String>> phrases(Collection<String> entries) {
    List<List<String>> out = new ArrayList<>();
    for (String entry : entries) {
      List<String> phrase = words(entry);
      if (!phrase.isEmpty()) {
        out.add(phrase);
      }
    }
    return List.copyOf(out);
  }

  private static List<String> words(String text) {
    String folded = EvasionFolding.fold(text);
    return Arrays.stream(NOT_WORD.split(folded)).filter(w -> !w.isEmpty()).toList();
  }

  private static String firstMatch(List<List<String>> phrases, List<String> words) {
    for (List<String> phrase : phrases) {
      for (int i = 0; i + phrase.size() <= words.size(); i++) {
        if (words.subList(i, i + phrase.size()).equals(phrase)) {
          return String.join(" ", phrase);
        }
      }
    }
    return null;
  }
}
