package org.moderato.domain;

import java.util.regex.Pattern;

/** Comment ids are 24 lower-case hex digits; anything else is not an id and never reaches storage. */
public final class Ids {

  private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");

  private Ids() {}

  public static boolean isId(String value) {
    return value != null && ID.matcher(value).matches();
  }
}
