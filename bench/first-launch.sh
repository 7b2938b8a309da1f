#!/usr/bin/env bash
# A newcomer's first minute: a fresh clone of this repository's HEAD (Maven's cache as it is), the README's run
# command (./mvnw -B -q package -pl server -am -Dmaven.test.skip=true && ./ncp-mock), and the time from the command's start
# to the first signed 200; then LAUNCHES more first launches of that build (the start-up cache the build trained,
# no background training) timed from launch to first signed 200. Usage: bench/first-launch.sh [launches, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
LAUNCHES=${1:-5}
source bench/common.sh
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
git clone -q "$ROOT" "$WORK/clone"
path=/api/v1/api-keys/seedweb001
cd "$WORK/clone"
start=$(date +%s%N)
./mvnw -B -q package -pl server -am -Dmaven.test.skip=true > "$WORK/build.log" 2>&1
built=$(( ($(date +%s%N) - start) / 1000000 ))
NCP_MOCK_TRAIN_IN_BACKGROUND=0 QUARKUS_HTTP_PORT=18779 NCP_MOCK_CREDENTIALS="$AK:$SK" ./ncp-mock > "$WORK/run.log" 2>&1 &
pid=$!
total=$(await_first_200 "$start" "$pid" http://127.0.0.1:18779 "$path")
kill "$pid"; wait "$pid" 2>/dev/null || true
echo "README command: build $built ms, first signed 200 $total ms after it started"
grep "ncp-mock: JDK" "$WORK/run.log"
for i in $(seq 1 "$LAUNCHES"); do
  start=$(date +%s%N)
  NCP_MOCK_TRAIN_IN_BACKGROUND=0 QUARKUS_HTTP_PORT=18779 NCP_MOCK_CREDENTIALS="$AK:$SK" ./ncp-mock > "$WORK/run.log" 2>&1 &
  pid=$!
  echo "first launch after the build $i: first signed 200 after $(await_first_200 "$start" "$pid" http://127.0.0.1:18779 "$path") ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
