package org.moderato.http;

import static org.moderato.http.ModerationHandlers.body;
import static org.moderato.http.Responses.json;
import static org.moderato.http.ModerationHandlers.moderator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.moderato.domain.Problem;
import org.moderato.filtering.lists.SiteLists;
import org.moderato.moderation.AuthorData;
import org.moderato.moderation.LearningListener;
import org.moderato.moderation.ModeratorAdmin;
import org.moderato.moderation.ModeratorAuth;
import org.moderato.moderation.QueueJson;

/**
 * Admins' endpoints: moderators, the site's lists, learned models and authors' data. Each checks
 * the admin role itself; {@link ModerationHandlers#authenticate} has run before.
 */
final class AdminHandlers {

  private final ModeratorAdmin admin;
  private final SiteLists lists;
  private final LearningListener learning;
  private final AuthorData authors;

  AdminHandlers(ModeratorAdmin admin, SiteLists lists, LearningListener learning,
      AuthorData authors) {
    this.admin = admin;
    this.lists = lists;
    this.learning = learning;
    this.authors = authors;
  }

  /** Everything stored about one author (admin): by email, client hash or edit token. */
  void exportAuthor(RoutingContext ctx) {
    JsonObject body = body(ctx);
    ModeratorAuth.requireAdmin(moderator(ctx))
        .compose(a -> authors.export(text(body, "email"), text(body, "clientKey"),
            text(body, "editToken")))
        .onSuccess(found -> {
          JsonArray items = new JsonArray();
          found.forEach(c -> items.add(QueueJson.item(c).put("clientKey", c.clientKey())));
          json(ctx, 200, new JsonObject().put("items", items));
        })
        .onFailure(ctx::fail);
  }

  /** Erases everything stored about one author (admin); comments stay as placeholders. */
  void eraseAuthor(RoutingContext ctx) {
    JsonObject body = body(ctx);
    ModeratorAuth.requireAdmin(moderator(ctx))
        .compose(a -> authors.erase(text(body, "email"), text(body, "clientKey"),
            text(body, "editToken")))
        .onSuccess(count -> json(ctx, 200, new JsonObject().put("erased", count)))
        .onFailure(ctx::fail);
  }

  private static String text(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s) || s.isBlank() || s.length() > 500) {
      throw Problem.invalid(field, "must be a non-empty string");
    }
    return s;
  }

  /** Forgets what a model learned from this site's moderators: back to the shipped model. */
  void resetModel(RoutingContext ctx) {
    ModeratorAuth.requireAdmin(moderator(ctx))
        .compose(a -> learning.reset(ctx.pathParam("name")))
        .onSuccess(v -> json(ctx, 200, new JsonObject().put("model", ctx.pathParam("name"))
            .put("reset", true)))
        .onFailure(ctx::fail);
  }

  void createModerator(RoutingContext ctx) {
    JsonObject body = body(ctx);
    Object name = body.getValue("name");
    Object role = body.getValue("role");
    if (!(name instanceof String) || role != null && !(role instanceof String)) {
      throw Problem.invalid(name instanceof String ? "role" : "name", "must be a string");
    }
    ModeratorAuth.requireAdmin(moderator(ctx))
        .compose(a -> admin.create((String) name, (String) role))
        .onSuccess(created -> json(ctx, 201, QueueJson.moderator(created.moderator())
            .put("token", created.token())))
        .onFailure(ctx::fail);
  }

  void listModerators(RoutingContext ctx) {
    ModeratorAuth.requireAdmin(moderator(ctx)).compose(a -> admin.list()).onSuccess(all -> {
      JsonArray items = new JsonArray();
      all.forEach(m -> items.add(QueueJson.moderator(m)));
      json(ctx, 200, new JsonObject().put("items", items));
    }).onFailure(ctx::fail);
  }

  void revokeModerator(RoutingContext ctx) {
    ModeratorAuth.requireAdmin(moderator(ctx))
        .compose(a -> admin.revoke(ctx.pathParam("id")))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  void lists(RoutingContext ctx) {
    lists.snapshot().onSuccess(snapshot -> {
      JsonObject body = new JsonObject();
      SiteLists.NAMES.keySet().stream().sorted().forEach(name -> body.put(name, new JsonObject()
          .put("description", SiteLists.NAMES.get(name))
          .put("entries", new JsonArray(snapshot.get(name).stream().sorted().toList()))));
      json(ctx, 200, body);
    }).onFailure(ctx::fail);
  }

  void putList(RoutingContext ctx) {
    JsonObject body = body(ctx);
    if (!(body.getValue("entries") instanceof JsonArray entries)) {
      throw Problem.invalid("entries", "must be a list of strings");
    }
    ModeratorAuth.requireAdmin(moderator(ctx))
        .compose(admin -> lists.put(ctx.pathParam("name"), entries.getList()))
        .onSuccess(saved -> json(ctx, 200, new JsonObject().put("name", ctx.pathParam("name"))
            .put("entries", new JsonArray(saved.stream().sorted().toList()))))
        .onFailure(ctx::fail);
  }
}
