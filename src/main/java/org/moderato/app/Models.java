package org.moderato.app;

/** The {@code train} and {@code eval} commands, handed to the classifier's command line. */
final class Models {

  private Models() {}

  static int run(String command, String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = command;
    System.arraycopy(args, 0, all, 1, args.length);
    return org.moderato.classifier.ClassifierCli.run(all);
  }
}
