#!/usr/bin/env bash
# Soak and resilience run of our mock: starts the built server on 127.0.0.1:18080 with the benchmark's
# JVM flags, runs bench/Soak.java against it, stops it. Usage: bench/soak.sh [seconds, default 60] [connections, default 64]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-60}
CONNECTIONS=${2:-64}
OUR_JVM_FLAGS=${OUR_JVM_FLAGS:--Xmx96m -Xms32m -XX:+UseSerialGC -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:SharedArchiveFile=app-cds.jsa}
mkdir -p bench/results
[ -f server/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -pl server -am -DskipTests -Dquarkus.package.jar.appcds.enabled=true
[ -d signature/target/classes ] || ./mvnw -B -q compile -pl signature

(cd server/target/quarkus-app && exec env QUARKUS_HTTP_PORT=18080 QUARKUS_HTTP_HOST=127.0.0.1 java $OUR_JVM_FLAGS -jar quarkus-run.jar) \
  > bench/results/soak-server.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -s -o /dev/null http://127.0.0.1:18080/q/health/ready && break; sleep 0.1; done

status=0
java -cp signature/target/classes bench/Soak.java http://127.0.0.1:18080 "$SECONDS_TO_RUN" "$CONNECTIONS" "$pid" || status=$?
if grep -E "ERROR|Exception" bench/results/soak-server.log > /dev/null; then
  echo "the server logged errors:"; grep -E "ERROR|Exception" bench/results/soak-server.log | head -5; status=1
else
  echo "the server logged no error"
fi
exit $status
