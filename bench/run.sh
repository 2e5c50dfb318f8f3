#!/usr/bin/env bash
# Moderato benchmark: one command, bounded, loopback only. See docs/performance.md.
#
#   bench/run.sh                      # full run (needs wrk: apt-get install -y wrk)
#   BENCH_SMOKE=1 bench/run.sh        # 1-2 min smoke with tiny sizes (what CI may run)
#
# Environment:
#   BENCH_DURATION     wrk duration per scenario (default 10s; smoke 1s)
#   BENCH_WARMUP       unmeasured load per page before the warm-page and reference scenarios,
#                      so a JIT just started is not what they measure (default 5s; smoke 0)
#   BENCH_SIZES        thread sizes to seed (default "10 1000 10000 100000"; smoke "10 50")
#   BENCH_PENDING      comments held in the moderation queue (default 10000; smoke 20)
#   BENCH_CONNECTIONS  wrk connection counts (default "16 64"; smoke "16")
#   BENCH_THREADS      wrk threads (default: nproc, at most the connections)
#   BENCH_JAVA_OPTS    extra JVM options for Moderato (default none)
#   BENCH_KEEP=1       keep the work directory (logs, wrk outputs, captured pages)
#   MODERATO_JAR       the jar to run as it is (default: target/moderato.jar, built first)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ "${BENCH_SMOKE:-0}" == 1 ]]; then
  DURATION=${BENCH_DURATION:-1s}
  WARMUP=${BENCH_WARMUP:-0}
  SIZES=${BENCH_SIZES:-"10 50"}
  PENDING=${BENCH_PENDING:-20}
  CONNECTIONS=${BENCH_CONNECTIONS:-16}
else
  DURATION=${BENCH_DURATION:-10s}
  WARMUP=${BENCH_WARMUP:-5s}
  SIZES=${BENCH_SIZES:-"10 1000 10000 100000"}
  PENDING=${BENCH_PENDING:-10000}
  CONNECTIONS=${BENCH_CONNECTIONS:-"16 64"}
fi
JAR=${MODERATO_JAR:-$ROOT/target/moderato.jar}
NPROC=$(nproc)
THREADS=${BENCH_THREADS:-$NPROC}

for tool in wrk java curl jcmd awk; do
  command -v "$tool" >/dev/null || { echo "bench: $tool not found (wrk: apt-get install -y wrk)" >&2; exit 1; }
done
# The checkout's jar is rebuilt every run (Maven skips what is up to date): a jar left in target/
# by an earlier build would otherwise be measured as if it were the current code.
if [[ -z "${MODERATO_JAR:-}" ]]; then
  echo "bench: building $JAR" >&2
  (cd "$ROOT" && mvn -q -DskipTests package)
elif [[ ! -f "$JAR" ]]; then
  echo "bench: $JAR not found" >&2
  exit 1
fi
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/moderato-bench.XXXXXX")
mkdir -p "$WORK/wrk" "$WORK/pages"
SERVER_PID=""
REF_PID=""
cleanup() {
  local pid
  for pid in "$SERVER_PID" "$REF_PID"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
    echo "bench: kept $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "bench: $*" >&2; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

ADMIN_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')

# Starts Moderato with CONFIG on the shared data dir; sets SERVER_PID, PORT, START_MS.
start_server() {
  local config=$1 label=$2 t0 line
  t0=$(now_ms)
  (cd "$WORK" && exec env MODERATO_CONFIG="$config" MODERATO_HTTP_HOST=127.0.0.1 \
    MODERATO_HTTP_PORT=0 MODERATO_DATA_DIR="$WORK/data" MODERATO_RATE_LIMITS=off \
    MODERATO_ADMIN_TOKEN="$ADMIN_TOKEN" MODERATO_LOG_LEVEL="${MODERATO_LOG_LEVEL:-INFO}" \
    java ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$WORK/$label.out" 2>"$WORK/$label.err") &
  SERVER_PID=$!
  local deadline=$(( SECONDS + 180 ))
  while (( SECONDS < deadline )); do
    line=$(grep -m1 'moderato listening on' "$WORK/$label.out" 2>/dev/null || true)
    [[ -n "$line" ]] && break
    if ! kill -0 "$SERVER_PID" 2>/dev/null || grep -q 'failed to start' "$WORK/$label.err"; then
      grep -m3 'ERROR' "$WORK/$label.err" >&2 || true
      log "$label did not start (log: $WORK/$label.err)"; exit 1
    fi
    sleep 0.02
  done
  [[ -n "$line" ]] || { log "$label: no ready line after 180 s"; exit 1; }
  START_MS=$(( $(now_ms) - t0 ))
  PORT=${line##*:}
  PORT=${PORT%%[!0-9]*}
  log "$label: ready on port $PORT after $START_MS ms (pid $SERVER_PID)"
}

stop_server() {
  # Up to 5 minutes: a SIGKILL while the embedded store closes has corrupted a seeded store
  # ("Chunk ... not found" at the next start; docs/performance.md, Findings).
  local t0
  t0=$(now_ms)
  kill -TERM "$SERVER_PID"
  for _ in $(seq 1 3000); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$SERVER_PID" 2>/dev/null && log "server did not stop within 300 s; killing it"
  log "stopped in $(( $(now_ms) - t0 )) ms"
  kill -KILL "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# Waits (up to 120 s) until /health answers 200, so one scenario's backlog does not spill into
# the next one's figures; logs how long it took when it was not at once.
settle() {
  local t0 deadline=$(( SECONDS + 120 ))
  t0=$(now_ms)
  until curl -sf -m 10 -o /dev/null "$BASE/health"; do
    (( SECONDS < deadline )) || { log "server still not healthy after 120 s"; return 0; }
    sleep 0.5
  done
  (( $(now_ms) - t0 < 1000 )) || log "waited $(( $(now_ms) - t0 )) ms for /health after the last scenario"
}

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  log "no free port"; exit 1
}

heap() {  # "used of total" of the Java heap, from jcmd GC.heap_info
  jcmd "$1" GC.heap_info 2>/dev/null | awk '/total .*used/ {
    for (i = 1; i <= NF; i++) { if ($i == "total") t = $(i+1); if ($i == "used") u = $(i+1) }
    gsub(/[K,]/, "", t); gsub(/[K,]/, "", u);
    printf "%.0f MiB used of %.0f MiB committed", u / 1024, t / 1024; exit }'
}

RESULTS="$WORK/results.tsv"
: >"$RESULTS"
FAILED=0

# run_wrk NAME CONNS URL SCRIPT [VAR=value...]: one wrk run, one line in results.tsv.
# Unmeasured load on URL for $WARMUP at the highest connection count (nothing when 0).
warm_up() {
  [[ "$WARMUP" == 0 || "$WARMUP" == 0s ]] && return 0
  local conns
  conns=$(echo $CONNECTIONS | tr ' ' '\n' | sort -n | tail -1)
  wrk -t"$(( THREADS < conns ? THREADS : conns ))" -c"$conns" -d"$WARMUP" "$1" >/dev/null 2>&1 || true
}

run_wrk() {
  local name=$1 conns=$2 url=$3 script=$4 threads out
  shift 4
  threads=$(( THREADS < conns ? THREADS : conns ))
  out="$WORK/wrk/$name-c$conns.txt"
  env "$@" BENCH_THREADS="$threads" wrk -t"$threads" -c"$conns" -d"$DURATION" --timeout 30s \
    --latency -s "$ROOT/bench/wrk/$script" "$url" >"$out" 2>&1 || true
  awk -v name="$name" -v conns="$conns" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0;
                     if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    /^STATUS/ { st = $2 " " $3 " " $4 }
    /Socket errors/ { se = $0; sub(/^ +/, "", se) }
    END { printf "%s\t%s\t%.1f\t%.2f\t%.2f\t%s%s\n", name, conns, rps, p50, p99, st, \
          (se == "" ? "" : "; " se) }' "$out" >>"$RESULTS"
  tail -1 "$RESULTS" | awk -F'\t' '{ printf "bench: %-22s c=%-3s %9s req/s  p50 %8s ms  p99 %8s ms  %s\n", $1, $2, $3, $4, $5, $6 }' >&2
  if ! grep -q "2xx=[1-9]" <(tail -1 "$RESULTS"); then
    log "$name c=$conns: no successful answer (see $out)"; FAILED=1
  fi
}

log "work dir $WORK; sizes: $SIZES; pending: $PENDING; duration: $DURATION; connections: $CONNECTIONS"

# 1. Start with an empty store and no page cache (cache.threadPageMegabytes: 0): every thread
#    page is loaded from the store. Concurrent misses on one key still share one load.
start_server "$ROOT/bench/moderato-bench-nocache.yaml" moderato-nocache
START_EMPTY_MS=$START_MS
BASE="http://127.0.0.1:$PORT"
HEAP_START=$(heap "$SERVER_PID")

# 2. Seed through HTTP (the whole filter pipeline, durable writes).
t0=$(now_ms)
java "$ROOT/bench/src/Seeder.java" "$BASE" "$WORK" "$PENDING" $SIZES 2>&1 | sed -u 's/^/bench: /' >&2
SEED_MS=$(( $(now_ms) - t0 ))
HEAP_SEEDED=$(heap "$SERVER_PID")
jcmd "$SERVER_PID" GC.run >/dev/null 2>&1 || true
HEAP_LIVE=$(heap "$SERVER_PID")
settle

# 3. Cold pages, counts, decisions, posts, and last the queue page (on the embedded store it is
#    the heaviest query by far; see docs/performance.md).
for size in $SIZES; do
  url="$BASE/api/v1/articles/bench-$size/comments?limit=20"
  curl -sf "$url" -o "$WORK/pages/bench-$size.json"
  for c in $CONNECTIONS; do run_wrk "thread-cold-$size" "$c" "$url" status.lua; settle; done
done
COUNTS_QS=$(for i in $(seq 0 99); do printf 'articleId=bench-count-%d&' "$i"; done)
for c in $CONNECTIONS; do
  run_wrk counts-100 "$c" "$BASE/api/v1/counts?${COUNTS_QS%&}" status.lua; settle
done
for c in $CONNECTIONS; do
  run_wrk decisions "$c" "$BASE" decision.lua BENCH_TOKEN="$ADMIN_TOKEN" \
    BENCH_IDS="$WORK/pending-ids.txt"
  settle
done
for c in $CONNECTIONS; do
  run_wrk post "$c" "$BASE" post.lua BENCH_ARTICLE=bench-post; settle
done
for c in $CONNECTIONS; do
  run_wrk queue-page "$c" "$BASE/api/v1/moderation/queue?limit=50" status.lua \
    BENCH_TOKEN="$ADMIN_TOKEN"
  settle
done
STORE_SIZE=$(du -sh "$WORK/data" | cut -f1)
stop_server

# 4. Restart on the same data with the page cache on (the default 64 MB) for the warm pages.
#    storage.timeoutMillis is raised to 60 s for this start only: with the default 5 s, index
#    creation at start on a store of this size can time out and the start fails
#    (docs/performance.md, "Findings").
start_server "$ROOT/bench/moderato-bench-restart.yaml" moderato-warm
START_SEEDED_MS=$START_MS
BASE="http://127.0.0.1:$PORT"
for size in $SIZES; do
  url="$BASE/api/v1/articles/bench-$size/comments?limit=20"
  cmp -s <(curl -sf "$url") "$WORK/pages/bench-$size.json" \
    || log "bench-$size: page after restart differs from the one captured (decisions/posts do not touch it; check)"
  warm_up "$url"
  for c in $CONNECTIONS; do run_wrk "thread-warm-$size" "$c" "$url" status.lua; done
done
HEAP_END=$(heap "$SERVER_PID")
stop_server

# 6. The reference (Moderato stopped, so it has the machine to itself too).
REF_PORT=$(free_port)
java -cp "$JAR" "$ROOT/bench/reference/Reference.java" "$WORK/pages" "$REF_PORT" \
  >"$WORK/reference.out" 2>&1 &
REF_PID=$!
for _ in $(seq 1 3000); do
  grep -q 'reference listening' "$WORK/reference.out" 2>/dev/null && break
  kill -0 "$REF_PID" 2>/dev/null || { cat "$WORK/reference.out" >&2; log "reference died"; exit 1; }
  sleep 0.02
done
REF="http://127.0.0.1:$REF_PORT"
for size in $SIZES; do
  cmp -s <(curl -sf "$REF/api/v1/articles/bench-$size/comments") "$WORK/pages/bench-$size.json" \
    || { log "reference does not answer Moderato's bytes for bench-$size"; FAILED=1; }
  warm_up "$REF/api/v1/articles/bench-$size/comments?limit=20"
  for c in $CONNECTIONS; do
    run_wrk "ref-thread-$size" "$c" "$REF/api/v1/articles/bench-$size/comments?limit=20" status.lua
  done
done
for c in $CONNECTIONS; do run_wrk ref-post "$c" "$REF" post.lua BENCH_ARTICLE=bench-post; done
kill -TERM "$REF_PID"; wait "$REF_PID" 2>/dev/null || true; REF_PID=""

# 7. Report.
ref_of() {  # the reference line a Moderato scenario compares to
  case $1 in
    thread-warm-*|thread-cold-*) echo "ref-thread-${1##*-}" ;;
    post) echo ref-post ;;
    *) echo "" ;;
  esac
}
echo
echo "Moderato benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $NPROC CPUs, $(free -h | awk '/^Mem:/ {print $2}') RAM, $(java -version 2>&1 | head -1)"
echo "wrk $DURATION per scenario, $THREADS threads; sizes: $SIZES; pending: $PENDING"
echo
printf '| %-20s | %4s | %9s | %9s | %9s | %10s | %9s | %-24s |\n' scenario conn 'req/s' 'p50 ms' 'p99 ms' 'x ref req/s' 'x ref p50' answers
printf '| %-20s | %4s | %9s | %9s | %9s | %10s | %9s | %-24s |\n' --- ---: ---: ---: ---: ---: ---: ---
while IFS=$'\t' read -r name conns rps p50 p99 st; do
  [[ $name == ref-* ]] && continue
  ref=$(ref_of "$name")
  rr="-"; rl="-"
  if [[ -n $ref ]]; then
    read -r rrps rp50 < <(awk -F'\t' -v n="$ref" -v c="$conns" '$1 == n && $2 == c { print $3, $4 }' "$RESULTS")
    if [[ -n ${rrps:-} ]]; then
      rr=$(awk -v a="$rps" -v b="$rrps" 'BEGIN { printf (b > 0 ? "%.3f" : "-"), a / b }')
      rl=$(awk -v a="$p50" -v b="$rp50" 'BEGIN { printf (b > 0 ? "%.1f" : "-"), a / b }')
    fi
  fi
  printf '| %-20s | %4s | %9s | %9s | %9s | %10s | %9s | %-24s |\n' "$name" "$conns" "$rps" "$p50" "$p99" "$rr" "$rl" "$st"
done <"$RESULTS"
echo
echo "Reference (bench/reference/Reference.java: same bytes, no work):"
echo
printf '| %-20s | %4s | %9s | %9s | %9s |\n' scenario conn 'req/s' 'p50 ms' 'p99 ms'
printf '| %-20s | %4s | %9s | %9s | %9s |\n' --- ---: ---: ---: ---:
awk -F'\t' '$1 ~ /^ref-/ { printf "| %-20s | %4s | %9s | %9s | %9s |\n", $1, $2, $3, $4, $5 }' "$RESULTS"
echo
echo "Seeding: $(tr '\n' ';' <"$WORK/seed-summary.txt" | sed 's/;$//; s/;/; /g')"
echo "Seeding wall time: $(( SEED_MS / 1000 )) s; store on disk: $STORE_SIZE"
echo "Heap: at start $HEAP_START; after seeding $HEAP_SEEDED; after a full GC (live) $HEAP_LIVE; restarted, after the warm-page scenarios $HEAP_END"
echo "Time to start (launch to ready line): empty store $START_EMPTY_MS ms; restart on the seeded store (storage timeout 60 s) $START_SEEDED_MS ms"
# The server's own timeline of each start (logged at INFO; nothing is logged per request).
for label in moderato-nocache moderato-warm; do
  grep -ho 'Started in .*\|Loaded [0-9]* saved index.*\|(file opened in .*' "$WORK/$label.err" 2>/dev/null \
    | sed "s/^/Start $label: /" || true
done
for size in $SIZES; do
  printf 'Page bytes bench-%s (limit 20): %s\n' "$size" "$(wc -c <"$WORK/pages/bench-$size.json")"
done
if [[ $FAILED != 0 ]]; then
  log "some scenarios failed (see above)"
  exit 1
fi
