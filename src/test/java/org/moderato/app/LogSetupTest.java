package org.moderato.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogSetupTest {

  @Test
  void logsToStandardErrorWithQuietLibraries() {
    LoggerContext context = new LoggerContext();
    LogSetup setup = new LogSetup();
    setup.setContext(context);
    assertThat(setup.configure(context))
        .isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("console")).isNotNull();
    assertThat(context.getLogger("de.bwaldvogel").getLevel()).isEqualTo(Level.ERROR);
    assertThat(context.getLogger("org.mongodb.driver").getLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void textAndJsonLines() {
    LoggerContext context = new LoggerContext();
    LoggingEvent event = new LoggingEvent("x", context.getLogger("org.moderato.Thing"),
        Level.WARN, "stored {} comments", null, new Object[] {3});
    event.setMDCPropertyMap(Map.of("requestId", "r-1"));
    assertThat(line(LogSetup.encoder(context, null), event))
        .contains(" WARN ", "org.moderato.Thing", "r-1", "stored 3 comments").endsWith("\n");
    assertThat(line(LogSetup.encoder(context, "json"), event))
        .startsWith("{").contains("\"formattedMessage\":\"stored 3 comments\"", "r-1");
  }

  private static String line(Encoder<ILoggingEvent> encoder, ILoggingEvent event) {
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }
}
