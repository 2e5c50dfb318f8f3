package org.moderato.submission;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.moderato.domain.FieldError;
import org.moderato.domain.Problem;

/**
 * A reader's submission after validation and normalisation: what the contract accepts and
 * nothing else (unknown fields are dropped here and never stored).
 *
 * @param parentId the comment replied to, or null
 * @param email null when not given
 * @param signals bot-trap fields ({@code formToken}, {@code website}), never stored
 */
public record CommentInput(
    String name,
    String comment,
    String parentId,
    String email,
    boolean acknowledgeWarning,
    Map<String, String> signals) {

  /** The form fields that bot traps read. */
  public static final List<String> SIGNAL_FIELDS = List.of("formToken", "website");

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]+");
  private static final int EMAIL_MAX = 254;

  /**
   * Validates a submission body (JSON object, or form fields copied into one as strings). Fails
   * with a 400 {@link Problem} naming every bad field.
   */
  public static CommentInput parse(JsonObject body, Limits limits) {
    List<FieldError> errors = new ArrayList<>();
    String name = text(body, "name", errors);
    String comment = text(body, "comment", errors);
    String parentId = optional(body, "parentId", errors);
    String email = optional(body, "email", errors);
    boolean acknowledge = flag(body, "acknowledgeWarning", errors);

    if (name != null) {
      name = TextNormalizer.name(name);
      checkLength("name", name, limits.nameMax(), errors);
    }
    if (comment != null) {
      comment = TextNormalizer.comment(comment);
      checkLength("comment", comment, limits.commentMax(), errors);
    }
    if (email != null) {
      email = email.strip();
      if (email.isEmpty()) {
        email = null;
      } else if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
        errors.add(new FieldError("email", "must be an email address like name@example.org"));
      }
    }
    if (parentId != null && parentId.isBlank()) {
      parentId = null;
    }
    if (!errors.isEmpty()) {
      throw Problem.invalid(errors);
    }
    Map<String, String> signals = new HashMap<>();
    for (String field : SIGNAL_FIELDS) {
      Object value = body.getValue(field);
      if (value instanceof String s && s.length() <= 4096) {
        signals.put(field, s);
      }
    }
    return new CommentInput(name, comment, parentId, email, acknowledge, Map.copyOf(signals));
  }

  /** Validates an edit body: only {@code comment}. */
  public static String parseEdit(JsonObject body, Limits limits) {
    List<FieldError> errors = new ArrayList<>();
    String comment = text(body, "comment", errors);
    if (comment != null) {
      comment = TextNormalizer.comment(comment);
      checkLength("comment", comment, limits.commentMax(), errors);
    }
    if (!errors.isEmpty()) {
      throw Problem.invalid(errors);
    }
    return comment;
  }

  /** Length limits, in Unicode code points after trimming. */
  public record Limits(int nameMax, int commentMax) {}

  private static String text(JsonObject body, String field, List<FieldError> errors) {
    Object value = body.getValue(field);
    if (value == null) {
      errors.add(new FieldError(field, "is required"));
      return null;
    }
    if (!(value instanceof String s)) {
      errors.add(new FieldError(field, "must be a string"));
      return null;
    }
    return s;
  }

  private static String optional(JsonObject body, String field, List<FieldError> errors) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      errors.add(new FieldError(field, "must be a string"));
      return null;
    }
    return s;
  }

  private static boolean flag(JsonObject body, String field, List<FieldError> errors) {
    Object value = body.getValue(field);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equals("true") || s.equals("on") || s.equals("1"))) {
      return true;
    }
    if (value instanceof String s && (s.equals("false") || s.isEmpty() || s.equals("0"))) {
      return false;
    }
    errors.add(new FieldError(field, "must be true or false"));
    return false;
  }

  private static void checkLength(String field, String value, int max, List<FieldError> errors) {
    int length = value.codePointCount(0, value.length());
    if (length == 0) {
      errors.add(new FieldError(field, "must not be empty"));
    } else if (length > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters (has " + length + ")"));
    }
  }
}
