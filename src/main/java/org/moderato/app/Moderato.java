package org.moderato.app;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.moderato.config.ModeratoConfig;
import org.moderato.events.CommentEvents;
import org.moderato.filtering.FilterPipeline;
import org.moderato.filtering.bots.FormTokens;
import org.moderato.filtering.lists.SiteLists;
import org.moderato.http.HttpApi;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import org.moderato.metrics.ModeratoMetrics;
import org.moderato.classifier.AdaptiveModel;
import org.moderato.classifier.OnlineGuard;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import org.moderato.filtering.spam.SpamModelFilter;
import org.moderato.filtering.toxicity.HttpToxicityModel;
import org.moderato.filtering.toxicity.LocalToxicityModel;
import org.moderato.filtering.toxicity.ToxicityClassifier;
import org.moderato.filtering.toxicity.ToxicityFilter;
import org.moderato.filtering.toxicity.ToxicityModel;
import org.moderato.filtering.toxicity.ToxicityThresholds;
import org.moderato.moderation.AuthorData;
import org.moderato.moderation.LearningListener;
import org.moderato.moderation.ModerationService;
import org.moderato.moderation.ModeratorAdmin;
import org.moderato.moderation.ModeratorAuth;
import org.moderato.moderation.QueueJson;
import org.moderato.paging.CursorCodec;
import org.moderato.storage.embedded.EmbeddedMongo;
import org.moderato.storage.mongo.MongoStorage;
import org.moderato.submission.CounterRepair;
import org.moderato.ratelimit.RateLimiter;
import org.moderato.submission.SubmissionService;
import org.moderato.threads.ThreadService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Moderato: wires everything by hand in start-up order (config, storage and indexes,
 * secrets, caches and services, HTTP) and stops it gracefully in reverse.
 */
public final class Moderato {

  private static final Logger LOG = LoggerFactory.getLogger(Moderato.class);
  private static final Duration SIGNAL_PURGE = Duration.ofMinutes(10);

  private final Vertx vertx;
  private final ModeratoConfig config;
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  private EmbeddedMongo embedded;
  private AdaptiveModel spamModel;
  private ToxicityClassifier toxicityModel;
  private MongoStorage storage;
  private int port;

  private Moderato(Vertx vertx, ModeratoConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  /** Starts with the system clock. */
  public static Future<Moderato> start(ModeratoConfig config) {
    return start(config, Clock.tickMillis(ZoneOffset.UTC), Ticker.systemTicker());
  }

  /**
   * Starts everything and listens; the future completes once requests are accepted. Clock and
   * ticker are injectable so tests can move time without sleeping.
   */
  public static Future<Moderato> start(ModeratoConfig config, Clock clock, Ticker ticker) {
    StartTimeline timeline = new StartTimeline().mark("JVM and config");
    // The store and the models need nothing from Vert.x: they load on threads of their own while
    // Vert.x is built, which is most of a start on a cold JVM.
    Loads loads = Loads.begin(config.storage(), clock, timeline);
    Vertx vertx;
    try {
      vertx = Vertx.builder()
          .with(new VertxOptions()
              .setBlockedThreadCheckInterval(1000)
              .setMaxEventLoopExecuteTime(2)
              .setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS)
              .setMetricsOptions(new MicrometerMetricsOptions()
                  .setEnabled(true)
                  .setJvmMetricsEnabled(true)
                  .setRegistryName("moderato-" + System.identityHashCode(config))
                  .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))))
          .withMetrics(new MicrometerMetricsFactory())
          .build();
    } catch (RuntimeException e) {
      loads.store().thenAccept(store -> {
        if (store != null) {
          store.close();
        }
      });
      throw e;
    }
    timeline.mark("Vert.x");
    Moderato app = new Moderato(vertx, config);
    // The outcome is bound to no context: after a failed start, Vert.x (and its event loops) is
    // closed by the time the failure is reported.
    Promise<Moderato> started = Promise.promise();
    app.boot(clock, ticker, timeline, loads).onComplete(booted -> {
      if (booted.succeeded()) {
        started.complete(app);
        return;
      }
      LOG.error("Moderato failed to start: {}", booted.cause().getMessage());
      app.stop().onComplete(v -> started.fail(booted.cause()));
    });
    return started.future();
  }

  /**
   * The embedded store (when no MongoDB URI is set) and the two models, each loading on a thread
   * of its own from the first moment of the start.
   */
  private record Loads(CompletableFuture<EmbeddedMongo> store,
      CompletableFuture<AdaptiveModel> spam, CompletableFuture<ToxicityClassifier> toxicity) {

    static Loads begin(ModeratoConfig.Storage storage, Clock clock, StartTimeline timeline) {
      ExecutorService threads = Executors.newFixedThreadPool(3, task -> {
        Thread thread = new Thread(task, "moderato-start");
        thread.setDaemon(true);
        return thread;
      });
      try {
        return new Loads(
            storage.embedded()
                ? load(threads, timeline, "embedded store",
                    () -> EmbeddedMongo.start(Path.of(storage.dataDir())))
                : CompletableFuture.completedFuture(null),
            load(threads, timeline, "spam model", () -> new AdaptiveModel(
                SpamModelFilter.loadShippedModel(), OnlineGuard.DEFAULTS, clock)),
            load(threads, timeline, "toxicity model",
                () -> ToxicityClassifier.bundled(OnlineGuard.DEFAULTS, clock)));
      } finally {
        threads.shutdown();
      }
    }

    /** The load as a Vert.x future completing on {@code context}, failed with the loader's own error. */
    static <T> Future<T> on(Context context, CompletableFuture<T> load) {
      return Future.fromCompletionStage(load, context).recover(e -> Future.failedFuture(
          e instanceof CompletionException && e.getCause() != null ? e.getCause() : e));
    }

    private static <T> CompletableFuture<T> load(ExecutorService threads,
        StartTimeline timeline, String step, Callable<T> loader) {
      return CompletableFuture.supplyAsync(() -> {
        try {
          T loaded = loader.call();
          timeline.mark(step);
          return loaded;
        } catch (Exception e) {
          throw new CompletionException(e);
        }
      }, threads);
    }
  }

  private Future<Void> boot(Clock clock, Ticker ticker, StartTimeline timeline, Loads loads) {
    ModeratoConfig.Storage storageConfig = config.storage();
    boolean useEmbedded = storageConfig.embedded();
    Context context = vertx.getOrCreateContext();
    Future<String> connection = Loads.on(context, loads.store()).map(store -> {
      if (store == null) {
        return storageConfig.mongoUri();
      }
      embedded = store;
      return store.connectionString();
    });
    // A model that fails to load fails the start once the store is open, so the stop closes it.
    return connection
        .compose(cs -> MongoStorage.connect(vertx, storageConfig, cs, useEmbedded))
        .onSuccess(s -> timeline.mark("storage and indexes"))
        .compose(s -> Future.all(Loads.on(context, loads.spam()),
            Loads.on(context, loads.toxicity())).map(models -> {
          spamModel = models.resultAt(0);
          toxicityModel = models.resultAt(1);
          return s;
        }))
        .compose(s -> {
          storage = s;
          return Future.all(storage.secrets().secret("cursor"), storage.secrets().secret("client"),
              storage.secrets().secret("form"));
        })
        .compose(secrets -> {
          byte[] cursorSecret = secrets.resultAt(0);
          byte[] clientSecret = secrets.resultAt(1);
          byte[] formSecret = secrets.resultAt(2);
          FormTokens formTokens = new FormTokens(formSecret, clock, Duration.ofSeconds(3),
              Duration.ofHours(24));
          SiteLists lists = new SiteLists(vertx, storage.lists(), ticker);
          CursorCodec cursors = new CursorCodec(cursorSecret);
          ModeratoMetrics metrics = new ModeratoMetrics(BackendRegistries.getNow(
              "moderato-" + System.identityHashCode(config)));
          CommentEvents events = new CommentEvents(vertx);
          FilterPipeline pipeline = Filters.pipeline(config.filters(),
              new Filters.Needs(formTokens, lists, storage.signals(),
                  List.of(new SpamModelFilter(spamModel), toxicityFilter())));
          LearningListener learning = new LearningListener(
              List.of(Learners.spam(spamModel), Learners.toxicity(toxicityModel)),
              storage.modelStates());
          ThreadService threads = new ThreadService(vertx, storage.comments(), storage.articles(),
              cursors, config.cache(), ticker);
          AuthorData authors = new AuthorData(storage.comments(), threads, clock);
          SubmissionService submissions = new SubmissionService(storage.comments(),
              storage.articles(), pipeline, threads, clock, config.comments().maxDepth(),
              config.comments().editWindow(), (held, parent) -> events.held(QueueJson.item(held, parent)),
              new RateLimiter(config.rateLimits().enabled(),
                  config.rateLimits().commentsPerMinute(), config.rateLimits().burst(), ticker),
              storage.signals(), config.filters().toxicityNudge(), metrics);
          ModerationService moderation = new ModerationService(storage.comments(),
              storage.articles(), storage.auditLog(), threads, pipeline, cursors, events,
              List.of(learning), clock, metrics);
          threads.monitor(metrics);
          ModeratorAuth auth = new ModeratorAuth(vertx, storage.moderators(), clock, ticker);
          HttpApi.Services services = new HttpApi.Services(submissions, threads, moderation, auth,
              events, storage::ping, clientSecret, formTokens, lists,
              new ModeratorAdmin(storage.moderators(), auth, clock), metrics, learning, authors,
              clock);
          housekeeping(clock, authors);
          // Independent of each other; all done before the first request is accepted.
          return Future.all(auth.ensureAdmin(config.moderation().adminToken()),
                  learning.start(vertx),
                  new CounterRepair(storage.comments(), storage.articles()).run())
              .onSuccess(v -> timeline.mark("services"))
              .compose(v -> listen(services))
              .onSuccess(v -> {
                timeline.mark("HTTP").log(LOG);
                // Compaction competes with a start for CPU and the store lock: only once serving.
                if (embedded != null) {
                  embedded.startBackgroundWork();
                }
              });
        });
  }

  /** Periodic clean-up every instance does; each is idempotent, so instances may overlap. */
  private void housekeeping(Clock clock, AuthorData authors) {
    // Anti-abuse signals only matter for a day.
    vertx.setPeriodic(SIGNAL_PURGE.toMillis(), id -> storage.signals()
        .purgeOlderThan(clock.instant().minus(Duration.ofHours(25)))
        .onFailure(e -> LOG.warn("Could not purge old signals: {}", e.getMessage())));
    // Client hashes are kept only as long as abuse handling needs them.
    vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> authors
        .expireClientKeys(config.privacy().clientKeyRetention())
        .onFailure(e -> LOG.warn("Could not expire client hashes: {}", e.getMessage())));
  }

  /**
   * The toxicity filter: the in-process model (scoring long texts on a bounded worker pool), or the
   * site's own model server when {@code filters.toxicityScorerUrl} is set.
   */
  private ToxicityFilter toxicityFilter() {
    ModeratoConfig.Filters filters = config.filters();
    ToxicityThresholds thresholds = new ToxicityThresholds(filters.toxicityNudge(),
        filters.thresholds().toxicityHold(), filters.thresholds().toxicityReject());
    ToxicityModel model;
    if (filters.externalToxicityScorer()) {
      model = new HttpToxicityModel(WebClient.create(vertx), URI.create(filters.toxicityScorerUrl()),
          filters.toxicityScorerTimeout());
    } else {
      WorkerExecutor workers = vertx.createSharedWorkerExecutor("moderato-models",
          Math.max(1, Runtime.getRuntime().availableProcessors()), 10, TimeUnit.SECONDS);
      model = new LocalToxicityModel(toxicityModel, workers);
    }
    return new ToxicityFilter(model, thresholds);
  }

  private Future<Void> listen(HttpApi.Services services) {
    int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
    int requested = config.http().port();
    if (requested == 0 && instances > 1) {
      // Servers sharing a port must all name it: pick a free one for them up front.
      requested = freePort(config.http().host());
    }
    return deploy(services, requested).compose(first -> {
      port = first;
      if (instances == 1) {
        return Future.succeededFuture();
      }
      return vertx.deployVerticle(() -> new HttpVerticle(services, port),
          new DeploymentOptions().setInstances(instances - 1)
              .setThreadingModel(ThreadingModel.EVENT_LOOP)).mapEmpty();
    });
  }

  private static int freePort(String host) {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot find a free port on " + host, e);
    }
  }

  private Future<Integer> deploy(HttpApi.Services services, int requestedPort) {
    HttpVerticle verticle = new HttpVerticle(services, requestedPort);
    return vertx.deployVerticle(verticle).map(id -> verticle.actualPort);
  }

  /** One HTTP server on one event loop; several share the port. */
  private final class HttpVerticle extends VerticleBase {

    private final HttpApi.Services services;
    private final int requestedPort;
    private volatile int actualPort;

    HttpVerticle(HttpApi.Services services, int requestedPort) {
      this.services = services;
      this.requestedPort = requestedPort;
    }

    @Override
    public Future<?> start() {
      return HttpApi.listen(vertx, config, services, requestedPort).onSuccess(s -> {
        servers.add(s);
        actualPort = s.actualPort();
      });
    }
  }

  /** The port requests are served on (useful when the configured port was 0). */
  public int port() {
    return port;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Storage, for operational tools and tests that need to look under the API. */
  public MongoStorage storage() {
    return storage;
  }

  /** The embedded store, or null with a real MongoDB: tests stop and restart it. */
  public EmbeddedMongo embeddedStore() {
    return embedded;
  }

  /**
   * Stops accepting, lets in-flight requests finish (up to the configured grace), then closes
   * storage and Vert.x. Never fails.
   */
  public Future<Void> stop() {
    long grace = config.http().shutdownGrace().toMillis();
    List<Future<Void>> closing = servers.stream()
        .map(s -> s.shutdown(grace, TimeUnit.MILLISECONDS)).toList();
    // Closing Vert.x from one of its own threads can leave the close callback nowhere to run,
    // so the rest of the stop happens on a thread of its own and completes a plain future.
    CompletableFuture<Void> done = new CompletableFuture<>();
    Future.join(closing).onComplete(v -> {
      Thread closer = new Thread(() -> {
        try {
          if (storage != null) {
            storage.close();
          }
          vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          LOG.warn("Vert.x did not close cleanly: {}", e.toString());
        } finally {
          if (embedded != null) {
            embedded.close();
          }
          done.complete(null);
        }
      }, "moderato-stop");
      closer.start();
    });
    return Future.fromCompletionStage(done);
  }
}
