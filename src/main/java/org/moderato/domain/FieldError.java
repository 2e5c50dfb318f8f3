package org.moderato.domain;

/** One invalid input field and what is wrong with it, in words a reader understands. */
public record FieldError(String field, String message) {}
