package org.moderato.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;

/**
 * Logging set up in code, found by logback through {@code META-INF/services}: parsing an XML
 * configuration took about 0.4 s of every start on a cold JVM. Logs go to standard error
 * (standard output carries only the ready line), as text or, with {@code
 * MODERATO_LOG_FORMAT=json}, one JSON object per line with the request id in {@code mdc}; the
 * level is {@code MODERATO_LOG_LEVEL} (default INFO). An operator's own file named by {@code
 * -Dlogback.configurationFile} still wins.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

  static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{24} %X{requestId} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("console");
    appender.setTarget("System.err");
    appender.setEncoder(encoder(context, System.getenv("MODERATO_LOG_FORMAT")));
    appender.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(System.getenv("MODERATO_LOG_LEVEL"), Level.INFO));
    root.addAppender(appender);
    context.getLogger("de.bwaldvogel").setLevel(Level.ERROR);
    context.getLogger("org.mongodb.driver").setLevel(Level.WARN);
    context.getLogger("io.netty").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
    if (format != null && format.toLowerCase(Locale.ROOT).equals("json")) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      json.setWithSequenceNumber(false);
      json.setWithNanoseconds(false);
      json.setWithContext(false);
      json.setWithArguments(false);
      json.setWithMessage(false);
      json.setWithFormattedMessage(true);
      json.start();
      return json;
    }
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern(PATTERN);
    text.start();
    return text;
  }
}
