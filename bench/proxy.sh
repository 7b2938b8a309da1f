#!/usr/bin/env bash
# What proxy mode adds to a call: the same signed call, answered by an upstream (a packaged mock on 127.0.0.1)
# directly, then through a second packaged mock in proxy mode in front of it (re-signing, forwarding, and the
# spec check of every exchange after its answer). Both are first warmed at full speed (BENCH_WARMUP seconds
# per call, default 30: the proxy's answers keep getting faster for about that long). Three loads per call:
# paced (8 connections, each pausing a random time after every answer, exponentially distributed with a mean
# of 20 ms: about 400 calls a second; or 5 ms: about 1,500), latency at a set load from independent clients,
# and full speed (8 connections, no pause: the saturated machine). Prints one table with the p99 each adds.
# Usage: bench/proxy.sh [seconds per run, default 20]; BENCH_RECORD=1 also records every exchange to a folder;
# BENCH_CALLS="PATCH" and BENCH_PAUSES="20" pick a part; PROXY_JVM_FLAGS the JVM flags of both servers.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
WARMUP=${BENCH_WARMUP:-30}
BENCH_SERVERS=ours
source bench/common.sh
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
JVM_FLAGS=${PROXY_JVM_FLAGS:--Xmx256m -XX:+UseSerialGC}
UPSTREAM_PORT=18090
PROXY_PORT=18091

echo "== building our server"
./mvnw -B -q package -pl server -am -DskipTests

RECORD_DIR=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$RECORD_DIR"; }
trap cleanup EXIT
QUARKUS_HTTP_PORT=$UPSTREAM_PORT QUARKUS_HTTP_HOST=127.0.0.1 NCP_MOCK_CREDENTIALS="$AK:$SK" \
  java $JVM_FLAGS -jar server/target/quarkus-app/quarkus-run.jar > "$OUT/proxy-upstream.log" 2>&1 &
pids+=($!)
QUARKUS_HTTP_PORT=$PROXY_PORT QUARKUS_HTTP_HOST=127.0.0.1 NCP_MOCK_CREDENTIALS="$AK:$SK" \
  NCP_MOCK_UPSTREAM=http://127.0.0.1:$UPSTREAM_PORT/api/v1 NCP_MOCK_UPSTREAM_CREDENTIALS="$AK:$SK" \
  ${BENCH_RECORD:+NCP_MOCK_RECORD_DIR=$RECORD_DIR} \
  java $JVM_FLAGS -jar server/target/quarkus-app/quarkus-run.jar > "$OUT/proxy-proxy.log" 2>&1 &
pids+=($!)
for port in $UPSTREAM_PORT $PROXY_PORT; do
  for _ in $(seq 1 300); do
    curl -s -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break
    sleep 0.1
  done
done

load() { # name url method pause-ms seconds -> RESULT line (pause 0: full speed)
  local ts sig pacing=()
  ts=$(date +%s%3N); sig=$(sign "$3" "$KEY_PATH" "$ts")
  [ "$4" != 0 ] && pacing=(BENCH_DELAY_MS="$4")
  env BENCH_METHOD="$3" BENCH_PATH="$KEY_PATH" BENCH_TS="$ts" BENCH_AK="$AK" BENCH_SIG="$sig" "${pacing[@]}" \
    wrk -t1 -c8 -d"${5}s" --latency -s bench/signed.lua "$2" > "$OUT/proxy-$1-$3-pause$4.txt"
  grep '^RESULT' "$OUT/proxy-$1-$3-pause$4.txt"
}
field() { echo "$1" | sed -n "s/.*$2=\([0-9.]*\).*/\1/p"; }

echo "== warm-up (${WARMUP}s each)"
for method in ${BENCH_CALLS:-GET PATCH}; do
  load warmup "http://127.0.0.1:$UPSTREAM_PORT" "$method" 0 "$WARMUP" > /dev/null
  load warmup "http://127.0.0.1:$PROXY_PORT" "$method" 0 "$WARMUP" > /dev/null
done
echo
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); wrk -t1 -c8, ${DURATION}s per run; recording ${BENCH_RECORD:+on}${BENCH_RECORD:-off}"
printf '| call | load | direct req/s | direct p50 ms | direct p99 ms | proxied req/s | proxied p50 ms | proxied p99 ms | p99 added ms |\n|---|---|---|---|---|---|---|---|---|\n'
for method in ${BENCH_CALLS:-GET PATCH}; do
  for pause in ${BENCH_PAUSES:-20 5 0}; do
    direct=$(load direct "http://127.0.0.1:$UPSTREAM_PORT" "$method" "$pause" "$DURATION")
    proxied=$(load proxied "http://127.0.0.1:$PROXY_PORT" "$method" "$pause" "$DURATION")
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$method" "$( [ "$pause" = 0 ] && echo "8 connections, full speed" || echo "8 connections, mean pause ${pause} ms" )" \
      "$(field "$direct" rps)" "$(field "$direct" p50)" "$(field "$direct" p99)" \
      "$(field "$proxied" rps)" "$(field "$proxied" p50)" "$(field "$proxied" p99)" \
      "$(awk -v a="$(field "$proxied" p99)" -v b="$(field "$direct" p99)" 'BEGIN { printf "%.2f", a - b }')"
  done
done
curl -s "http://127.0.0.1:$PROXY_PORT/mock/drift" | sed -n 's/.*"checkedExchanges":\([0-9]*\),"exchangesWithDrift":\([0-9]*\),"uncheckedExchanges":\([0-9]*\),"kinds":\([0-9]*\).*/the proxy checked \1 exchanges (\3 left unchecked), \2 with drift, \4 kinds/p' 
