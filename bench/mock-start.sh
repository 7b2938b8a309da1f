#!/usr/bin/env bash
# Launch to listening of the runnable mock (ncp-apigw-mock) as @NcpMockTest and the Quarkus Dev Service start
# it: the same JVM flags, port 0 on 127.0.0.1, and the class archive the first run leaves for the next.
# Usage: bench/mock-start.sh [runs, default 6] [java, default: java on the PATH]. Needs mock/target built
# (./mvnw -B -q package -pl mock -am -DskipTests). Prints each run's milliseconds; the first writes the archive.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-6}
JAVA=${2:-java}
JAR=$(ls mock/target/ncp-apigw-mock-*.jar | head -1)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
feature=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
for run in $(seq 1 "$RUNS"); do
  if [ "$feature" -ge 19 ]; then
    archive=(-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$WORK/mock.jsa")
  elif [ -f "$WORK/mock.jsa" ]; then
    archive=("-XX:SharedArchiveFile=$WORK/mock.jsa")
  else
    archive=("-XX:ArchiveClassesAtExit=$WORK/mock.jsa")
  fi
  start=$(date +%s%N)
  "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xss512k "${archive[@]}" -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.http.port=0 -Dncp.mock.admin-token=bench-admin-token-0123456789 -jar "$JAR" > "$WORK/out.log" 2>&1 &
  pid=$!
  until grep -q "Listening on" "$WORK/out.log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/out.log" >&2; exit 1; }
    sleep 0.01
  done
  echo "run $run: $(( ($(date +%s%N) - start) / 1000000 )) ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
