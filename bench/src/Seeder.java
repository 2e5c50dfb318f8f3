import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds a running Moderato over HTTP, through the whole filter pipeline, for bench/run.sh.
 *
 * <p>Usage: {@code java bench/src/Seeder.java BASE_URL OUT_DIR PENDING SIZE...}. For each SIZE it
 * fills article {@code bench-SIZE} with that many comments: 40% top-level, the rest replies in
 * three rounds (each round replies to any comment of the earlier rounds, so trees are up to four
 * levels deep). Then it posts PENDING comments containing the configured suspect word
 * {@code benchhold} to {@code bench-queue} (held for review) and one comment to each of
 * {@code bench-count-0..99}. Writes {@code pending-ids.txt} (queue ids) and
 * {@code seed-summary.txt} into OUT_DIR. Texts are random sentences from a plain vocabulary, so
 * neither the exact-duplicate check nor the near-duplicate (campaign) filter fires.
 */
public final class Seeder {

  private static final String[] WORDS = ("the council said new bridge would open next spring "
      + "after years of delays and rising costs residents have mixed feelings about traffic "
      + "parking schools library park river station budget mayor vote plan road bus train "
      + "weather summer winter garden market coffee bakery football match season coach players "
      + "fans tickets stadium music festival concert neighbours street corner shop owner family "
      + "children teacher lesson history science report article writer thanks interesting point "
      + "agree disagree perhaps maybe really quite very good fair useful clear honest simple "
      + "question answer reason example number figure percent local national election turnout "
      + "housing rent prices wages jobs factory harbour ferry island village town city county "
      + "hospital doctor nurse clinic waiting list funding tax services water power energy solar "
      + "wind heat homes insulation recycling bins collection monday friday weekend morning "
      + "evening night early late soon later always never often sometimes usually remember "
      + "years ago my grandmother told me this story before anyone wrote about it here").split(" ");
  private static final String[] FIRST = {"Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Greta",
      "Hiro", "Ines", "Jon", "Kasia", "Liam", "Mara", "Nils", "Olu", "Priya", "Quinn", "Rosa",
      "Sami", "Tove", "Uma", "Vik", "Wen", "Xavi", "Yara", "Zeno"};
  private static final String[] LAST = {"Ahmed", "Berg", "Costa", "Dubois", "Evans", "Fischer",
      "Garcia", "Haddad", "Ivanova", "Jensen", "Kowalski", "Larsen", "Moreau", "Novak", "Okafor",
      "Petrov", "Rossi", "Silva", "Tanaka", "Urban", "Varga", "Weber", "Yilmaz", "Zhou"};
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{24})\"");
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Semaphore inFlight = new Semaphore(32);
  private final Random random = new Random(42);
  private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
  private final AtomicLong counter = new AtomicLong();

  private Seeder(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: Seeder BASE_URL OUT_DIR PENDING SIZE...");
      System.exit(2);
    }
    Seeder seeder = new Seeder(args[0]);
    Path out = Path.of(args[1]);
    int pending = Integer.parseInt(args[2]);
    long started = System.nanoTime();
    StringBuilder summary = new StringBuilder();
    for (int i = 3; i < args.length; i++) {
      int size = Integer.parseInt(args[i]);
      long t0 = System.nanoTime();
      int published = seeder.thread("bench-" + size, size);
      double secs = (System.nanoTime() - t0) / 1e9;
      String line = String.format("seeded bench-%d: %d posted, %d published, %.1f s (%.0f/s)",
          size, size, published, secs, size / secs);
      System.err.println(line);
      summary.append(line).append('\n');
    }
    long t0 = System.nanoTime();
    List<Result> queued = seeder.postAll("bench-queue", pending, i -> null, true);
    List<String> ids = new ArrayList<>();
    for (Result r : queued) {
      if (r != null && "pending".equals(r.status)) {
        ids.add(r.id);
      }
    }
    Files.write(out.resolve("pending-ids.txt"), ids);
    String line = String.format("seeded bench-queue: %d posted, %d pending, %.1f s", pending,
        ids.size(), (System.nanoTime() - t0) / 1e9);
    System.err.println(line);
    summary.append(line).append('\n');
    seeder.postAll(i -> "bench-count-" + i, 100, i -> null, false);
    summary.append(String.format("seeding took %.1f s; outcomes %s%n",
        (System.nanoTime() - started) / 1e9, seeder.outcomes));
    System.err.print(summary.substring(summary.lastIndexOf("seeding took")));
    Path summaryFile = out.resolve("seed-summary.txt");
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(summaryFile))) {
      w.print(summary);
    }
  }

  private record Result(String id, String status) {}

  /** Fills one article; answers how many of its comments came back published. */
  private int thread(String article, int size) throws Exception {
    int top = Math.max(1, (int) Math.ceil(size * 0.4));
    List<String> known = new ArrayList<>();
    int published = collect(postAll(article, top, i -> null, false), known);
    int left = size - top;
    for (int round = 0; round < 3 && left > 0; round++) {
      int n = round == 2 ? left : Math.min(left, (size - top) / 3 + 1);
      List<String> parents = List.copyOf(known);
      Random pick = new Random(round * 31L + size);
      List<Result> results = postAll(article, n,
          i -> parents.isEmpty() ? null : parents.get(pick.nextInt(parents.size())), false);
      published += collect(results, known);
      left -= n;
    }
    return published;
  }

  private static int collect(List<Result> results, List<String> known) {
    int published = 0;
    for (Result r : results) {
      if (r != null && "published".equals(r.status)) {
        known.add(r.id);
        published++;
      }
    }
    return published;
  }

  private interface Parents {
    String parentFor(int i);
  }

  private interface Articles {
    String articleFor(int i);
  }

  private List<Result> postAll(String article, int n, Parents parents, boolean hold)
      throws Exception {
    return postAll(i -> article, n, parents, hold);
  }

  /** Posts n comments, at most 32 in flight; a null result for anything but a 201. */
  private List<Result> postAll(Articles articles, int n, Parents parents, boolean hold)
      throws Exception {
    List<CompletableFuture<Result>> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      URI uri = URI.create(base + "/api/v1/articles/" + articles.articleFor(i) + "/comments");
      String parent;
      String body;
      synchronized (random) {
        parent = parents.parentFor(i);
        body = body(parent, hold);
      }
      inFlight.acquire();
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json").header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      all.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .handle((response, error) -> {
            inFlight.release();
            if (error != null) {
              count("error " + error.getClass().getSimpleName());
              return null;
            }
            count("http " + response.statusCode());
            if (response.statusCode() != 201) {
              return null;
            }
            Matcher id = ID.matcher(response.body());
            Matcher status = STATUS.matcher(response.body());
            if (!id.find() || !status.find()) {
              return null;
            }
            count(status.group(1));
            return new Result(id.group(1), status.group(1));
          }));
    }
    List<Result> results = new ArrayList<>(n);
    for (CompletableFuture<Result> f : all) {
      results.add(f.get());
    }
    return results;
  }

  private void count(String key) {
    outcomes.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }

  private String body(String parent, boolean hold) {
    int words = 8 + random.nextInt(14);
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < words; w++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
      text.append(w == words - 1 ? "." : " ");
    }
    if (hold) {
      text.append(" benchhold");
    }
    text.append(" #").append(counter.incrementAndGet());
    String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    return "{\"name\":\"" + name + "\",\"comment\":\"" + text + "\""
        + (parent == null ? "" : ",\"parentId\":\"" + parent + "\"") + "}";
  }
}
