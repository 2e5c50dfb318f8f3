package org.moderato.classifier;

import java.util.ArrayList;
import java.util.List;

/** A small, hand-written training set for fast tests: spam offers against ordinary remarks. */
final class ToyData {

  static final FeatureSpec SPEC = FeatureSpec.DEFAULTS.withHashBits(14);

  private static final String[] SPAM = {
    "check out my channel and subscribe", "subscribe to my channel for free games",
    "visit my website for cheap watches", "earn money from home, click here",
    "free gift cards at giftfree.com", "follow me on instagram for followers",
    "make money fast, message me on whatsapp", "cheap pills online, order now",
    "please like and share my new video", "win a free iphone, sign up now",
  };
  private static final String[] HAM = {
    "the council voted against the new budget", "i disagree with the writer about taxes",
    "this song reminds me of summer", "great reporting, thank you for the detail",
    "the bridge repairs will take two more years", "my daughter loves this park",
    "the mayor should answer these questions", "what a match last night",
    "prices at the market went up again", "the article misses the point about schools",
  };

  private ToyData() {}

  static List<Example> examples() {
    List<Example> out = new ArrayList<>();
    for (String s : SPAM) {
      out.add(new Example(s, true));
    }
    for (String h : HAM) {
      out.add(new Example(h, false));
    }
    return out;
  }

  static LogisticModel model() {
    return Trainer.train("toy", "toy data", examples(), SPEC, TrainingConfig.DEFAULTS);
  }
}
