# Shared by bench/run.sh and bench/cold.sh (sourced from the repository root, after BENCH_SERVERS is set):
# the mock credentials and call they sign, the peers' versions, the load tools, and the peers themselves.
ROOT=$(pwd)
TOOLS="$ROOT/bench/.tools"
AK=MOCKACCESSKEY0000001
SK=MOCKSECRETKEY000000000000000000000000001
KEY_PATH=/api/v1/api-keys/seedweb001
WIREMOCK_VERSION=3.13.2
PRISM_VERSION=5.16.0
mkdir -p "$TOOLS"

runs() { [[ " $BENCH_SERVERS " == *" $1 "* ]]; }
need() { command -v "$1" >/dev/null 2>&1; }
need wrk || { apt-get update -qq && apt-get install -y -qq wrk; }
need curl || { apt-get update -qq && apt-get install -y -qq curl; }
need npx || { echo "npx (Node.js) is needed for Prism" >&2; exit 1; }

# WireMock and Prism, each fetched once into bench/.tools when the run includes it
install_peers() {
  if runs wiremock && [ ! -f "$TOOLS/wiremock-standalone-$WIREMOCK_VERSION.jar" ]; then
    ./mvnw -B -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION -DoutputDirectory="$TOOLS"
  fi
  if runs prism && [ ! -x "$TOOLS/node_modules/.bin/prism" ]; then
    (cd "$TOOLS" && npm install --silent --no-audit --no-fund "@stoplight/prism-cli@$PRISM_VERSION" >/dev/null)
  fi
}

sign() { # method path timestamp
  printf '%s %s\n%s\n%s' "$1" "$2" "$3" "$AK" | openssl dgst -sha256 -hmac "$SK" -binary | base64
}

# Waits for the first signed 200 of GET path at base-url from a server started as pid; echoes the milliseconds
# since start-ns (date +%s%N taken before the launch). Polls every 5 ms; fails when the server ends first.
await_first_200() { # start-ns pid base-url path
  local ts sig
  ts=$(date +%s%3N); sig=$(sign GET "$4" "$ts")
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "x-ncp-apigw-timestamp: $ts" -H "x-ncp-iam-access-key: $AK" \
      -H "x-ncp-apigw-signature-v2: $sig" "$3$4" 2>/dev/null)" = 200 ]; do
    kill -0 "$2" 2>/dev/null || { echo "the server ended before its first 200" >&2; return 1; }
    sleep 0.005
  done
  echo $(( ($(date +%s%N) - $1) / 1000000 ))
}
