package org.moderato.classifier;

import java.util.Objects;

/**
 * One row of a labeled data file in the shared format ({@code id,author,text,label,source,detail}).
 * The label is kept as written ({@code spam}, {@code ham}, {@code toxic}, {@code ok}, ...): a
 * {@link ClassifierTask} decides what it means, so one reader serves every task.
 *
 * @param id unique id, for example {@code yt:z13...}
 * @param author display name, empty when the source has none
 * @param text the comment text; may contain line breaks
 * @param label the label as written in the file
 * @param source the data set and sub-part; the unit that grouped cross-validation holds out
 * @param detail the original fine-grained labels as {@code key=value;...}
 */
public record LabeledText(
    String id, String author, String text, String label, String source, String detail) {

  public LabeledText {
    Objects.requireNonNull(id, "id");
    author = author == null ? "" : author;
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(label, "label");
    source = source == null ? "" : source;
    detail = detail == null ? "" : detail;
  }
}
