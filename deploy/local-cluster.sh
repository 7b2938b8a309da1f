#!/usr/bin/env bash
# A shared team mock on one machine, in one command: Redis, two mock replicas on it (ncp.mock.store=redis)
# and nginx round-robin in front of them, all on 127.0.0.1. Needs redis-server and nginx (Debian packages
# redis-server and nginx-light; macOS: Homebrew redis and nginx); it installs nothing itself.
#
#   deploy/local-cluster.sh up       build the server if needed, start everything, wait until it answers
#   deploy/local-cluster.sh status   what runs, and the readiness of each part
#   deploy/local-cluster.sh down     stop everything (Redis keeps its data in $RUN_DIR/redis, append-only file)
#
# Settings (environment): CLUSTER_PORT (8080: nginx, what frontends call), REPLICA_PORTS ("8081 8082"),
# REDIS_PORT (6380), RUN_DIR (target/local-cluster), NCP_MOCK_APP (the built quarkus-run.jar), NCP_MOCK_JAVA_OPTS
# (JVM flags of the replicas, for example -Xmx96m), REDIS_SERVER and NGINX (the programs to run, when not
# on the PATH). Every NCP_MOCK_*
# and QUARKUS_* variable set when calling "up" reaches both replicas (NCP_MOCK_CREDENTIALS, for example).
# A shared mock guards /mock/* with an admin token: NCP_MOCK_ADMIN_TOKEN, else one drawn at the first "up" and
# kept in $RUN_DIR/admin-token (readable by you alone); send it as "Authorization: Bearer <token>". Workspaces'
# addresses name nginx (NCP_MOCK_PUBLIC_URL, default http://127.0.0.1:$CLUSTER_PORT).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CLUSTER_PORT="${CLUSTER_PORT:-8080}"
REPLICA_PORTS="${REPLICA_PORTS:-8081 8082}"
REDIS_PORT="${REDIS_PORT:-6380}"
RUN_DIR="$(mkdir -p "${RUN_DIR:-$ROOT/target/local-cluster}" && cd "${RUN_DIR:-$ROOT/target/local-cluster}" && pwd)"
APP="${NCP_MOCK_APP:-$ROOT/server/target/quarkus-app/quarkus-run.jar}"

say() { echo "local-cluster: $*"; }

nginx_bin() { echo "${NGINX:-$(command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)}"; }
redis_bin() { echo "${REDIS_SERVER:-$(command -v redis-server 2>/dev/null || true)}"; }

require_programs() {
  local missing=()
  [ -n "$(redis_bin)" ] && [ -x "$(redis_bin)" ] || missing+=("redis-server (Debian: redis-server; macOS: brew install redis; or REDIS_SERVER=path)")
  [ -n "$(nginx_bin)" ] && [ -x "$(nginx_bin)" ] || missing+=("nginx (Debian: nginx-light; macOS: brew install nginx; or NGINX=path)")
  [ ${#missing[@]} -eq 0 ] && return 0
  for program in "${missing[@]}"; do say "missing: $program"; done
  exit 3
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_for() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { say "no answer from $1 after $2 s"; return 1; }
    sleep 0.2
  done
}

up() {
  require_programs
  if [ ! -f "$APP" ]; then
    say "building the server (./mvnw -B -q package -pl server -am -Dmaven.test.skip=true)"
    (cd "$ROOT" && ./mvnw -B -q package -pl server -am -Dmaven.test.skip=true)
  fi
  mkdir -p "$RUN_DIR/redis" "$RUN_DIR/nginx"
  if [ -z "${NCP_MOCK_ADMIN_TOKEN:-}" ]; then
    if [ ! -s "$RUN_DIR/admin-token" ]; then
      (umask 077 && od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$RUN_DIR/admin-token")
    fi
    NCP_MOCK_ADMIN_TOKEN="$(cat "$RUN_DIR/admin-token")"
  fi
  export NCP_MOCK_ADMIN_TOKEN
  export NCP_MOCK_PUBLIC_URL="${NCP_MOCK_PUBLIC_URL:-http://127.0.0.1:$CLUSTER_PORT}"

  if alive "$RUN_DIR/redis.pid"; then
    say "Redis already runs on $REDIS_PORT"
  else
    "$(redis_bin)" --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$RUN_DIR/redis" --appendonly yes --save "" \
      --daemonize yes --pidfile "$RUN_DIR/redis.pid" --logfile "$RUN_DIR/redis.log" --protected-mode no
    say "Redis on 127.0.0.1:$REDIS_PORT (data: $RUN_DIR/redis)"
  fi

  local upstream=""
  for port in $REPLICA_PORTS; do
    upstream+="    server 127.0.0.1:$port max_fails=1 fail_timeout=2s;"$'\n'
    if alive "$RUN_DIR/replica-$port.pid"; then
      say "replica on $port already runs"
      continue
    fi
    NCP_MOCK_STORE=redis QUARKUS_REDIS_HOSTS="redis://127.0.0.1:$REDIS_PORT" \
      nohup java ${NCP_MOCK_JAVA_OPTS:-} -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 -jar "$APP" >"$RUN_DIR/replica-$port.log" 2>&1 &
    echo $! >"$RUN_DIR/replica-$port.pid"
    say "replica on 127.0.0.1:$port (log: $RUN_DIR/replica-$port.log)"
  done

  local user_line=""
  [ "$(id -u)" -ne 0 ] || user_line="user root;"
  cat >"$RUN_DIR/nginx/nginx.conf" <<EOF
$user_line
daemon on;
worker_processes 1;
pid $RUN_DIR/nginx.pid;
error_log $RUN_DIR/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $RUN_DIR/nginx/body;
  proxy_temp_path $RUN_DIR/nginx/proxy;
  fastcgi_temp_path $RUN_DIR/nginx/fastcgi;
  uwsgi_temp_path $RUN_DIR/nginx/uwsgi;
  scgi_temp_path $RUN_DIR/nginx/scgi;
  # the mock answers NCP's own 413 "430" above 10 MB: let bodies through to it
  client_max_body_size 32m;
  merge_slashes off;
  upstream ncp_mock {
$upstream    keepalive 32;
    # below the replicas' 10 s ncp.mock.header-read-timeout: nginx drops an idle connection before a replica
    # closes it, so a request is never sent down a connection that is closing
    keepalive_timeout 5s;
  }
  server {
    listen 127.0.0.1:$CLUSTER_PORT;
    location / {
      # no URI here: the request target goes upstream exactly as sent, which is what NCP's signature covers
      proxy_pass http://ncp_mock;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      # a replica that is down is skipped; POST and PATCH are never sent twice
      proxy_next_upstream error timeout;
      proxy_connect_timeout 1s;
      proxy_read_timeout 30s;
    }
  }
}
EOF
  if alive "$RUN_DIR/nginx.pid"; then
    "$(nginx_bin)" -p "$RUN_DIR/nginx" -c "$RUN_DIR/nginx/nginx.conf" -s reload
  else
    "$(nginx_bin)" -p "$RUN_DIR/nginx" -c "$RUN_DIR/nginx/nginx.conf"
  fi

  for port in $REPLICA_PORTS; do
    wait_for "http://127.0.0.1:$port/q/health/ready" 90
  done
  wait_for "http://127.0.0.1:$CLUSTER_PORT/q/health/ready" 10
  say "up: call http://127.0.0.1:$CLUSTER_PORT/api/v1 (nginx, round-robin over $REPLICA_PORTS; Swagger UI at /q/swagger-ui)"
  if [ -s "$RUN_DIR/admin-token" ]; then
    say "/mock/* needs Authorization: Bearer \$(cat $RUN_DIR/admin-token)"
  else
    say "/mock/* needs Authorization: Bearer \$NCP_MOCK_ADMIN_TOKEN"
  fi
}

down() {
  for port in $REPLICA_PORTS; do
    if alive "$RUN_DIR/replica-$port.pid"; then
      kill "$(cat "$RUN_DIR/replica-$port.pid")" && say "stopped the replica on $port"
    fi
    rm -f "$RUN_DIR/replica-$port.pid"
  done
  if alive "$RUN_DIR/nginx.pid"; then
    "$(nginx_bin)" -p "$RUN_DIR/nginx" -c "$RUN_DIR/nginx/nginx.conf" -s stop && say "stopped nginx"
  fi
  if alive "$RUN_DIR/redis.pid"; then
    kill "$(cat "$RUN_DIR/redis.pid")" && say "stopped Redis (its data stays in $RUN_DIR/redis)"
  fi
}

status() {
  local code=0
  alive "$RUN_DIR/redis.pid" && say "Redis: running on $REDIS_PORT" || { say "Redis: stopped"; code=1; }
  for port in $REPLICA_PORTS; do
    if alive "$RUN_DIR/replica-$port.pid"; then
      say "replica $port: running, ready: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")"
    else
      say "replica $port: stopped"; code=1
    fi
  done
  alive "$RUN_DIR/nginx.pid" && say "nginx: running on $CLUSTER_PORT" || { say "nginx: stopped"; code=1; }
  return $code
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
