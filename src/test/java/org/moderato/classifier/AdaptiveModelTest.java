package org.moderato.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveModelTest {

  private static final LogisticModel BASE = ToyData.model();
  private static final String CAMPAIGN = "great deals on garden furniture at gardenbargains";

  /** A clock the test moves by hand. */
  private static final class ManualClock implements InstantSource {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();

  @Test
  void spamDecisionsRaiseTheScoreOfTheTextTheyWereAbout() {
    AdaptiveModel model = new AdaptiveModel(BASE, OnlineGuard.DEFAULTS, clock);
    double before = model.score(CAMPAIGN);
    for (int i = 0; i < 3; i++) {
      assertThat(model.learn("mod-" + i, CAMPAIGN, true).status())
          .isEqualTo(LearnOutcome.Status.APPLIED);
    }
    assertThat(model.score(CAMPAIGN)).isGreaterThan(before + 0.3);
    assertThat(model.score("great deals on garden furniture")).isGreaterThan(
        new AdaptiveModel(BASE).score("great deals on garden furniture"));
  }

  @Test
  void approvalsLowerTheScoreOfAFalseAlarm() {
    AdaptiveModel model = new AdaptiveModel(BASE, OnlineGuard.DEFAULTS, clock);
    String text = "please share this petition about the park";
    double before = model.score(text);
    model.learn("a", text, false);
    model.learn("b", text, false);
    assertThat(model.score(text)).isLessThan(before);
  }

  @Test
  void resetRestoresTheShippedModelExactly() {
    AdaptiveModel model = new AdaptiveModel(BASE, OnlineGuard.DEFAULTS, clock);
    model.learn("a", CAMPAIGN, true);
    assertThat(model.deltaNorm()).isPositive();
    model.reset();
    assertThat(model.deltaNorm()).isZero();
    for (String probe : List.of(CAMPAIGN, "subscribe to my channel", "the council voted")) {
      assertThat(model.score(probe)).isEqualTo(BASE.score(probe));
    }
  }

  @Test
  void oneModeratorsBurstIsCutOffAtTheBudgetAndBounded() {
    OnlineGuard guard = OnlineGuard.DEFAULTS;
    AdaptiveModel model = new AdaptiveModel(BASE, guard, clock);
    String ordinary = "the bridge repairs will take two more years";
    double ordinaryBefore = model.score(ordinary);
    int applied = 0;
    int limited = 0;
    for (int i = 0; i < 500; i++) {
      LearnOutcome outcome = model.learn("mallory", ordinary + " " + i, true);
      applied += outcome.status() == LearnOutcome.Status.APPLIED ? 1 : 0;
      limited += outcome.status() == LearnOutcome.Status.RATE_LIMITED ? 1 : 0;
    }
    assertThat(applied).isEqualTo(guard.burst());
    assertThat(limited).isEqualTo(500 - guard.burst());
    assertThat(model.deltaNorm()).isLessThanOrEqualTo(guard.maxDeltaNorm() + 1e-6);
    double bound = guard.maxDeltaNorm()
        * BASE.extractor().extract(ordinary).norm();
    assertThat(Math.abs(logit(model.score(ordinary)) - logit(ordinaryBefore)))
        .isLessThanOrEqualTo(bound + 1e-6);
  }

  @Test
  void theDeltaNormNeverExceedsTheGuardEvenWithManyModerators() {
    OnlineGuard guard = new OnlineGuard(5, 1, 1.5, 1.0, 10, Duration.ofHours(1), 50_000, 10_000);
    AdaptiveModel model = new AdaptiveModel(BASE, guard, clock);
    for (int i = 0; i < 200; i++) {
      model.learn("mod-" + i, "the market prices went up " + i, true);
    }
    assertThat(model.deltaNorm()).isLessThanOrEqualTo(1.0 + 1e-6);
  }

  @Test
  void aModeratorsBudgetRefillsWithTime() {
    OnlineGuard guard = new OnlineGuard(0.5, 0.25, 1.5, 3, 2, Duration.ofMinutes(10), 50_000, 100);
    AdaptiveModel model = new AdaptiveModel(BASE, guard, clock);
    assertThat(model.learn("m", "cheap watches 1", true).status())
        .isEqualTo(LearnOutcome.Status.APPLIED);
    assertThat(model.learn("m", "cheap watches 2", true).status())
        .isEqualTo(LearnOutcome.Status.APPLIED);
    assertThat(model.learn("m", "cheap watches 3", true).status())
        .isEqualTo(LearnOutcome.Status.RATE_LIMITED);
    clock.now = clock.now.plus(Duration.ofMinutes(5));
    assertThat(model.learn("m", "cheap watches 4", true).status())
        .isEqualTo(LearnOutcome.Status.APPLIED);
  }

  @Test
  void aDecisionTheModelAlreadyAgreesWithChangesNothingAndCostsNoBudget() {
    OnlineGuard guard = new OnlineGuard(0.5, 0.25, 1.5, 3, 1, Duration.ofHours(1), 50_000, 100);
    AdaptiveModel model = new AdaptiveModel(BASE, guard, clock);
    String obvious = "subscribe to my channel for free games";
    assertThat(model.score(obvious)).isGreaterThan(0.99);
    LearnOutcome outcome = model.learn("m", obvious, true);
    assertThat(outcome.status()).isEqualTo(LearnOutcome.Status.ALREADY_AGREES);
    assertThat(outcome.after()).isEqualTo(outcome.before());
    assertThat(model.deltaNorm()).isZero();
    assertThat(model.learn("m", obvious, false).status()).isEqualTo(LearnOutcome.Status.APPLIED);
  }

  @Test
  void anExportedDeltaRestoresTheSameScores() {
    AdaptiveModel model = new AdaptiveModel(BASE, OnlineGuard.DEFAULTS, clock);
    model.learn("a", CAMPAIGN, true);
    model.learn("b", "please share this petition", false);
    byte[] stored = model.exportDelta();
    AdaptiveModel restored = new AdaptiveModel(BASE, OnlineGuard.DEFAULTS, clock);
    assertThat(restored.importDelta(stored)).isTrue();
    assertThat(restored.score(CAMPAIGN)).isEqualTo(model.score(CAMPAIGN));
    assertThat(restored.deltaSize()).isEqualTo(model.deltaSize());
  }

  @Test
  void aDeltaLearnedOnAnotherModelIsNotApplied() {
    AdaptiveModel model = new AdaptiveModel(BASE, OnlineGuard.DEFAULTS, clock);
    model.learn("a", CAMPAIGN, true);
    AdaptiveModel retrained = new AdaptiveModel(BASE.withBiasShift(0.1, "retrained"),
        OnlineGuard.DEFAULTS, clock);
    assertThat(retrained.importDelta(model.exportDelta())).isFalse();
    assertThat(retrained.deltaNorm()).isZero();
  }

  @Test
  void explanationsIncludeWhatModeratorsTaught() {
    AdaptiveModel model = new AdaptiveModel(BASE, OnlineGuard.DEFAULTS, clock);
    for (int i = 0; i < 5; i++) {
      model.learn("m" + i, "gardenbargains", true);
    }
    assertThat(model.explain("gardenbargains", 1).get(0).feature())
        .isEqualTo("word \"gardenbargains\"");
    assertThat(model.explain("gardenbargains", 1).get(0).logit()).isPositive();
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
