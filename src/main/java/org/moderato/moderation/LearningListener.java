package org.moderato.moderation;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.moderato.domain.Comment;
import org.moderato.domain.ModerationAction;
import org.moderato.domain.Moderator;
import org.moderato.domain.Problem;
import org.moderato.storage.ModelStateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teaches the learned filters from moderators' decisions and keeps what they learned in MongoDB.
 * Each decision is learned at once on the instance that took it and saved (saves of one model are
 * coalesced: one at a time, the next covering every decision since); every instance reloads
 * a newer saved state every {@link #RELOAD}, so a site's filter adapts within a minute everywhere.
 * Two instances learning at the same moment both save; the later save wins (the other's lesson is
 * kept locally until the next reload), which the guard's small steps make harmless.
 */
public final class LearningListener implements DecisionListener {

  static final Duration RELOAD = Duration.ofSeconds(60);
  private static final Logger LOG = LoggerFactory.getLogger(LearningListener.class);

  private final Map<String, Learner> learners = new HashMap<>();
  private final Map<String, Long> versions = new ConcurrentHashMap<>();
  /** Models with a save under way, and models learned from again since it started. */
  private final Set<String> saving = new HashSet<>();
  private final Set<String> pending = new HashSet<>();
  private final ModelStateRepository states;

  public LearningListener(List<Learner> learners, ModelStateRepository states) {
    learners.forEach(l -> this.learners.put(l.name(), l));
    this.states = states;
  }

  /** Loads the stored states, then keeps reloading newer ones. */
  public Future<Void> start(Vertx vertx) {
    vertx.setPeriodic(RELOAD.toMillis(), id -> reload());
    return reload();
  }

  private Future<Void> reload() {
    return Future.all(learners.values().stream().map(l -> states.load(l.name()).map(found -> {
      found.ifPresent(state -> {
        long known = versions.getOrDefault(l.name(), -1L);
        if (state.version() > known) {
          if (!l.importState(state.delta())) {
            LOG.warn("Stored state of model {} does not fit the shipped model; ignoring it",
                l.name());
          }
          versions.put(l.name(), state.version());
        }
      });
      return null;
    })).toList()).<Void>mapEmpty().recover(e -> {
      LOG.warn("Could not load learned model states: {}", e.getMessage());
      return Future.succeededFuture();
    });
  }

  @Override
  public void decided(Comment before, Comment after, ModerationAction action, String reason,
      Moderator moderator) {
    for (Learner learner : learners.values()) {
      Boolean label = learner.label(action, reason);
      if (label == null || before.text().isEmpty()) {
        continue;
      }
      if (learner.learn(moderator.id(), before.text(), label)) {
        save(learner);
      }
    }
  }

  /**
   * Saves a learner's state, at most one save per model at a time: decisions arriving while one
   * is under way are covered by a single save after it, so a burst of decisions costs a few
   * writes of the (possibly large) state, not one each.
   */
  private void save(Learner learner) {
    String name = learner.name();
    synchronized (this) {
      if (!saving.add(name)) {
        pending.add(name);
        return;
      }
    }
    states.save(name, learner.exportState())
        .onSuccess(version -> versions.merge(name, version, Math::max))
        .onFailure(e -> LOG.warn("Could not save what model {} learned: {}", name,
            e.getMessage()))
        .onComplete(done -> {
          boolean again;
          synchronized (this) {
            saving.remove(name);
            again = pending.remove(name);
          }
          if (again) {
            save(learner);
          }
        });
  }

  /** Restores a model to its shipped state, here and (through storage) on every instance. */
  public Future<Void> reset(String name) {
    Learner learner = learners.get(name);
    if (learner == null) {
      return Future.failedFuture(Problem.notFound("No learned model named " + name
          + "; models are " + learners.keySet() + "."));
    }
    learner.reset();
    return states.save(name, learner.exportState())
        .onSuccess(version -> versions.merge(name, version, Math::max)).mapEmpty();
  }

  /** The models that learn, by name. */
  public Optional<Learner> learner(String name) {
    return Optional.ofNullable(learners.get(name));
  }
}
