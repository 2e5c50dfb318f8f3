package org.moderato.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.moderato.filtering.Thresholds;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the configuration: built-in defaults, then the YAML file, then environment variables, then
 * explicit overrides (tests). Keys are dotted paths such as {@code http.port}; an unknown key, a
 * wrong type or a value out of range fails at start with a {@link ConfigException} naming the key.
 */
public final class ConfigLoader {

  /** Environment variables and the keys they override. */
  static final Map<String, String> ENV_KEYS = Map.ofEntries(
      Map.entry("MODERATO_HTTP_HOST", "http.host"),
      Map.entry("MODERATO_HTTP_PORT", "http.port"),
      Map.entry("MODERATO_CORS_ORIGINS", "http.corsOrigins"),
      Map.entry("MODERATO_TRUSTED_PROXIES", "http.trustedProxies"),
      Map.entry("MODERATO_MONGO_URI", "storage.mongoUri"),
      Map.entry("MODERATO_MONGO_DATABASE", "storage.database"),
      Map.entry("MODERATO_DATA_DIR", "storage.dataDir"),
      Map.entry("MODERATO_ADMIN_TOKEN", "moderation.adminToken"),
      Map.entry("MODERATO_RATE_LIMITS", "rateLimits.enabled"));

  private static final Map<String, Object> DEFAULTS = defaults();

  private ConfigLoader() {}

  private static Map<String, Object> defaults() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("http.host", "0.0.0.0");
    d.put("http.port", 8080);
    d.put("http.bodyLimitBytes", 65536);
    d.put("http.corsOrigins", List.of());
    d.put("http.frameAncestors", "'self'");
    d.put("http.idleTimeoutSeconds", 60);
    d.put("http.requestTimeoutSeconds", 15);
    d.put("http.shutdownGraceSeconds", 10);
    d.put("http.trustedProxies", List.of());
    d.put("http.maxConnections", 10000);
    d.put("http.headerTimeoutSeconds", 10);
    d.put("storage.mongoUri", "");
    d.put("storage.database", "moderato");
    d.put("storage.dataDir", "data");
    d.put("storage.writeConcern", "majority");
    d.put("storage.journal", true);
    d.put("storage.timeoutMillis", 5000);
    d.put("comments.nameMaxLength", 80);
    d.put("comments.commentMaxLength", 5000);
    d.put("comments.maxDepth", 5);
    d.put("comments.editWindowMinutes", 15);
    d.put("filters.linkLimit", 2);
    d.put("filters.blockedWords", List.of());
    d.put("filters.suspectWords", List.of());
    d.put("filters.thresholds.spamHold", Thresholds.DEFAULTS.spamHold());
    d.put("filters.thresholds.spamSpam", Thresholds.DEFAULTS.spamSpam());
    d.put("filters.thresholds.toxicityHold", Thresholds.DEFAULTS.toxicityHold());
    d.put("filters.thresholds.toxicityReject", Thresholds.DEFAULTS.toxicityReject());
    d.put("filters.thresholds.toxicityNudge", 0.7);
    d.put("filters.toxicityScorerUrl", "");
    d.put("filters.toxicityScorerTimeoutMillis", 2000);
    d.put("cache.threadPageMegabytes", 64);
    d.put("cache.threadPageTtlSeconds", 5);
    d.put("cache.counts", 100000);
    d.put("cache.countsTtlSeconds", 5);
    d.put("moderation.adminToken", "");
    d.put("rateLimits.enabled", true);
    d.put("rateLimits.commentsPerMinute", 6);
    d.put("rateLimits.burst", 10);
    d.put("privacy.clientKeyDays", 30);
    return d;
  }

  /**
   * Loads from the working directory's {@code config/moderato.yaml} (or {@code MODERATO_CONFIG}) and
   * the process environment.
   */
  public static ModeratoConfig load() {
    return load(System.getenv(), Map.of());
  }

  /**
   * Loads with the given environment and explicit overrides (dotted keys; the strongest source).
   * A missing default config file is fine; a missing file named by {@code MODERATO_CONFIG} is not.
   */
  public static ModeratoConfig load(Map<String, String> env, Map<String, Object> overrides) {
    Map<String, Object> values = new LinkedHashMap<>(DEFAULTS);
    String named = env.get("MODERATO_CONFIG");
    Path file = Path.of(named == null || named.isBlank() ? "config/moderato.yaml" : named);
    if (Files.exists(file)) {
      values.putAll(readYaml(file));
    } else if (named != null && !named.isBlank()) {
      throw new ConfigException("MODERATO_CONFIG", "no such file: " + file);
    }
    ENV_KEYS.forEach((variable, key) -> {
      String value = env.get(variable);
      if (value != null) {
        values.put(key, value);
      }
    });
    for (Map.Entry<String, Object> e : overrides.entrySet()) {
      requireKnown(e.getKey());
      values.put(e.getKey(), e.getValue());
    }
    return build(new Values(values));
  }

  private static Map<String, Object> readYaml(Path file) {
    Object root;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "cannot read: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new ConfigException(file.toString(), "not valid YAML: " + e.getMessage());
    }
    Map<String, Object> flat = new LinkedHashMap<>();
    if (root != null) {
      if (!(root instanceof Map<?, ?> map)) {
        throw new ConfigException(file.toString(), "must be a mapping of sections");
      }
      flatten("", map, flat);
    }
    return flat;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = prefix + e.getKey();
      if (e.getValue() instanceof Map<?, ?> nested && !DEFAULTS.containsKey(key)) {
        flatten(key + ".", nested, out);
      } else {
        requireKnown(key);
        out.put(key, e.getValue());
      }
    }
  }

  private static void requireKnown(String key) {
    if (!DEFAULTS.containsKey(key)) {
      throw new ConfigException(key, "unknown setting");
    }
  }

  private static ModeratoConfig build(Values v) {
    Thresholds thresholds;
    try {
      thresholds = new Thresholds(
          v.fraction("filters.thresholds.spamHold"),
          v.fraction("filters.thresholds.spamSpam"),
          v.fraction("filters.thresholds.toxicityHold"),
          v.fraction("filters.thresholds.toxicityReject"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("filters.thresholds", e.getMessage());
    }
    return new ModeratoConfig(
        new ModeratoConfig.Http(
            v.string("http.host"),
            v.integer("http.port", 0, 65535),
            v.integer("http.bodyLimitBytes", 1024, 16 * 1024 * 1024),
            v.list("http.corsOrigins"),
            v.string("http.frameAncestors"),
            Duration.ofSeconds(v.integer("http.idleTimeoutSeconds", 1, 3600)),
            Duration.ofSeconds(v.integer("http.requestTimeoutSeconds", 1, 600)),
            Duration.ofSeconds(v.integer("http.shutdownGraceSeconds", 0, 600)),
            v.list("http.trustedProxies"),
            v.integer("http.maxConnections", 1, 1_000_000),
            Duration.ofSeconds(v.integer("http.headerTimeoutSeconds", 1, 600))),
        new ModeratoConfig.Storage(
            v.string("storage.mongoUri"),
            v.nonBlank("storage.database"),
            v.nonBlank("storage.dataDir"),
            v.nonBlank("storage.writeConcern"),
            v.bool("storage.journal"),
            Duration.ofMillis(v.integer("storage.timeoutMillis", 100, 600_000))),
        new ModeratoConfig.Comments(
            v.integer("comments.nameMaxLength", 1, 1000),
            v.integer("comments.commentMaxLength", 1, 50_000),
            v.integer("comments.maxDepth", 0, 50),
            Duration.ofMinutes(v.integer("comments.editWindowMinutes", 0, 7 * 24 * 60))),
        new ModeratoConfig.Filters(
            v.integer("filters.linkLimit", 0, 1000),
            v.words("filters.blockedWords"),
            v.words("filters.suspectWords"),
            thresholds,
            v.fraction("filters.thresholds.toxicityNudge"),
            v.string("filters.toxicityScorerUrl"),
            Duration.ofMillis(v.integer("filters.toxicityScorerTimeoutMillis", 10, 60_000))),
        new ModeratoConfig.Cache(
            v.integer("cache.threadPageMegabytes", 0, 100_000),
            Duration.ofSeconds(v.integer("cache.threadPageTtlSeconds", 0, 3600)),
            v.integer("cache.counts", 0, 10_000_000),
            Duration.ofSeconds(v.integer("cache.countsTtlSeconds", 0, 3600))),
        new ModeratoConfig.Moderation(v.string("moderation.adminToken")),
        new ModeratoConfig.RateLimits(
            v.bool("rateLimits.enabled"),
            v.integer("rateLimits.commentsPerMinute", 1, 100_000),
            v.integer("rateLimits.burst", 1, 100_000)),
        new ModeratoConfig.Privacy(
            Duration.ofDays(v.integer("privacy.clientKeyDays", 1, 3650))));
  }

  /** Typed access to the merged values, with errors that name the key. */
  private record Values(Map<String, Object> map) {

    String string(String key) {
      Object value = map.get(key);
      if (value == null) {
        return "";
      }
      if (value instanceof Map || value instanceof List) {
        throw new ConfigException(key, "must be a single value");
      }
      return value.toString().trim();
    }

    String nonBlank(String key) {
      String value = string(key);
      if (value.isEmpty()) {
        throw new ConfigException(key, "must not be empty");
      }
      return value;
    }

    int integer(String key, int min, int max) {
      String raw = string(key);
      int value;
      try {
        value = Integer.parseInt(raw);
      } catch (NumberFormatException e) {
        throw new ConfigException(key, "must be a whole number, was '" + raw + "'");
      }
      if (value < min || value > max) {
        throw new ConfigException(key, "must be between " + min + " and " + max + ", was " + value);
      }
      return value;
    }

    double fraction(String key) {
      String raw = string(key);
      try {
        return Double.parseDouble(raw);
      } catch (NumberFormatException e) {
        throw new ConfigException(key, "must be a number, was '" + raw + "'");
      }
    }

    boolean bool(String key) {
      String raw = string(key).toLowerCase(Locale.ROOT);
      return switch (raw) {
        case "true", "on", "yes", "1" -> true;
        case "false", "off", "no", "0" -> false;
        default -> throw new ConfigException(key, "must be true/false (or on/off), was '" + raw + "'");
      };
    }

    List<String> list(String key) {
      Object value = map.get(key);
      List<String> out = new ArrayList<>();
      if (value instanceof List<?> list) {
        for (Object item : list) {
          if (item == null || item instanceof Map || item instanceof List) {
            throw new ConfigException(key, "must be a list of strings");
          }
          out.add(item.toString().trim());
        }
      } else if (value != null && !value.toString().isBlank()) {
        for (String part : value.toString().split(",")) {
          if (!part.isBlank()) {
            out.add(part.trim());
          }
        }
      }
      return List.copyOf(out);
    }

    Set<String> words(String key) {
      Set<String> words = new LinkedHashSet<>();
      for (String word : list(key)) {
        if (word.isEmpty()) {
          throw new ConfigException(key, "must not contain empty words");
        }
        words.add(word.toLowerCase(Locale.ROOT));
      }
      return Set.copyOf(words);
    }
  }
}
