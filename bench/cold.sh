#!/usr/bin/env bash
# Cold-use benchmark: how a developer's restart and a CI job meet each server. Each server is launched
# LAUNCHES times (default 5), one at a time on 127.0.0.1; for each launch it measures
#   - launch to the first signed 200 (curl polls the signed get-one call every 10 ms),
#   - launch to 10,000 signed PATCH answered (wrk -t1 -c32 starts right after that first 200),
#   - the server's RSS right after those 10,000 calls,
# and prints the medians side by side with Prism and WireMock, plus every launch's figures.
# Usage: bench/cold.sh [launches]   (BENCH_SERVERS picks a subset: ours ours-throughput ours-jdk17 wiremock prism)
set -euo pipefail
cd "$(dirname "$0")/.."
LAUNCHES=${1:-5}
COUNT=${BENCH_COUNT:-10000}
JDK17=${BENCH_JDK17:-$(ls -d /usr/lib/jvm/java-17-openjdk-* 2>/dev/null | head -1)}
BENCH_SERVERS=${BENCH_SERVERS:-ours ours-throughput ours-jdk17 wiremock prism}
source bench/common.sh
OUT="$ROOT/bench/results/cold"
mkdir -p "$OUT"

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo "== building our server as the README does"
  ./mvnw -B -q package -pl server -am -Dmaven.test.skip=true
fi
install_peers

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# one launch: name port path command... -> "first_ms total_ms rss_mb answered non2xx errors"
launch() {
  local name=$1 port=$2 path=$3; shift 3
  local url="http://127.0.0.1:$port" ts get_sig patch_sig start first="" pid line total rss
  ts=$(date +%s%3N); get_sig=$(sign GET "$path" "$ts"); patch_sig=$(sign PATCH "$path" "$ts")
  start=$(now_ms)
  "$@" > "$OUT/$name-server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 6000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "x-ncp-apigw-timestamp: $ts" -H "x-ncp-iam-access-key: $AK" \
        -H "x-ncp-apigw-signature-v2: $get_sig" "$url$path" 2>/dev/null)" = 200 ]; then
      first=$(( $(now_ms) - start )); break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  if [ -z "$first" ]; then
    echo "$name never answered 200; its log:" >&2; cat "$OUT/$name-server.log" >&2; kill "$pid" 2>/dev/null; return 1
  fi
  # wrk runs until -d; the script prints RESULT at the COUNT-th answer, which is when the clock stops
  coproc WRK { BENCH_METHOD=PATCH BENCH_PATH=$path BENCH_TS=$ts BENCH_AK=$AK BENCH_SIG=$patch_sig BENCH_COUNT=$COUNT \
    exec wrk -t1 -c32 -d120s -s bench/first-n.lua "$url"; }
  local wrk_pid=$WRK_PID
  line=""
  while IFS= read -r -t 120 out <&"${WRK[0]}"; do
    case "$out" in RESULT*) line=$out; break ;; esac
  done
  total=$(( $(now_ms) - start ))
  kill "$wrk_pid" 2>/dev/null; wait "$wrk_pid" 2>/dev/null || true
  [ -n "$line" ] || { echo "$name: wrk ended before $COUNT answers" >&2; kill "$pid"; return 1; }
  rss=$(( $(ps -o rss= -p "$(server_pid "$pid")") / 1024 ))
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  sleep 0.5
  echo "$first $total $rss $(echo "$line" | sed 's/.*answered=\([0-9]*\) non2xx=\([0-9]*\).*/\1 \2/')"
}
# ./ncp-mock execs java, Prism's bin is node itself: the launched pid is the server's
server_pid() { echo "$1"; }

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

declare -A ROWS
bench() { # name port path command...
  local name=$1 port=$2 path=$3; shift 3
  local firsts=() totals=() rsss=() bad=0 result f t r a n
  echo "== $name ($LAUNCHES launches)"
  for i in $(seq 1 "$LAUNCHES"); do
    result=$(launch "$name" "$port" "$path" "$@")
    read -r f t r a n <<< "$result"
    echo "   launch $i: first 200 after $f ms, $a PATCH answered $t ms after launch ($n not 2xx), RSS $r MB"
    firsts+=("$f"); totals+=("$t"); rsss+=("$r"); bad=$(( bad + n ))
  done
  ROWS[$name]="$(printf '%s\n' "${firsts[@]}" | median)|$(printf '%s\n' "${totals[@]}" | median)|$(printf '%s\n' "${rsss[@]}" | median)|$bad|$(IFS=,; echo "${firsts[*]}")|$(IFS=,; echo "${totals[*]}")"
}

OURS_ENV=(env QUARKUS_HTTP_PORT=18090 QUARKUS_HTTP_HOST=127.0.0.1 NCP_MOCK_CREDENTIALS="$AK:$SK")
if runs ours || runs ours-throughput || runs ours-jdk17; then
  # the best cache of each JDK and mode, as a launch has it (the build trains the default mode's for the JDK the
  # launcher picks; the throughput mode and JDK 17 train theirs in the background on their first launch)
  echo "== training the launcher's caches (not measured)"
  for mode in cold throughput; do
    runs ours || [ "$mode" = throughput ] || continue
    runs ours-throughput || [ "$mode" = cold ] || continue
    NCP_MOCK_MODE=$mode NCP_MOCK_TRAIN_ONLY=1 ./ncp-mock >/dev/null 2>&1
  done
  if runs ours-jdk17; then JAVA_HOME=$JDK17 NCP_MOCK_TRAIN_ONLY=1 ./ncp-mock >/dev/null 2>&1; fi
fi
runs ours && bench ours 18090 "$KEY_PATH" "${OURS_ENV[@]}" NCP_MOCK_MODE=cold ./ncp-mock
runs ours-throughput && bench ours-throughput 18090 "$KEY_PATH" "${OURS_ENV[@]}" NCP_MOCK_MODE=throughput ./ncp-mock
runs ours-jdk17 && bench ours-jdk17 18090 "$KEY_PATH" "${OURS_ENV[@]}" JAVA_HOME="$JDK17" NCP_MOCK_MODE=cold ./ncp-mock
if runs wiremock; then
  WM_ROOT=$(mktemp -d); mkdir -p "$WM_ROOT/mappings"; cp bench/wiremock-mappings.json "$WM_ROOT/mappings/"
  bench wiremock 18092 "$KEY_PATH" java -jar "$TOOLS/wiremock-standalone-$WIREMOCK_VERSION.jar" --port 18092 \
    --bind-address 127.0.0.1 --root-dir "$WM_ROOT" --no-request-journal --disable-banner
fi
# Prism serves the spec's paths without the servers' /api/v1 prefix.
runs prism && bench prism 18094 "${KEY_PATH#/api/v1}" "$TOOLS/node_modules/.bin/prism" mock openapi/ncp-apigw-apikeys.yaml -h 127.0.0.1 -p 18094 -v error

echo
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); $LAUNCHES launches each, medians;"
echo "10,000 signed PATCH by wrk -t1 -c32 started at the first 200. ours = ./ncp-mock ($(NCP_MOCK_LAUNCHER_DRY_RUN=1 ./ncp-mock 2>&1 >/dev/null | sed 's/^ncp-mock: //'))"
printf '| server | launch to first signed 200 ms | launch to %s signed PATCH ms | RSS MB | answers not 2xx | first 200, each launch | %s PATCH, each launch |\n|---|---|---|---|---|---|---|\n' "$COUNT" "$COUNT"
for name in $BENCH_SERVERS; do
  [ -n "${ROWS[$name]:-}" ] || continue
  IFS='|' read -r f t r b fs ts <<< "${ROWS[$name]}"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$f" "$t" "$r" "$b" "$fs" "$ts"
done
