#!/usr/bin/env bash
# Side-by-side benchmark of this project's mock against Prism and WireMock on the same machine, one
# server at a time on 127.0.0.1, each loaded by wrk with the signed regenerate call (PATCH) and the
# signed get-one call (GET). Prints one table. Usage: bench/run.sh [seconds per run, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
WARMUP=${BENCH_WARMUP:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
# BENCH_SERVERS picks a subset, for example BENCH_SERVERS="ours ours-redis"
BENCH_SERVERS=${BENCH_SERVERS:-ours ours-throughput ours-cold ours-redis ours-redis-nginx wiremock prism}
source bench/common.sh
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
# Documented JVM flags of our server: a bounded heap and metaspace, and the AppCDS archive made by the
# build (it must be used from the quarkus-app folder, where its class path was recorded).
OUR_JVM_FLAGS=${OUR_JVM_FLAGS:--Xmx96m -Xms32m -XX:+UseSerialGC -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:SharedArchiveFile=app-cds.jsa}

need redis-server || { apt-get update -qq && apt-get install -y -qq redis-server; }
need nginx || [ -x /usr/sbin/nginx ] || { apt-get update -qq && apt-get install -y -qq nginx-light; }

echo "== building our server (with its AppCDS archive)"
./mvnw -B -q package -pl server -am -Dmaven.test.skip=true -Dquarkus.package.jar.appcds.enabled=true
install_peers

first_200_ms() { # start-epoch-ns url path
  # one signature made beforehand (valid for 5 minutes), so the poll itself costs the server's CPU little
  local start=$1 url=$2 path=$3 ts sig
  ts=$(date +%s%3N); sig=$(sign GET "$path" "$ts")
  for _ in $(seq 1 3000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "x-ncp-apigw-timestamp: $ts" -H "x-ncp-iam-access-key: $AK" \
        -H "x-ncp-apigw-signature-v2: $sig" "$url$path" 2>/dev/null)" = 200 ]; then
      echo $(( ($(date +%s%N) - start) / 1000000 )); return
    fi
    sleep 0.02
  done
  echo "no 200 from $url$path within 60 s" >&2; return 1
}

load() { # name base-url method seconds path -> RESULT line
  local ts sig
  ts=$(date +%s%3N); sig=$(sign "$3" "$5" "$ts")
  BENCH_METHOD=$3 BENCH_PATH=$5 BENCH_TS=$ts BENCH_AK=$AK BENCH_SIG=$sig \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${4}s" --latency -s bench/signed.lua "$2" > "$OUT/$1-$3.txt"
  grep '^RESULT' "$OUT/$1-$3.txt"
}

signed_curl() { # base-url method path [json] -> the answer's body
  local ts sig; ts=$(date +%s%3N); sig=$(sign "$2" "$3" "$ts")
  curl -sf -X "$2" "$1$3" -H "x-ncp-apigw-timestamp: $ts" -H "x-ncp-iam-access-key: $AK" -H "x-ncp-apigw-signature-v2: $sig" \
    ${4:+-H 'Content-Type: application/json' --data "$4"}
}

GATEWAY_PATH=/gateway/wthr7k2m4q/weather-observations/prod/now
gateway_load() { # name base-url seconds -> RESULT line: seedmob002 (not the key the PATCH load regenerates) on the Unlimited plan
  signed_curl "$2" POST /api/v1/api-keys/seedmob002/subscribe '{"productId": "prodpub001"}' > /dev/null
  signed_curl "$2" PUT /api/v1/products/prodpub001/api-keys/seedmob002/stages/stgobsprd1 '{"usagePlanId": "planunlim1"}' > /dev/null
  local key; key=$(signed_curl "$2" GET /api/v1/api-keys/seedmob002 | sed -n 's/.*"primaryKey" *: *"\([^"]*\)".*/\1/p')
  BENCH_GATEWAY_PATH=$GATEWAY_PATH BENCH_GATEWAY_KEY=$key \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${3}s" --latency -s bench/gateway.lua "$2" > "$OUT/$1-GATEWAY.txt"
  grep '^RESULT' "$OUT/$1-GATEWAY.txt"
}

declare -A ROW
bench_one() { # name port path command...
  local name=$1 port=$2 path=$3; shift 3
  local url="http://127.0.0.1:$port" start pid
  start=$(date +%s%N)
  "$@" > "$OUT/$name-server.log" 2>&1 &
  pid=$!
  local ready; ready=$(first_200_ms "$start" "$url" "$path")
  load "$name-warmup" "$url" PATCH "$WARMUP" "$path" > /dev/null
  load "$name-warmup" "$url" GET "$WARMUP" "$path" > /dev/null
  local patch get rss
  patch=$(load "$name" "$url" PATCH "$DURATION" "$path")
  get=$(load "$name" "$url" GET "$DURATION" "$path")
  local gateway=""
  if [[ $name == ours* ]]; then # the mock's gateway: an admitted call with the echo answer
    gateway_load "$name-warmup" "$url" "$WARMUP" > /dev/null
    gateway=$(gateway_load "$name" "$url" "$DURATION")
  fi
  rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  ROW[$name]="$ready|$rss|$patch|$get|$gateway"
  echo "   $name: first 200 after ${ready} ms, RSS ${rss} MB; PATCH $patch; GET $get${gateway:+; GATEWAY $gateway}"
}

field() { echo "$1" | sed -n "s/.*$2=\([0-9.]*\).*/\1/p"; }

if runs ours; then
  echo "== our server"
  run_ours() { cd server/target/quarkus-app && exec env QUARKUS_HTTP_PORT=18080 QUARKUS_HTTP_HOST=127.0.0.1 \
    NCP_MOCK_CREDENTIALS="$AK:$SK" java $OUR_JVM_FLAGS -jar quarkus-run.jar; }
  bench_one ours 18080 "$KEY_PATH" run_ours
fi
if runs ours-throughput || runs ours-cold; then
  # ./ncp-mock with the best cache of the JDK and mode, as the launches after the first have it (not measured)
  NCP_MOCK_MODE=throughput NCP_MOCK_TRAIN_ONLY=1 ./ncp-mock > /dev/null 2>&1
  NCP_MOCK_MODE=cold NCP_MOCK_TRAIN_ONLY=1 ./ncp-mock > /dev/null 2>&1
fi
if runs ours-throughput; then
  echo "== our server, ./ncp-mock in throughput mode ($(NCP_MOCK_MODE=throughput NCP_MOCK_LAUNCHER_DRY_RUN=1 ./ncp-mock 2>&1 >/dev/null | sed 's/^ncp-mock: //'))"
  run_ours_throughput() { exec env QUARKUS_HTTP_PORT=18085 QUARKUS_HTTP_HOST=127.0.0.1 NCP_MOCK_CREDENTIALS="$AK:$SK" NCP_MOCK_MODE=throughput ./ncp-mock; }
  bench_one ours-throughput 18085 "$KEY_PATH" run_ours_throughput
fi
if runs ours-cold; then
  echo "== our server, ./ncp-mock in cold mode (the default: C1 only, 96 MB heap)"
  run_ours_cold() { exec env QUARKUS_HTTP_PORT=18083 QUARKUS_HTTP_HOST=127.0.0.1 NCP_MOCK_CREDENTIALS="$AK:$SK" NCP_MOCK_MODE=cold ./ncp-mock; }
  bench_one ours-cold 18083 "$KEY_PATH" run_ours_cold
fi
if runs ours-redis; then
  echo "== our server, Redis store (one replica, redis-server on 127.0.0.1)"
  REDIS_DIR=$(mktemp -d)
  redis-server --port 16390 --bind 127.0.0.1 --dir "$REDIS_DIR" --appendonly yes --save "" --daemonize yes \
    --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log"
  run_ours_redis() { cd server/target/quarkus-app && exec env QUARKUS_HTTP_PORT=18086 QUARKUS_HTTP_HOST=127.0.0.1 \
    NCP_MOCK_CREDENTIALS="$AK:$SK" NCP_MOCK_STORE=redis QUARKUS_REDIS_HOSTS=redis://127.0.0.1:16390 java $OUR_JVM_FLAGS -jar quarkus-run.jar; }
  bench_one ours-redis 18086 "$KEY_PATH" run_ours_redis
  kill "$(cat "$REDIS_DIR/redis.pid")"
fi
if runs ours-redis-nginx; then
  echo "== our server, Redis store, two replicas behind nginx (deploy/local-cluster.sh)"
  CLUSTER_ENV=(CLUSTER_PORT=18088 REPLICA_PORTS="18089 18087" REDIS_PORT=16391 RUN_DIR="$(mktemp -d)" NCP_MOCK_CREDENTIALS="$AK:$SK"
    NCP_MOCK_JAVA_OPTS="${OUR_JVM_FLAGS/app-cds.jsa/$ROOT/server/target/quarkus-app/app-cds.jsa}")
  start=$(date +%s%N)
  env "${CLUSTER_ENV[@]}" deploy/local-cluster.sh up > "$OUT/ours-redis-nginx-cluster.log" 2>&1
  ready=$(first_200_ms "$start" http://127.0.0.1:18088 "$KEY_PATH")
  load ours-redis-nginx-warmup http://127.0.0.1:18088 PATCH "$WARMUP" "$KEY_PATH" > /dev/null
  load ours-redis-nginx-warmup http://127.0.0.1:18088 GET "$WARMUP" "$KEY_PATH" > /dev/null
  patch=$(load ours-redis-nginx http://127.0.0.1:18088 PATCH "$DURATION" "$KEY_PATH")
  get=$(load ours-redis-nginx http://127.0.0.1:18088 GET "$DURATION" "$KEY_PATH")
  rss=$(( $(ps -o rss= -p "$(pgrep -f 'quarkus.http.port=18089')") / 1024 ))
  env "${CLUSTER_ENV[@]}" deploy/local-cluster.sh down >> "$OUT/ours-redis-nginx-cluster.log" 2>&1
  ROW[ours-redis-nginx]="$ready|$rss|$patch|$get"
  echo "   ours-redis-nginx: first 200 after ${ready} ms (whole cluster), RSS ${rss} MB per replica; PATCH $patch; GET $get"
fi
if runs wiremock; then
  echo "== WireMock $WIREMOCK_VERSION (--no-request-journal)"
  WM_ROOT=$(mktemp -d); mkdir -p "$WM_ROOT/mappings"; cp bench/wiremock-mappings.json "$WM_ROOT/mappings/"
  bench_one wiremock 18082 "$KEY_PATH" java -jar "$TOOLS/wiremock-standalone-$WIREMOCK_VERSION.jar" --port 18082 --bind-address 127.0.0.1 \
    --root-dir "$WM_ROOT" --no-request-journal --disable-banner
fi
if runs prism; then
  echo "== Prism $PRISM_VERSION (-v error)"
  # Prism serves the spec's paths without the servers' /api/v1 prefix.
  bench_one prism 18084 "${KEY_PATH#/api/v1}" "$TOOLS/node_modules/.bin/prism" mock openapi/ncp-apigw-apikeys.yaml -h 127.0.0.1 -p 18084 -v error
fi

echo
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), shared by wrk -t$THREADS -c$CONNECTIONS; ${DURATION}s per run after ${WARMUP}s warm-up"
printf '| server | call | req/s | p50 ms | p99 ms | non-2xx | socket errors | launch to first 200 ms | RSS after load MB |\n|---|---|---|---|---|---|---|---|---|\n'
for name in $BENCH_SERVERS; do
  IFS='|' read -r ready rss patch get gateway <<< "${ROW[$name]}"
  for call in PATCH GET GATEWAY; do
    line=$patch; [ "$call" = GET ] && line=$get; [ "$call" = GATEWAY ] && line=$gateway
    [ -z "$line" ] && continue
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$call" "$(field "$line" rps)" "$(field "$line" p50)" \
      "$(field "$line" p99)" "$(field "$line" non2xx)" "$(field "$line" errors)" "$ready" "$rss"
  done
done
for ours in ours ours-throughput ours-cold ours-redis ours-redis-nginx; do
  runs "$ours" || continue
  ours_patch=$(field "$(echo "${ROW[$ours]}" | cut -d'|' -f3)" rps)
  for peer in wiremock prism; do
    runs "$peer" || continue
    peer_patch=$(field "$(echo "${ROW[$peer]}" | cut -d'|' -f3)" rps)
    echo "$ours / $peer on PATCH: $(awk -v a="$ours_patch" -v b="$peer_patch" 'BEGIN { printf "%.1fx", a / b }')"
  done
done
