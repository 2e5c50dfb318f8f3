package org.moderato.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.moderato.config.ModeratoConfig;
import org.moderato.events.CommentEvents;
import org.moderato.filtering.bots.FormTokens;
import org.moderato.filtering.lists.SiteLists;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.moderato.metrics.ModeratoMetrics;
import org.moderato.moderation.AuthorData;
import org.moderato.moderation.LearningListener;
import org.moderato.moderation.ModerationService;
import org.moderato.moderation.ModeratorAdmin;
import org.moderato.moderation.ModeratorAuth;
import org.moderato.submission.CommentInput;
import org.moderato.submission.SubmissionService;
import org.moderato.threads.ThreadService;

/** The router: every path of the public contract and its extensions, and the pages. */
public final class HttpApi {

  private HttpApi() {}

  /** What the routes need, built by {@code app} in start-up order. */
  public record Services(
      SubmissionService submissions,
      ThreadService threads,
      ModerationService moderation,
      ModeratorAuth auth,
      CommentEvents events,
      Supplier<Future<Void>> storagePing,
      byte[] clientKeySecret,
      FormTokens formTokens,
      SiteLists lists,
      ModeratorAdmin admin,
      ModeratoMetrics metrics,
      LearningListener learning,
      AuthorData authors,
      Clock clock) {}

  /**
   * Creates this event loop's HTTP server with the router and the instance's
   * {@link ConnectionGuard}, and listens on {@code port}. Call it from a verticle's start: the
   * server, its connections and the guard's sweep timer belong to that verticle's event loop.
   */
  public static Future<HttpServer> listen(Vertx vertx, ModeratoConfig config, Services services,
      int port) {
    ModeratoConfig.Http http = config.http();
    Router router = router(vertx, config, services);
    HttpServer server = vertx.createHttpServer(serverOptions(http, port));
    ConnectionGuard guard = ConnectionGuard.of(vertx, http, services.metrics().registry());
    return server.requestHandler(guard.install(vertx, server, router)).listen();
  }

  /**
   * The listener's options. HTTP/2 cleartext (h2c) is off: with it on, Vert.x reads the first
   * bytes of a connection before it reports the connection, so the {@link ConnectionGuard} could
   * neither count nor time out a client that connects and stays silent. Behind a proxy, and for
   * browsers (which speak HTTP/2 only over TLS), HTTP/1.1 is what arrives anyway.
   */
  static HttpServerOptions serverOptions(ModeratoConfig.Http http, int port) {
    return new HttpServerOptions()
        .setHost(http.host())
        .setPort(port)
        .setIdleTimeout((int) http.idleTimeout().toSeconds())
        .setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setMaxHeaderSize(16 * 1024)
        .setMaxInitialLineLength(8 * 1024)
        .setMaxFormAttributeSize(http.bodyLimitBytes())
        .setHttp2ClearTextEnabled(false)
        .setTcpNoDelay(true);
  }

  public static Router router(Vertx vertx, ModeratoConfig config, Services services) {
    ModeratoConfig.Http http = config.http();
    Router router = Router.router(vertx);
    ClientKeys clientKeys = new ClientKeys(services.clientKeySecret(), http.trustedProxies(),
        services.clock());
    CommentHandlers comments = new CommentHandlers(services.submissions(), services.threads(),
        clientKeys, services.formTokens(),
        new CommentInput.Limits(config.comments().nameMaxLength(),
            config.comments().commentMaxLength()),
        http.corsOrigins());
    ModerationHandlers moderation = new ModerationHandlers(vertx, services.moderation(),
        services.auth(), services.events(), clientKeys);
    AdminHandlers admin = new AdminHandlers(services.admin(), services.lists(),
        services.learning(), services.authors());
    HealthHandler health = new HealthHandler(services.storagePing());
    Pages pages = new Pages(http.frameAncestors(), services.formTokens());

    router.route().handler(RequestIds::assign);
    router.route().handler(ctx -> {
      ctx.response().putHeader("X-Content-Type-Options", "nosniff");
      ctx.next();
    });
    TimeoutHandler timeout = TimeoutHandler.create(http.requestTimeout().toMillis(), 503);
    router.route().handler(ctx -> {
      if (ctx.request().path().equals("/api/v1/moderation/events")) {
        ctx.next();
      } else {
        timeout.handle(ctx);
      }
    });
    if (!http.corsOrigins().isEmpty()) {
      CorsHandler cors = CorsHandler.create()
          .addOrigins(http.corsOrigins())
          .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PATCH,
              HttpMethod.DELETE, HttpMethod.OPTIONS))
          .allowedHeaders(Set.of("Content-Type", "Accept", "X-Edit-Token", "X-Request-Id"))
          .exposedHeaders(Set.of("ETag", "Retry-After", "X-Request-Id", "Location"))
          .maxAgeSeconds(600);
      router.route("/api/v1/articles/*").handler(cors);
      router.route("/api/v1/comments/*").handler(cors);
      router.route("/api/v1/counts").handler(cors);
    }
    router.route("/api/*").method(HttpMethod.POST).method(HttpMethod.PATCH)
        .method(HttpMethod.PUT)
        .handler(BodyHandler.create(false).setBodyLimit(http.bodyLimitBytes()));

    router.post("/api/v1/articles/:articleId/comments").handler(comments::submit);
    router.get("/api/v1/articles/:articleId/comments").method(HttpMethod.HEAD)
        .handler(comments::thread);
    router.get("/api/v1/articles/:articleId/form").handler(comments::form);
    router.patch("/api/v1/comments/:id").handler(comments::edit);
    router.delete("/api/v1/comments/:id").handler(comments::delete);
    router.get("/api/v1/counts").method(HttpMethod.HEAD).handler(comments::counts);

    router.route("/api/v1/moderation/*").handler(moderation::authenticate);
    router.get("/api/v1/moderation/me").handler(moderation::me);
    router.get("/api/v1/moderation/queue").handler(moderation::queue);
    router.post("/api/v1/moderation/comments/:id/decision").handler(moderation::decide);
    router.post("/api/v1/moderation/decisions").handler(moderation::decideAll);
    router.post("/api/v1/moderation/check").handler(moderation::check);
    router.get("/api/v1/moderation/log").handler(moderation::log);
    router.get("/api/v1/moderation/events").handler(moderation::stream);
    router.put("/api/v1/moderation/articles/:articleId").handler(moderation::closeArticle);
    router.get("/api/v1/moderation/lists").handler(admin::lists);
    router.post("/api/v1/moderation/moderators").handler(admin::createModerator);
    router.post("/api/v1/moderation/models/:name/reset").handler(admin::resetModel);
    router.post("/api/v1/moderation/authors/export").handler(admin::exportAuthor);
    router.post("/api/v1/moderation/authors/erase").handler(admin::eraseAuthor);
    router.get("/api/v1/moderation/moderators").handler(admin::listModerators);
    router.delete("/api/v1/moderation/moderators/:id").handler(admin::revokeModerator);
    router.put("/api/v1/moderation/lists/:name").handler(admin::putList);

    router.get("/health").method(HttpMethod.HEAD).handler(health::handle);
    // Prometheus format. Expose it to your monitoring only (block /metrics at the proxy).
    // The queue gauges are read from storage for each scrape; if storage is down, the last values.
    router.get("/metrics").handler(ctx -> services.moderation().refreshQueueMetrics()
        .onComplete(done -> ctx.next()));
    router.get("/metrics").handler(PrometheusScrapingHandler.create(
        (io.micrometer.prometheusmetrics.PrometheusMeterRegistry) services.metrics().registry()));

    router.route("/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(pages::secure);
    router.get("/").handler(pages::article);
    router.get("/moderate").handler(pages::console);
    router.route("/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> {
      // Public scripts and styles: a news site's pages on another origin may load them.
      ctx.response().putHeader("Access-Control-Allow-Origin", "*");
      ctx.next();
    });
    router.route("/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(
        StaticHandler.create("webroot").setCachingEnabled(true).setMaxAgeSeconds(300)
            .setDirectoryListing(false).setIncludeHidden(false));

    router.route().failureHandler(Problems::handle);
    for (int status : new int[] {400, 401, 404, 405, 413, 415, 431, 500, 503}) {
      router.errorHandler(status, Problems::handle);
    }
    return router;
  }
}
