#!/usr/bin/env bash
# Fairness of a shared mock: does one busy, large tenant slow another? Starts our server (memory, the benchmark's
# JVM flags) on 127.0.0.1:18090, then:
#   1. a workspace "big" filled to ncp.mock.tenant-max-keys (10,000) keys;
#   2. the configured tenant's admitted gateway call (seedmob002 on the Unlimited plan) at a steady load (4 connections,
#      each a call then a random pause, 10 ms on average: about 350 calls/s), measured alone: the idle p99;
#   3. the same call measured again while two clients hammer the big workspace, one listing 1,000 of its keys per
#      call, the other calling its gateway with a key it does not hold (each call a lookup among 10,000 keys);
# and prints both p99s and their ratio. Usage: bench/fairness.sh [seconds per measurement, default 10]
# (BENCH_HAMMERS="list" or "gateway" runs one hammering client only).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
WARMUP=${BENCH_WARMUP:-10}
PORT=18090
BASE=http://127.0.0.1:$PORT
BENCH_SERVERS=ours
source bench/common.sh
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
rm -f "$OUT"/fairness-*.txt
JVM_FLAGS=${OUR_JVM_FLAGS:--Xmx256m -Xms64m -XX:+UseSerialGC -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=64m -Xss512k}

echo "== building our server"
[ -f server/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -pl server -am -DskipTests

QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 java $JVM_FLAGS -jar server/target/quarkus-app/quarkus-run.jar \
  > "$OUT/fairness-server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -s -o /dev/null "$BASE/q/health/ready" && break; sleep 0.1; done

signed() { # access-key secret method path [json]
  local ts sig; ts=$(date +%s%3N)
  sig=$(printf '%s %s\n%s\n%s' "$3" "$4" "$ts" "$1" | openssl dgst -sha256 -hmac "$2" -binary | base64)
  curl -sf -X "$3" "$BASE$4" -H "x-ncp-apigw-timestamp: $ts" -H "x-ncp-iam-access-key: $1" -H "x-ncp-apigw-signature-v2: $sig" \
    ${5:+-H 'Content-Type: application/json' --data "$5"}
}
field() { sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p"; }

echo "== a workspace filled to its limit of keys"
made=$(curl -sf -X POST "$BASE/mock/workspaces" -H 'Content-Type: application/json' -d '{"name": "big", "ttlSeconds": 3600}')
WS=$(echo "$made" | field workspaceId); WAK=$(echo "$made" | field accessKey); WSK=$(echo "$made" | field secretKey)
fill_path=/workspaces/$WS/api/v1/api-keys
ts=$(date +%s%3N); sig=$(printf 'POST %s\n%s\n%s' "$fill_path" "$ts" "$WAK" | openssl dgst -sha256 -hmac "$WSK" -binary | base64)
BENCH_FILL_PATH=$fill_path BENCH_TS=$ts BENCH_AK=$WAK BENCH_SIG=$sig \
  wrk -t1 -c4 -d30s -s bench/fill.lua "$BASE" > "$OUT/fairness-fill.txt"
keys=$(signed "$WAK" "$WSK" GET "/api/v1/api-keys?limit=1" | sed -n 's/.*"total" *: *\([0-9]*\).*/\1/p')
echo "   the workspace holds $keys keys"

echo "== the other tenant's gateway key"
signed "$AK" "$SK" POST /api/v1/api-keys/seedmob002/subscribe '{"productId": "prodpub001"}' > /dev/null
signed "$AK" "$SK" PUT /api/v1/products/prodpub001/api-keys/seedmob002/stages/stgobsprd1 '{"usagePlanId": "planunlim1"}' > /dev/null
KEY=$(signed "$AK" "$SK" GET /api/v1/api-keys/seedmob002 | field primaryKey)
GATEWAY_PATH=/gateway/wthr7k2m4q/weather-observations/prod/now

victim() { # name seconds -> RESULT line: 4 connections, each a call then a random pause of BENCH_VICTIM_DELAY_MS (10) on average
  BENCH_GATEWAY_PATH=$GATEWAY_PATH BENCH_GATEWAY_KEY=$KEY BENCH_DELAY_MS=${BENCH_VICTIM_DELAY_MS:-10} wrk -t1 -c4 -d"${2}s" --latency -s bench/gateway.lua "$BASE" > "$OUT/fairness-$1.txt"
  grep '^RESULT' "$OUT/fairness-$1.txt"
}
hammer() { # seconds: two clients at full speed on the big workspace, in the background
  local list_path="/workspaces/$WS/api/v1/api-keys?limit=1000" ts sig
  ts=$(date +%s%3N); sig=$(printf 'GET %s\n%s\n%s' "$list_path" "$ts" "$WAK" | openssl dgst -sha256 -hmac "$WSK" -binary | base64)
  if [[ " ${BENCH_HAMMERS:-list gateway} " == *" list "* ]]; then
    BENCH_METHOD=GET BENCH_PATH=$list_path BENCH_TS=$ts BENCH_AK=$WAK BENCH_SIG=$sig \
      wrk -t1 -c1 -d"${1}s" -s bench/signed.lua "$BASE" > "$OUT/fairness-hammer-list.txt" &
  fi
  if [[ " ${BENCH_HAMMERS:-list gateway} " == *" gateway "* ]]; then
    BENCH_GATEWAY_PATH=/workspaces/$WS/gateway/wthr7k2m4q/weather-observations/prod/now BENCH_GATEWAY_KEY=NOT-A-KEY-OF-THIS-WORKSPACE \
      wrk -t1 -c1 -d"${1}s" -s bench/gateway.lua "$BASE" > "$OUT/fairness-hammer-gateway.txt" &
  fi
}

echo "== warm-up ($WARMUP s), then $DURATION s alone and $DURATION s beside the hammering"
victim warmup "$WARMUP" > /dev/null
hammer "$WARMUP"
sleep "$WARMUP"; sleep 1
idle=$(victim idle "$DURATION")
hammer $((DURATION + 2)); sleep 1
busy=$(victim busy "$DURATION")
sleep 2
p99() { echo "$1" | sed -n 's/.*p99=\([0-9.]*\).*/\1/p'; }
rps() { echo "$1" | sed -n 's/.*rps=\([0-9.]*\).*/\1/p'; }
echo "   idle mock:        $idle"
echo "   beside hammering: $busy"
for hammer in list gateway; do
  [ -f "$OUT/fairness-hammer-$hammer.txt" ] && echo "   hammering, $hammer: $(grep '^RESULT' "$OUT/fairness-hammer-$hammer.txt" | sed 's/RESULT //')"
done
awk -v a="$(p99 "$idle")" -v b="$(p99 "$busy")" 'BEGIN { printf "   the other tenant'"'"'s gateway p99: %.2f ms idle, %.2f ms beside the hammering: %.2fx\n", a, b, b / a }'
