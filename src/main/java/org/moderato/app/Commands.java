package org.moderato.app;

/** Sub-commands of the jar besides serving. */
final class Commands {

  private Commands() {}

  static int run(String command, String[] args) {
    switch (command) {
      case "help", "--help", "-h" -> {
        System.out.println("""
            usage: java -jar moderato.jar [serve]          start the server
                   java -jar moderato.jar train ...        rebuild a shipped model from data
                   java -jar moderato.jar eval ...         evaluate the filters on labeled data""");
        return 0;
      }
      default -> {
        System.err.println("moderato: unknown command '" + command + "' (try help)");
        return 2;
      }
    }
  }
}
