package org.moderato.domain;

import java.time.Duration;
import java.util.List;

/**
 * A failure the client caused or must know about, with the HTTP status it maps to. Services fail
 * their futures with these; the HTTP layer's one failure handler turns them into problem+json.
 * Anything else is an internal error and answers 500 without details.
 */
public class Problem extends RuntimeException {

  private final int status;
  private final String type;
  private final String title;
  private final List<FieldError> errors;
  private final Duration retryAfter;

  public Problem(int status, String type, String title, String detail) {
    this(status, type, title, detail, List.of(), null);
  }

  public Problem(int status, String type, String title, String detail, List<FieldError> errors,
      Duration retryAfter) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.retryAfter = retryAfter;
  }

  public static Problem invalid(List<FieldError> errors) {
    return new Problem(400, "invalid-input", "Invalid input",
        "Some fields are not valid; see errors.", errors, null);
  }

  public static Problem invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  public static Problem badRequest(String detail) {
    return new Problem(400, "bad-request", "Bad request", detail);
  }

  public static Problem notFound(String detail) {
    return new Problem(404, "not-found", "Not found", detail);
  }

  public static Problem conflict(String type, String detail) {
    return new Problem(409, type, "Conflict", detail);
  }

  public static Problem forbidden(String type, String detail) {
    return new Problem(403, type, "Forbidden", detail);
  }

  public static Problem unauthorized() {
    return new Problem(401, "unauthorized", "Unauthorized",
        "A valid moderator token is required (Authorization: Bearer TOKEN).");
  }

  public static Problem storageUnavailable(Duration retryAfter) {
    return new Problem(503, "storage-unavailable", "Service unavailable",
        "Storage is not answering; please try again shortly.", List.of(), retryAfter);
  }

  public static Problem rateLimited(Duration retryAfter) {
    return new Problem(429, "rate-limited", "Too many requests",
        "You are posting too fast; please wait a moment.", List.of(), retryAfter);
  }

  public int status() {
    return status;
  }

  /** The last segment of the problem type URI, e.g. {@code invalid-input}. */
  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** When to retry (429, 503), or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
