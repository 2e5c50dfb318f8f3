#!/usr/bin/env bash
# Moderato soak test: mixed traffic for a long while against one instance with the embedded store,
# watching latency, heap and file descriptors, then checking that every acknowledged write is
# there. Loopback only; not run in CI. See bench/src/Soak.java for the traffic mix.
#
#   bench/soak.sh                          # 10 minutes
#   SOAK_DURATION=2m bench/soak.sh         # a quick check that it still works
#
# Environment:
#   SOAK_DURATION     how long the traffic runs: 90s, 10m, 2h or plain seconds (default 10m)
#   SOAK_CONCURRENCY  client threads (default 16)
#   SOAK_RATE         requests per second, all threads together; 0 = as fast as they can
#                     (default 200: a steady load, so the store grows at a realistic pace)
#   SOAK_INTERVAL     seconds between report lines (default 10)
#   SOAK_ARTICLES     articles the traffic spreads over (default 20)
#   SOAK_JAVA_OPTS    extra JVM options for Moderato (default none)
#   SOAK_KEEP=1       keep the work directory (server logs, data)
#   MODERATO_JAR      the jar to run (default target/moderato.jar, built if missing)
#
# Exit status: 0 when there was no 5xx, no request without an answer, every acknowledged comment
# and decision was found as acknowledged, and SIGTERM stopped the server with exit code 0.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DURATION=${SOAK_DURATION:-10m}
CONCURRENCY=${SOAK_CONCURRENCY:-16}
RATE=${SOAK_RATE:-200}
INTERVAL=${SOAK_INTERVAL:-10}
ARTICLES=${SOAK_ARTICLES:-20}
JAR=${MODERATO_JAR:-$ROOT/target/moderato.jar}
HOLD_WORD=soakhold

case $DURATION in
  *h) SECONDS_TOTAL=$(( ${DURATION%h} * 3600 )) ;;
  *m) SECONDS_TOTAL=$(( ${DURATION%m} * 60 )) ;;
  *s) SECONDS_TOTAL=${DURATION%s} ;;
  *) SECONDS_TOTAL=$DURATION ;;
esac
[[ $SECONDS_TOTAL =~ ^[0-9]+$ && $SECONDS_TOTAL -gt 0 ]] \
  || { echo "soak: SOAK_DURATION=$DURATION is not a duration (90s, 10m, 2h)" >&2; exit 2; }

for tool in java jcmd awk; do
  command -v "$tool" >/dev/null || { echo "soak: $tool not found" >&2; exit 1; }
done
if [[ ! -f "$JAR" ]]; then
  echo "soak: building $JAR" >&2
  (cd "$ROOT" && mvn -q -DskipTests package)
fi
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/moderato-soak.XXXXXX")
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ "${SOAK_KEEP:-0}" == 1 ]]; then
    echo "soak: kept $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "soak: $*"; }

heap() {  # "used of committed" of the Java heap, from jcmd GC.heap_info
  jcmd "$1" GC.heap_info 2>/dev/null | awk '/total .*used/ {
    for (i = 1; i <= NF; i++) { if ($i == "total") t = $(i+1); if ($i == "used") u = $(i+1) }
    gsub(/[K,]/, "", t); gsub(/[K,]/, "", u);
    printf "%.0f MiB used of %.0f MiB committed", u / 1024, t / 1024; exit }'
}
live_heap() {  # heap after a full GC: what the server really holds
  jcmd "$1" GC.run >/dev/null 2>&1 || true
  heap "$1"
}
fds() { ls "/proc/$1/fd" 2>/dev/null | wc -l; }

# Only what differs from config/moderato.yaml's defaults: the word that holds comments.
cat >"$WORK/soak.yaml" <<EOF
filters:
  suspectWords: [$HOLD_WORD]
EOF

ADMIN_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
(cd "$WORK" && exec env MODERATO_CONFIG="$WORK/soak.yaml" MODERATO_HTTP_HOST=127.0.0.1 \
  MODERATO_HTTP_PORT=0 MODERATO_DATA_DIR="$WORK/data" MODERATO_RATE_LIMITS=off \
  MODERATO_ADMIN_TOKEN="$ADMIN_TOKEN" MODERATO_LOG_LEVEL="${MODERATO_LOG_LEVEL:-WARN}" \
  java ${SOAK_JAVA_OPTS:-} -jar "$JAR" >"$WORK/server.out" 2>"$WORK/server.err") &
SERVER_PID=$!
line=""
for _ in $(seq 1 9000); do
  line=$(grep -m1 'moderato listening on' "$WORK/server.out" 2>/dev/null || true)
  [[ -n "$line" ]] && break
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    grep -m5 'ERROR' "$WORK/server.err" >&2 || true
    log "the server did not start (log: $WORK/server.err)"; SOAK_KEEP=1; exit 1
  fi
  sleep 0.02
done
[[ -n "$line" ]] || { log "no ready line after 180 s"; exit 1; }
PORT=${line##*:}
PORT=${PORT%%[!0-9]*}
BASE="http://127.0.0.1:$PORT"
log "server pid $SERVER_PID on $BASE; work dir $WORK; $SECONDS_TOTAL s, $CONCURRENCY threads, rate $RATE/s"

LIVE_START=$(live_heap "$SERVER_PID")
FDS_START=$(fds "$SERVER_PID")
STATUS=0
java "$ROOT/bench/src/Soak.java" "$BASE" "$SERVER_PID" "$SECONDS_TOTAL" "$CONCURRENCY" \
  "$INTERVAL" "$RATE" "$ARTICLES" "$ADMIN_TOKEN" "$HOLD_WORD" || STATUS=$?
LIVE_END=$(live_heap "$SERVER_PID")
FDS_END=$(fds "$SERVER_PID")
STORE=$(du -sh "$WORK/data" | cut -f1)
log "live heap (after a full GC): start $LIVE_START; end $LIVE_END"
log "open fds: start $FDS_START; end $FDS_END; store on disk $STORE"
if grep -q 'ERROR' "$WORK/server.err"; then
  log "the server logged errors (first ones):"
  grep -m5 'ERROR' "$WORK/server.err" | sed 's/^/soak:   /'
fi

kill -TERM "$SERVER_PID"
EXIT=""
for _ in $(seq 1 300); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    wait "$SERVER_PID" && EXIT=0 || EXIT=$?
    break
  fi
  sleep 0.1
done
if [[ -n "$EXIT" ]]; then
  SERVER_PID=""
fi
if [[ "$EXIT" != 0 ]]; then
  log "SIGTERM: the server exited with '${EXIT:-nothing: still running after 30 s}', expected 0"
  STATUS=1
else
  log "SIGTERM: server stopped with exit code 0"
fi
exit "$STATUS"
