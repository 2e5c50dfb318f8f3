package org.moderato.events;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/**
 * Announces queue changes to whoever listens on this instance (the moderators' live streams).
 * Local to one instance: other instances' consoles learn of a change when they next load the
 * queue. Messages are JSON objects with a {@code type} of {@code held} or {@code decided}.
 */
public final class CommentEvents {

  private static final String ADDRESS = "moderato.queue";

  private final Vertx vertx;

  public CommentEvents(Vertx vertx) {
    this.vertx = vertx;
  }

  /** A comment entered the queue; {@code item} is its moderator view. */
  public void held(JsonObject item) {
    vertx.eventBus().publish(ADDRESS, new JsonObject().put("type", "held").put("item", item));
  }

  /** A comment left the queue or changed status by a decision. */
  public void decided(String id, String status, long version, String moderator) {
    vertx.eventBus().publish(ADDRESS, new JsonObject().put("type", "decided")
        .put("item", new JsonObject().put("id", id).put("status", status)
            .put("version", version).put("moderator", moderator)));
  }

  /** Subscribes; unregister the returned consumer when the listener goes away. */
  public MessageConsumer<JsonObject> listen(Consumer<JsonObject> listener) {
    return vertx.eventBus().<JsonObject>localConsumer(ADDRESS, m -> listener.accept(m.body()));
  }
}
