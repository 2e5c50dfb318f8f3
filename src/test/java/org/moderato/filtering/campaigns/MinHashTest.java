package org.moderato.filtering.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MinHashTest {

  private static int[] sig(String text) {
    return MinHash.signature(MinHash.words(text));
  }

  @Test
  void lightlyVariedCampaignMessagesAreSimilarAndShareABand() {
    int[] a = sig("Earn 500 dollars a day working from home, visit my profile to learn how amy");
    int[] b = sig("EARN 500 dollars a day w0rking from home!! visit my profile to learn how ben");
    assertThat(MinHash.similarity(a, b)).isGreaterThanOrEqualTo(CampaignFilter.MIN_SIMILARITY);
    List<String> shared = new java.util.ArrayList<>(MinHash.bands(a));
    shared.retainAll(MinHash.bands(b));
    assertThat(shared).isNotEmpty();
  }

  @Test
  void unrelatedCommentsAreNotSimilar() {
    int[] a = sig("The council should publish the budget before the vote, not after it.");
    int[] b = sig("I loved the photos of the harbour festival, thanks to the reporter.");
    assertThat(MinHash.similarity(a, b)).isLessThan(0.2);
  }

  @Test
  void signaturesSurviveEncoding() {
    int[] a = sig("one two three four five six seven");
    assertThat(MinHash.decode(MinHash.encode(a))).containsExactly(a);
    assertThat(MinHash.decode("zz")).isNull();
  }
}
