package org.moderato.submission;

/** A validated submission for one article, from one client. */
public record NewComment(String articleId, CommentInput input, String clientKey) {}
