package org.moderato.submission;

import org.moderato.domain.Comment;

/** A stored comment and the edit token its author gets once, never stored in plain text. */
public record Submitted(Comment comment, String editToken) {}
