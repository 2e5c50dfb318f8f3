package org.moderato.classifier;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labeled CSV files in the shared format: UTF-8, RFC 4180, a header naming at least
 * {@code text} and {@code label} (and usually {@code id,author,source,detail}). Texts contain line
 * breaks inside quoted fields, which is why this goes through Commons CSV and never reads lines.
 *
 * <p>Stateless and thread-safe.
 */
public final class CsvDataset {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setHeader()
      .setSkipHeaderRecord(true)
      .get();

  private CsvDataset() {}

  /**
   * Reads rows from a reader. A row without an {@code id} column gets {@code origin:rowNumber}; a
   * row without {@code source} gets {@code origin}, so grouping by source still works.
   *
   * @param origin a name for error messages and defaults, usually the file name
   */
  public static List<LabeledText> read(Reader reader, String origin) throws IOException {
    List<LabeledText> rows = new ArrayList<>();
    try (CSVParser parser = FORMAT.parse(reader)) {
      var header = parser.getHeaderMap();
      if (!header.containsKey("text") || !header.containsKey("label")) {
        throw new IOException(origin + ": the header must name 'text' and 'label', was "
            + header.keySet());
      }
      for (CSVRecord record : parser) {
        String id = get(record, "id");
        String source = get(record, "source");
        rows.add(new LabeledText(
            id.isEmpty() ? origin + ":" + record.getRecordNumber() : id,
            get(record, "author"),
            get(record, "text"),
            get(record, "label").trim(),
            source.isEmpty() ? origin : source,
            get(record, "detail")));
      }
    }
    return rows;
  }

  /** Reads one CSV file. */
  public static List<LabeledText> read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.getFileName().toString());
    }
  }

  /**
   * Reads every path given: a file is read as is, a directory contributes its {@code *.csv} files
   * in name order (not recursively), so a training run over a directory is reproducible.
   */
  public static List<LabeledText> readAll(List<Path> paths) throws IOException {
    List<LabeledText> rows = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(path)) {
          files = listing.filter(p -> p.getFileName().toString().endsWith(".csv"))
              .sorted().toList();
        }
        for (Path file : files) {
          rows.addAll(read(file));
        }
      } else {
        rows.addAll(read(path));
      }
    }
    return rows;
  }

  private static String get(CSVRecord record, String column) {
    return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
  }

  /** For callers in lambdas: {@link #readAll(List)} with the I/O failure unchecked. */
  public static List<LabeledText> readAllUnchecked(List<Path> paths) {
    try {
      return readAll(paths);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
