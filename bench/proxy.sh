#!/usr/bin/env bash
# What proxy mode adds to a call: the same signed call, answered by an upstream (a packaged mock on 127.0.0.1)
# directly, then through a second packaged mock in proxy mode in front of it (re-signing, forwarding, and the
# spec check of every exchange after its answer), and, where nginx is installed, through a plain nginx
# reverse proxy as well (what any second hop costs on this machine). All are first warmed at full speed
# (BENCH_WARMUP seconds per call, default 30: the proxy's answers keep getting faster for about that long).
# Three loads per call: paced (8 connections, each pausing a random time after every answer, exponentially
# distributed with a mean of 20 ms: about 400 calls a second; or 5 ms: about 1,500), latency at a set load
# from independent clients, and full speed (8 connections, no pause: the saturated machine). Each load runs
# BENCH_ROUNDS times (default 5) against each server in turn, the order swapped every round, so that whatever
# else the machine does falls on all of them alike; the table pools each server's rounds into one distribution
# (every call of every round) and gives its p50 and p99, and the p99 the proxies add.
# Usage: bench/proxy.sh [seconds per run, default 10]; BENCH_RECORD=1 also records every exchange to a folder;
# BENCH_CALLS="PATCH" and BENCH_PAUSES="20" pick a part; BENCH_NGINX=0 leaves nginx out; PROXY_JVM_FLAGS the
# JVM flags of both servers.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
ROUNDS=${BENCH_ROUNDS:-5}
WARMUP=${BENCH_WARMUP:-30}
BENCH_SERVERS=ours
source bench/common.sh
# a proxy takes only a client pair of its own, never the published local one
AK=BENCHPROXYACCESS0001
SK=bench-proxy-secret-00000000000000000000001
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
JVM_FLAGS=${PROXY_JVM_FLAGS:--Xmx256m -XX:+UseSerialGC}
UPSTREAM_PORT=18090
PROXY_PORT=18091
NGINX_PORT=18092

echo "== building our server"
./mvnw -B -q package -pl server -am -Dmaven.test.skip=true

RECORD_DIR=$(mktemp -d)
pids=()
NGINX_DIR=$(mktemp -d)
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$NGINX_DIR/nginx.pid" ] && kill "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null || true
  rm -rf "$RECORD_DIR" "$NGINX_DIR"
}
trap cleanup EXIT
QUARKUS_HTTP_PORT=$UPSTREAM_PORT QUARKUS_HTTP_HOST=127.0.0.1 NCP_MOCK_CREDENTIALS="$AK:$SK" \
  java $JVM_FLAGS -jar server/target/quarkus-app/quarkus-run.jar > "$OUT/proxy-upstream.log" 2>&1 &
pids+=($!)
QUARKUS_HTTP_PORT=$PROXY_PORT QUARKUS_HTTP_HOST=127.0.0.1 NCP_MOCK_CREDENTIALS="$AK:$SK" \
  NCP_MOCK_UPSTREAM=http://127.0.0.1:$UPSTREAM_PORT/api/v1 NCP_MOCK_UPSTREAM_CREDENTIALS="$AK:$SK" NCP_MOCK_UPSTREAM_ALLOW_WRITES=true \
  ${BENCH_RECORD:+NCP_MOCK_RECORD_DIR=$RECORD_DIR} \
  java $JVM_FLAGS -jar server/target/quarkus-app/quarkus-run.jar > "$OUT/proxy-proxy.log" 2>&1 &
pids+=($!)
targets=(direct "http://127.0.0.1:$UPSTREAM_PORT" proxied "http://127.0.0.1:$PROXY_PORT")
if [ "${BENCH_NGINX:-1}" != 0 ] && need nginx; then
  # one worker, keep-alive connections to the upstream: the leanest second hop there is
  cat > "$NGINX_DIR/nginx.conf" <<CONF
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $NGINX_DIR; proxy_temp_path $NGINX_DIR; fastcgi_temp_path $NGINX_DIR; uwsgi_temp_path $NGINX_DIR; scgi_temp_path $NGINX_DIR;
  upstream mock { server 127.0.0.1:$UPSTREAM_PORT; keepalive 16; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://mock; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
  nginx -c "$NGINX_DIR/nginx.conf"
  targets+=(nginx "http://127.0.0.1:$NGINX_PORT")
fi
for port in $UPSTREAM_PORT $PROXY_PORT; do
  for _ in $(seq 1 300); do
    curl -s -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break
    sleep 0.1
  done
done

load() { # name url method pause-ms seconds: one run, its wrk report added to $OUT/proxy-NAME-METHOD-pausePAUSE.txt
  local ts sig pacing=()
  ts=$(date +%s%3N); sig=$(sign "$3" "$KEY_PATH" "$ts")
  [ "$4" != 0 ] && pacing=(BENCH_DELAY_MS="$4")
  env BENCH_METHOD="$3" BENCH_PATH="$KEY_PATH" BENCH_TS="$ts" BENCH_AK="$AK" BENCH_SIG="$sig" BENCH_QUANTILES=1 "${pacing[@]}" \
    wrk -t1 -c8 -d"${5}s" --latency -s bench/signed.lua "$2" >> "$OUT/proxy-$1-$3-pause$4.txt"
}
field() { echo "$1" | sed -n "s/.*$2=\([0-9.]*\).*/\1/p"; }
added() { awk -v a="$(field "$1" p99)" -v b="$(field "$2" p99)" 'BEGIN { printf "%.2f", a - b }'; } # p99 of $1 over $2
rate() { awk '/^RESULT/ { sub(/rps=/, "", $2); sum += $2; n++ } END { printf "%.0f", sum / n }' "$1"; }

echo "== warm-up (${WARMUP}s each)"
for method in ${BENCH_CALLS:-GET PATCH}; do
  for ((t = 0; t < ${#targets[@]}; t += 2)); do
    load warmup "${targets[t+1]}" "$method" 0 "$WARMUP"
  done
done
rm -f "$OUT"/proxy-*.txt
echo "== ${ROUNDS} rounds of ${DURATION}s per server, call and load"
for method in ${BENCH_CALLS:-GET PATCH}; do
  for pause in ${BENCH_PAUSES:-20 5 0}; do
    for round in $(seq 1 "$ROUNDS"); do
      order=$(seq 0 2 $((${#targets[@]} - 2)))
      [ $((round % 2)) = 0 ] && order=$(echo "$order" | sort -rn)
      for t in $order; do load "${targets[t]}" "${targets[t+1]}" "$method" "$pause" "$DURATION"; done
    done
  done
done
echo
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); wrk -t1 -c8; ${ROUNDS} rounds of ${DURATION}s per server; recording ${BENCH_RECORD:+on}${BENCH_RECORD:-off}"
nginx_columns=""; nginx_rule=""
if [ ${#targets[@]} -gt 4 ]; then nginx_columns=" nginx p99 ms | nginx p99 added ms |"; nginx_rule="---|---|"; fi
printf '| call | load | direct req/s | direct p50 ms | direct p99 ms | proxied req/s | proxied p50 ms | proxied p99 ms | p99 added ms |%s\n' "$nginx_columns"
printf '|---|---|---|---|---|---|---|---|---|%s\n' "$nginx_rule"
for method in ${BENCH_CALLS:-GET PATCH}; do
  for pause in ${BENCH_PAUSES:-20 5 0}; do
    direct=$(awk -f bench/pool.awk "$OUT/proxy-direct-$method-pause$pause.txt")
    proxied=$(awk -f bench/pool.awk "$OUT/proxy-proxied-$method-pause$pause.txt")
    extra=""
    if [ ${#targets[@]} -gt 4 ]; then
      nginx=$(awk -f bench/pool.awk "$OUT/proxy-nginx-$method-pause$pause.txt")
      extra=$(printf ' %s | %s |' "$(field "$nginx" p99)" "$(added "$nginx" "$direct")")
    fi
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |%s\n' "$method" "$( [ "$pause" = 0 ] && echo "8 connections, full speed" || echo "8 connections, mean pause ${pause} ms" )" \
      "$(rate "$OUT/proxy-direct-$method-pause$pause.txt")" "$(field "$direct" p50)" "$(field "$direct" p99)" \
      "$(rate "$OUT/proxy-proxied-$method-pause$pause.txt")" "$(field "$proxied" p50)" "$(field "$proxied" p99)" \
      "$(added "$proxied" "$direct")" "$extra"
  done
done
curl -s "http://127.0.0.1:$PROXY_PORT/mock/drift" | sed -n 's/.*"checkedExchanges":\([0-9]*\),"exchangesWithDrift":\([0-9]*\),"uncheckedExchanges":\([0-9]*\),"kinds":\([0-9]*\).*/the proxy checked \1 exchanges (\3 left unchecked), \2 with drift, \4 kinds/p'; echo
