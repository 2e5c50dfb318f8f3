package org.moderato.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir
  Path dir;

  private ModeratoConfig load(String yaml, Map<String, String> env) throws Exception {
    Path file = dir.resolve("moderato.yaml");
    Files.writeString(file, yaml);
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("MODERATO_CONFIG", file.toString());
    return ConfigLoader.load(all, Map.of());
  }

  @Test
  void theShippedConfigFileLoadsWithTheDocumentedDefaults() {
    ModeratoConfig config = ConfigLoader.load(Map.of("MODERATO_CONFIG",
        Path.of("config/moderato.yaml").toAbsolutePath().toString()), Map.of());
    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.storage().embedded()).isTrue();
    assertThat(config.storage().database()).isEqualTo("moderato");
    assertThat(config.comments().maxDepth()).isEqualTo(5);
    assertThat(config.comments().editWindow().toMinutes()).isEqualTo(15);
    assertThat(config.filters().linkLimit()).isEqualTo(2);
    assertThat(config.rateLimits().enabled()).isTrue();
  }

  @Test
  void environmentVariablesOverrideTheFile() throws Exception {
    ModeratoConfig config = load("http:\n  port: 9000\n", Map.of("MODERATO_HTTP_PORT", "0",
        "MODERATO_MONGO_URI", "mongodb://db:27017", "MODERATO_MONGO_DATABASE", "news",
        "MODERATO_RATE_LIMITS", "off", "MODERATO_DATA_DIR", "/var/lib/moderato"));
    assertThat(config.http().port()).isZero();
    assertThat(config.storage().embedded()).isFalse();
    assertThat(config.storage().database()).isEqualTo("news");
    assertThat(config.storage().dataDir()).isEqualTo("/var/lib/moderato");
    assertThat(config.rateLimits().enabled()).isFalse();
  }

  @Test
  void badValuesFailNamingTheKey() {
    assertThatThrownBy(() -> load("http:\n  port: eighty\n", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("http.port");
    assertThatThrownBy(() -> load("comments:\n  maxDepth: -1\n", Map.of()))
        .hasMessageContaining("comments.maxDepth");
    assertThatThrownBy(() -> load("filters:\n  thresholds:\n    spamHold: 2\n", Map.of()))
        .hasMessageContaining("filters.thresholds");
    assertThatThrownBy(() -> load("http:\n  prot: 1\n", Map.of()))
        .hasMessageContaining("http.prot").hasMessageContaining("unknown");
    assertThatThrownBy(() -> load("rateLimits:\n  enabled: sometimes\n", Map.of()))
        .hasMessageContaining("rateLimits.enabled");
  }

  @Test
  void aMissingNamedConfigFileIsAnError() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("MODERATO_CONFIG",
        dir.resolve("nope.yaml").toString()), Map.of()))
        .hasMessageContaining("MODERATO_CONFIG");
  }
}
