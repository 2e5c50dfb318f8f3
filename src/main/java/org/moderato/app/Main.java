package org.moderato.app;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.moderato.config.ConfigException;
import org.moderato.config.ConfigLoader;
import org.moderato.config.ModeratoConfig;

/**
 * The command line: with no arguments, serve; otherwise a sub-command ({@code train},
 * {@code eval}). The ready line goes to standard output; logs go to standard error.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && !args[0].equals("serve")) {
      System.exit(Commands.run(args[0], Arrays.copyOfRange(args, 1, args.length)));
      return;
    }
    ModeratoConfig config;
    try {
      config = ConfigLoader.load();
    } catch (ConfigException e) {
      System.err.println("moderato: " + e.getMessage());
      System.exit(2);
      return;
    }
    Moderato app;
    try {
      app = Moderato.start(config).toCompletionStage().toCompletableFuture().get();
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      System.err.println("moderato: could not start: " + cause.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        app.stop().toCompletionStage().toCompletableFuture().get();
      } catch (Exception e) {
        System.err.println("moderato: error while stopping: " + e.getMessage());
      } finally {
        stopped.countDown();
        System.out.flush();
        // SIGTERM is a normal stop: exit 0 once everything acknowledged is safe.
        Runtime.getRuntime().halt(0);
      }
    }, "moderato-shutdown"));
    String host = config.http().host();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "localhost";
    }
    System.out.println("moderato listening on http://" + host + ":" + app.port());
    System.out.flush();
    stopped.await();
  }
}
