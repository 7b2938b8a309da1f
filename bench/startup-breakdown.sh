#!/usr/bin/env bash
# Where a launch's time goes, measured, for ./ncp-mock as configured (JDK, mode and cache as it picks them):
#   JVM         from the launch to the JVM created (the JDK's own counter sun.rt.createVmEndTime)
#   Quarkus     from the JVM created to Quarkus's "started" line (the application's boot: CDI, config, routes)
#   first call  from "started" to the first signed 200 (the first request's own path, and the poll's 5 ms)
#   class loading, within those: the JDK's counter sun.cls.time
# Each launch is timed from the launcher's start. Usage: bench/startup-breakdown.sh [launches, default 5];
# NCP_MOCK_* variables pass through (NCP_MOCK_MODE, JAVA_HOME).
set -euo pipefail
cd "$(dirname "$0")/.."
LAUNCHES=${1:-5}
source bench/common.sh
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
path=/api/v1/api-keys/seedweb001
port=18781
printf '| launch | JVM ms | Quarkus boot ms | first call ms | launch to first 200 ms | class loading ms (within) |\n|---|---|---|---|---|---|\n'
for i in $(seq 1 "$LAUNCHES"); do
  start_ns=$(date +%s%N)
  start_ms=$(( start_ns / 1000000 ))
  NCP_MOCK_TRAIN_IN_BACKGROUND=0 QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 NCP_MOCK_CREDENTIALS="$AK:$SK" \
    QUARKUS_LOG_CONSOLE_FORMAT='%d{yyyy-MM-dd HH:mm:ss.SSS} %s%n' TZ=UTC ./ncp-mock > "$WORK/run.log" 2>&1 &
  pid=$!
  await_first_200 "$start_ns" "$pid" "http://127.0.0.1:$port" "$path" > /dev/null || { cat "$WORK/run.log" >&2; exit 1; }
  first_ms=$(date +%s%3N)
  java=$(sed -n 's/^ncp-mock: JDK [0-9]* (\(.*\)), .*/\1/p' "$WORK/run.log" | head -1)
  "${java%/java}/jcmd" "$pid" PerfCounter.print > "$WORK/perf.txt"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  counter() { sed -n "s/^$1=//p" "$WORK/perf.txt" | head -1; }
  vm_end=$(counter sun.rt.createVmEndTime)
  hz=$(counter sun.os.hrt.frequency)
  cls=$(( $(counter sun.cls.time) * 1000 / hz ))
  started=$(sed -n 's/^\([0-9-]* [0-9:.]*\) .*started in.*/\1/p' "$WORK/run.log" | head -1)
  started_ms=$(( $(date -u -d "$started" +%s%N) / 1000000 ))
  printf '| %s | %s | %s | %s | %s | %s |\n' "$i" $(( vm_end - start_ms )) $(( started_ms - vm_end )) $(( first_ms - started_ms )) \
    $(( first_ms - start_ms )) "$cls"
done
grep "ncp-mock: JDK" "$WORK/run.log"
