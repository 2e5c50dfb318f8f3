import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Mixed traffic against a running Moderato for a fixed time, for bench/soak.sh.
 *
 * <p>Usage: {@code java bench/src/Soak.java BASE_URL SERVER_PID SECONDS CONCURRENCY INTERVAL
 * RATE ARTICLES ADMIN_TOKEN HOLD_WORD}. CONCURRENCY workers share a pace of RATE requests per
 * second (0: as fast as they can) over articles {@code soak-0..ARTICLES-1}: thread pages (all
 * sorts, some following the cursor, some conditional), counts, comment posts (a third of them
 * replies, one in eight containing HOLD_WORD so it is held) and moderation (a queue page, then
 * decisions on held comments with their version). Every INTERVAL seconds it prints one line:
 * requests, answers by status class, latency percentiles of that interval, heap used (from
 * {@code /metrics}) and the server's open file descriptors ({@code /proc/PID/fd}).
 *
 * <p>At the end it checks every acknowledged write through the API: each comment answered 201
 * must be found (published ones in the thread, the others in the moderation queue under their
 * status), each decision answered 200 must show its status, and published counts must match.
 * Exit status 1 on any 5xx, any request that failed without an answer, or any acknowledged write
 * missing or different; 0 otherwise.
 */
public final class Soak {

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
      + "evening night early late soon later always never often sometimes usually remember")
      .split(" ");
  private static final String[] NAMES = {"Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Greta",
      "Hiro", "Ines", "Jon", "Kasia", "Liam", "Mara", "Nils", "Olu", "Priya", "Quinn", "Rosa"};
  private static final String[] ACTIONS = {"approve", "reject", "spam"};
  private static final Pattern HEAP = Pattern.compile(
      "(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+([0-9.eE+-]+)");

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String pid;
  private final int articles;
  private final String auth;
  private final String holdWord;
  private final long paceNanos;
  private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());
  private final AtomicLong serial = new AtomicLong();

  private final LongAdder requests = new LongAdder();
  private final Map<String, LongAdder> classes = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final Map<String, Long> statusCounts = new ConcurrentHashMap<>();
  private final Object latencyLock = new Object();
  private long[] latencies = new long[1 << 16];
  private int latencyCount;

  /** Acknowledged comments: id to the status the server last acknowledged for it. */
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
  private final Map<String, String> articleOf = new ConcurrentHashMap<>();
  /** Published comments per article, as reply targets. */
  private final Map<String, List<String>> parents = new ConcurrentHashMap<>();
  private final Set<String> claimed = ConcurrentHashMap.newKeySet();
  /** Comments whose acknowledged status comes from a decision (not from their 201). */
  private final Set<String> decidedIds = ConcurrentHashMap.newKeySet();
  private final Map<String, String> etags = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
  private final LongAdder posted = new LongAdder();
  private final LongAdder decided = new LongAdder();

  private Soak(String base, String pid, int articles, String token, String holdWord, int rate) {
    this.base = base;
    this.pid = pid;
    this.articles = articles;
    this.auth = "Bearer " + token;
    this.holdWord = holdWord;
    this.paceNanos = rate <= 0 ? 0 : 1_000_000_000L / rate;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 9) {
      System.err.println("usage: Soak BASE_URL SERVER_PID SECONDS CONCURRENCY INTERVAL RATE "
          + "ARTICLES ADMIN_TOKEN HOLD_WORD");
      System.exit(2);
    }
    Soak soak = new Soak(args[0], args[1], Integer.parseInt(args[6]), args[7], args[8],
        Integer.parseInt(args[5]));
    System.exit(soak.run(Long.parseLong(args[2]), Integer.parseInt(args[3]),
        Integer.parseInt(args[4])));
  }

  private int run(long seconds, int concurrency, int interval) throws Exception {
    String heapStart = heap();
    long fdsStart = fds();
    long started = System.nanoTime();
    long deadline = started + seconds * 1_000_000_000L;
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Thread worker = new Thread(() -> work(deadline), "soak-" + i);
      worker.start();
      workers.add(worker);
    }
    log(String.format("start: %d workers, %d s, report every %d s; heap %s, fds %d",
        concurrency, seconds, interval, heapStart, fdsStart));
    long lastRequests = 0;
    long nextReport = started + interval * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      long now = System.nanoTime();
      if (now < nextReport) {
        Thread.sleep(Math.min(200, (nextReport - now) / 1_000_000 + 1));
        continue;
      }
      nextReport += interval * 1_000_000_000L;
      lastRequests = report(started, lastRequests);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    report(started, lastRequests);

    // Caches (pages, counts) are invalidated on writes and expire within 5 s; wait them out so
    // the check reads what is stored.
    Thread.sleep(6_000);
    int problems;
    try {
      problems = verify();
    } catch (RuntimeException e) {
      log("the check could not read the data back: " + e.getMessage());
      problems = 1;
    }
    String heapEnd = heap();
    long fdsEnd = fds();
    log(String.format("heap used (not after a GC): start %s, end %s; open fds: start %d, end %d",
        heapStart, heapEnd, fdsStart, fdsEnd));
    long fiveXx = count(classes, "5xx");
    long io = failures.values().stream().mapToLong(LongAdder::sum).sum();
    log(String.format("answers by status: %s; failed without an answer: %s",
        new TreeMap<>(statusCounts), snapshot(failures)));
    firstErrors.stream().limit(10).forEach(e -> log("  first errors: " + e));
    boolean ok = fiveXx == 0 && io == 0 && problems == 0;
    log(ok ? "PASS: no 5xx, no failed request, every acknowledged write found"
        : String.format("FAIL: %d 5xx, %d failed requests, %d acknowledged writes missing or "
            + "different", fiveXx, io, problems));
    return ok ? 0 : 1;
  }

  // ---- traffic ----

  private void work(long deadline) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (pace(deadline)) {
      int dice = random.nextInt(100);
      String article = "soak-" + random.nextInt(articles);
      try {
        if (dice < 45) {
          readThread(article, random);
        } else if (dice < 55) {
          counts(random);
        } else if (dice < 85) {
          post(article, random);
        } else {
          moderate(random);
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Waits for this worker's next slot of the shared pace; false once the time is up. */
  private boolean pace(long deadline) {
    if (paceNanos == 0) {
      return System.nanoTime() < deadline;
    }
    long slot = nextSlot.getAndAdd(paceNanos);
    long now = System.nanoTime();
    if (slot < now - 1_000_000_000L) {
      // Fell behind (slow answers): do not burst to catch up.
      nextSlot.compareAndSet(slot + paceNanos, now);
      slot = now;
    }
    if (slot >= deadline) {
      return false;
    }
    long wait = slot - now;
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        return false;
      }
    }
    return true;
  }

  private void readThread(String article, ThreadLocalRandom random) throws InterruptedException {
    String sort = random.nextInt(3) == 0 ? "newest" : random.nextBoolean() ? "oldest" : "top";
    String path = "/api/v1/articles/" + article + "/comments?limit=20&sort=" + sort;
    String etag = random.nextInt(10) == 0 ? etags.get(path) : null;
    HttpResponse<String> page = send(get(path, etag), "thread");
    if (page == null || page.statusCode() != 200) {
      return;
    }
    page.headers().firstValue("ETag").ifPresent(e -> etags.put(path, e));
    if (random.nextInt(4) == 0) {
      Object cursor = ((Map<?, ?>) Json.parse(page.body())).get("nextCursor");
      if (cursor instanceof String c) {
        send(get(path + "&cursor=" + URLEncoder.encode(c, StandardCharsets.UTF_8), null),
            "thread");
      }
    }
  }

  private void counts(ThreadLocalRandom random) throws InterruptedException {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      query.append(i == 0 ? "?" : "&").append("articleId=soak-").append(random.nextInt(articles));
    }
    send(get("/api/v1/counts" + query, null), "counts");
  }

  private void post(String article, ThreadLocalRandom random) throws InterruptedException {
    boolean hold = random.nextInt(8) == 0;
    String parent = null;
    List<String> known = parents.get(article);
    if (known != null && random.nextInt(3) == 0) {
      synchronized (known) {
        parent = known.isEmpty() ? null : known.get(random.nextInt(known.size()));
      }
    }
    StringBuilder text = new StringBuilder().append(serial.incrementAndGet());
    int words = 6 + random.nextInt(30);
    for (int i = 0; i < words; i++) {
      text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
      if (hold && i == words / 2) {
        text.append(' ').append(holdWord);
      }
    }
    String body = "{\"name\":" + Json.quote(NAMES[random.nextInt(NAMES.length)])
        + ",\"comment\":" + Json.quote(text.toString())
        + (parent == null ? "" : ",\"parentId\":" + Json.quote(parent)) + "}";
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(base + "/api/v1/articles/" + article + "/comments"))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response = send(request, "post");
    if (response == null || response.statusCode() != 201) {
      return;
    }
    Map<?, ?> created = (Map<?, ?>) Json.parse(response.body());
    String id = (String) created.get("id");
    String status = (String) created.get("status");
    articleOf.put(id, article);
    acknowledged.put(id, status);
    posted.increment();
    if ("published".equals(status)) {
      List<String> list = parents.computeIfAbsent(article, a -> new ArrayList<>());
      synchronized (list) {
        if (list.size() < 2_000) {
          list.add(id);
        }
      }
    }
  }

  /** A queue page, then decisions on up to three held comments of it that no worker took yet. */
  private void moderate(ThreadLocalRandom random) throws InterruptedException {
    String sort = random.nextBoolean() ? "oldest" : "newest";
    HttpResponse<String> page = send(authorized(
        "/api/v1/moderation/queue?limit=20&sort=" + sort).GET().build(), "queue");
    if (page == null || page.statusCode() != 200) {
      return;
    }
    int decisions = 0;
    for (Object o : (List<?>) ((Map<?, ?>) Json.parse(page.body())).get("items")) {
      Map<?, ?> item = (Map<?, ?>) o;
      String id = (String) item.get("id");
      if (decisions == 3 || !acknowledged.containsKey(id) || !claimed.add(id)) {
        continue;
      }
      decisions++;
      String action = ACTIONS[random.nextInt(ACTIONS.length)];
      String body = "{\"action\":\"" + action + "\",\"reason\":\"soak\",\"version\":"
          + ((Number) item.get("version")).longValue() + "}";
      HttpResponse<String> answer = send(authorized("/api/v1/moderation/comments/" + id
          + "/decision").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "decision");
      if (answer != null && answer.statusCode() == 200) {
        acknowledged.put(id, (String) ((Map<?, ?>) Json.parse(answer.body())).get("status"));
        decidedIds.add(id);
        decided.increment();
      }
    }
  }

  private HttpRequest get(String path, String etag) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30)).GET();
    if (etag != null) {
      b.header("If-None-Match", etag);
    }
    return b.build();
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", auth);
  }

  /** Sends and records status class, latency and failures; null when no answer came. */
  private HttpResponse<String> send(HttpRequest request, String what)
      throws InterruptedException {
    long t0 = System.nanoTime();
    HttpResponse<String> response = null;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
      firstErrors.add(what + " " + request.uri().getPath() + ": " + e);
    }
    long micros = (System.nanoTime() - t0) / 1_000;
    requests.increment();
    if (response != null) {
      int status = response.statusCode();
      classes.computeIfAbsent(status / 100 + "xx", k -> new LongAdder()).increment();
      statusCounts.merge(what + " " + status, 1L, Long::sum);
      if (status >= 500 && firstErrors.size() < 50) {
        firstErrors.add(what + " " + request.uri().getPath() + ": " + status + " "
            + response.body());
      }
    }
    synchronized (latencyLock) {
      if (latencyCount == latencies.length) {
        latencies = Arrays.copyOf(latencies, latencies.length * 2);
      }
      latencies[latencyCount++] = micros;
    }
    return response;
  }

  // ---- reporting ----

  private long report(long started, long lastRequests) {
    long[] interval;
    synchronized (latencyLock) {
      interval = Arrays.copyOf(latencies, latencyCount);
      latencyCount = 0;
    }
    Arrays.sort(interval);
    long total = requests.sum();
    log(String.format("t=%5ds req=%8d (+%6d) 2xx=%d 3xx=%d 4xx=%d 5xx=%d io=%d "
            + "p50=%s p95=%s p99=%s heap=%s fds=%d posted=%d decided=%d",
        (System.nanoTime() - started) / 1_000_000_000L, total, total - lastRequests,
        count(classes, "2xx"), count(classes, "3xx"), count(classes, "4xx"),
        count(classes, "5xx"), failures.values().stream().mapToLong(LongAdder::sum).sum(),
        percentile(interval, 50), percentile(interval, 95), percentile(interval, 99), heap(),
        fds(), posted.sum(), decided.sum()));
    return total;
  }

  private static String percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return "-";
    }
    int rank = (int) Math.ceil(sorted.length * p / 100.0) - 1;
    long micros = sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    return String.format("%.1fms", micros / 1000.0);
  }

  private static long count(Map<String, LongAdder> map, String key) {
    LongAdder adder = map.get(key);
    return adder == null ? 0 : adder.sum();
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> map) {
    Map<String, Long> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** Heap used per /metrics (sum over the heap pools), in MiB. */
  private String heap() {
    try {
      HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
          URI.create(base + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      double bytes = 0;
      Matcher m = HEAP.matcher(metrics.body());
      while (m.find()) {
        bytes += Double.parseDouble(m.group(1));
      }
      return String.format("%.0fMiB", bytes / (1024 * 1024));
    } catch (IOException | InterruptedException | RuntimeException e) {
      return "?";
    }
  }

  private long fds() {
    try (Stream<Path> fds = Files.list(Path.of("/proc", pid, "fd"))) {
      return fds.count();
    } catch (IOException e) {
      return -1;
    }
  }

  private static void log(String line) {
    System.out.println("soak: " + line);
  }

  // ---- the check ----

  /** Reads back every acknowledged write; answers how many are missing or different. */
  private int verify() throws InterruptedException {
    Map<String, String> found = new HashMap<>();
    Map<String, Integer> publishedPerArticle = new HashMap<>();
    int problems = 0;
    for (int a = 0; a < articles; a++) {
      String article = "soak-" + a;
      Set<String> ids = new HashSet<>();
      String cursor = null;
      long total = -1;
      do {
        HttpResponse<String> page = check(get("/api/v1/articles/" + article
            + "/comments?limit=100&sort=oldest" + (cursor == null ? ""
            : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), null));
        Map<?, ?> json = (Map<?, ?>) Json.parse(page.body());
        total = ((Number) json.get("total")).longValue();
        collectIds((List<?>) json.get("comments"), ids);
        cursor = (String) json.get("nextCursor");
      } while (cursor != null);
      ids.forEach(id -> found.put(id, "published"));
      publishedPerArticle.put(article, ids.size());
      if (total != ids.size()) {
        log(String.format("MISMATCH %s: thread total %d, comments in its pages %d", article,
            total, ids.size()));
        problems++;
      }
      for (String status : List.of("pending", "rejected", "spam")) {
        cursor = null;
        do {
          HttpResponse<String> page = check(authorized("/api/v1/moderation/queue?limit=100"
              + "&articleId=" + article + "&status=" + status + (cursor == null ? ""
              : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))).GET().build());
          Map<?, ?> json = (Map<?, ?>) Json.parse(page.body());
          for (Object item : (List<?>) json.get("items")) {
            found.put((String) ((Map<?, ?>) item).get("id"), status);
          }
          cursor = (String) json.get("nextCursor");
        } while (cursor != null);
      }
    }
    StringBuilder query = new StringBuilder();
    for (int a = 0; a < articles; a++) {
      query.append(a == 0 ? "?" : "&").append("articleId=soak-").append(a);
    }
    Map<?, ?> counts = (Map<?, ?>) Json.parse(check(get("/api/v1/counts" + query, null)).body());
    for (Map.Entry<String, Integer> e : publishedPerArticle.entrySet()) {
      long count = ((Number) counts.get(e.getKey())).longValue();
      if (count != e.getValue()) {
        log(String.format("MISMATCH %s: count %d, published comments in the thread %d",
            e.getKey(), count, e.getValue()));
        problems++;
      }
    }
    int missing = 0;
    int different = 0;
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : acknowledged.entrySet()) {
      String stored = found.get(e.getKey());
      byStatus.merge(e.getValue(), 1, Integer::sum);
      if (stored == null) {
        if (missing++ < 10) {
          log("MISSING " + e.getKey() + " (" + articleOf.get(e.getKey()) + ", acknowledged "
              + e.getValue() + ")");
        }
      } else if (!stored.equals(e.getValue()) && !(e.getValue().equals("pending")
          && !decidedIds.contains(e.getKey()) && !stored.equals("published"))) {
        // A 201 answers "pending" also for what the filters stored as spam or rejected, so
        // spammers learn nothing; anything but published is what that acknowledgement means.
        if (different++ < 10) {
          log("DIFFERENT " + e.getKey() + ": acknowledged " + e.getValue() + ", stored "
              + stored);
        }
      }
    }
    log(String.format("check: %d comments acknowledged (%d decisions; last acknowledged status: "
            + "%s), %d found through the API, %d missing, %d with another status; %d counts and "
            + "thread totals checked", acknowledged.size(), decided.sum(), byStatus,
        acknowledged.keySet().stream().filter(found::containsKey).count(), missing, different,
        articles));
    return problems + missing + different;
  }

  private HttpResponse<String> check(HttpRequest request) throws InterruptedException {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(request.uri() + " answered " + response.statusCode()
            + ": " + response.body());
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + " failed: " + e, e);
    }
  }

  private static void collectIds(List<?> comments, Set<String> into) {
    for (Object o : comments) {
      Map<?, ?> c = (Map<?, ?>) o;
      into.add((String) c.get("id"));
      Object replies = c.get("replies");
      if (replies instanceof List<?> list) {
        collectIds(list, into);
      }
    }
  }

  /** Just enough JSON for the API's answers: objects, arrays, strings, numbers, literals. */
  static final class Json {

    private final String s;
    private int i;

    private Json(String s) {
      this.s = s;
    }

    static Object parse(String text) {
      Json json = new Json(text);
      Object value = json.value();
      json.space();
      if (json.i != text.length()) {
        throw new IllegalArgumentException("trailing characters at " + json.i);
      }
      return value;
    }

    static String quote(String text) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : text.toCharArray()) {
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          default -> {
            if (c < 0x20) {
              b.append(String.format("\\u%04x", (int) c));
            } else {
              b.append(c);
            }
          }
        }
      }
      return b.append('"').toString();
    }

    private void space() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private Object value() {
      space();
      char c = s.charAt(i);
      if (c == '{') {
        Map<String, Object> map = new LinkedHashMap<>();
        i++;
        space();
        if (s.charAt(i) == '}') {
          i++;
          return map;
        }
        do {
          space();
          String key = string();
          space();
          expect(':');
          map.put(key, value());
          space();
        } while (s.charAt(i++) == ',');
        if (s.charAt(i - 1) != '}') {
          throw new IllegalArgumentException("expected } at " + (i - 1));
        }
        return map;
      }
      if (c == '[') {
        List<Object> list = new ArrayList<>();
        i++;
        space();
        if (s.charAt(i) == ']') {
          i++;
          return list;
        }
        do {
          list.add(value());
          space();
        } while (s.charAt(i++) == ',');
        if (s.charAt(i - 1) != ']') {
          throw new IllegalArgumentException("expected ] at " + (i - 1));
        }
        return list;
      }
      if (c == '"') {
        return string();
      }
      if (s.startsWith("true", i)) {
        i += 4;
        return Boolean.TRUE;
      }
      if (s.startsWith("false", i)) {
        i += 5;
        return Boolean.FALSE;
      }
      if (s.startsWith("null", i)) {
        i += 4;
        return null;
      }
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty()) {
        throw new IllegalArgumentException("unexpected '" + c + "' at " + start);
      }
      return number.matches("-?\\d+") ? (Number) Long.parseLong(number)
          : (Number) Double.parseDouble(number);
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') {
          return b.toString();
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> b.append(e);
        }
      }
    }

    private void expect(char c) {
      if (s.charAt(i) != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + i);
      }
      i++;
    }
  }
}
