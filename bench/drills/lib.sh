# Shared by the operations drills (sourced, not run): the JDK, the builds, the portal processes, the
# drill tool and the check counting. See bench/README.md, "Operations drills".

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$(pwd)

# Fixed drill keys: 32 bytes each, committed on purpose, never to be used for real data.
DRILL_KEYS='d1:ZHJpbGwtb25seSBrZXk6IG5ldmVyIHJlYWwgZGF0YSE='
DRILL_HMAC='ZHJpbGwtb25seSBobWFjIHNlY3JldCwgbm90IHJlYWw='
DB_HOST=${DRILL_DB_HOST:-127.0.0.1}; DB_PORT=${DRILL_DB_PORT:-3306}; DB_USER=${DRILL_DB_USER:-root}
# Small nodes: the drills run two portals beside CI on a 2-core machine (C1 only: less compiling, quicker to ready).
NODE_JVM_OPTS=${DRILL_JVM_OPTS:--XX:+UseSerialGC -Xms64m -Xmx192m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

PASSED=0
FAILED=0
PIDS=()

log() { printf '\n== %s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { echo "FATAL: $*" >&2; exit 2; }
mysql_q() { mariadb -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" "$@"; }
jdbc() { echo "jdbc:mariadb://$DB_HOST:$DB_PORT/$1"; }

java_major() { "$1/bin/java" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -1; }
pick_jdk() {
  local c
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/java-2[1-9]* /usr/lib/jvm/*; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] || continue
    if [ "$(java_major "$c")" -ge 21 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 1
}
JAVA_HOME=$(pick_jdk) || die "a JDK 21+ is required"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
JAVA=$JAVA_HOME/bin/java

# Debian packages the drills need: the MariaDB client tools and a real SMTP server (aiosmtpd).
need_tools() {
  local pkgs=()
  command -v mariadb >/dev/null || pkgs+=(mariadb-client)
  command -v mariadb-dump >/dev/null || pkgs+=(mariadb-client)
  command -v curl >/dev/null || pkgs+=(curl)
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || pkgs+=(python3-aiosmtpd)
  if [ ${#pkgs[@]} -gt 0 ]; then
    log "installing from Debian: ${pkgs[*]}"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${pkgs[@]}" >/dev/null
  fi
}

# Builds the production jar and the drill tool unless they exist and are newer than their sources
# (CI has just built the jar in `verify`); --rebuild forces both.
build() {
  local out=$1 rebuild=$2
  if [ "$rebuild" = 1 ] || [ ! -f target/quarkus-app/quarkus-run.jar ] \
      || [ -n "$(find src/main pom.xml -newer target/quarkus-app/quarkus-run.jar -type f 2>/dev/null | head -1)" ]; then
    log "building the production jar"
    ./mvnw -B -q package -DskipTests > "$out/build.log" 2>&1 || { tail -40 "$out/build.log"; die "portal build failed"; }
  fi
  local tool=bench/target/haven-bench-0.1.0-SNAPSHOT.jar
  if [ "$rebuild" = 1 ] || [ ! -f "$tool" ] \
      || [ -n "$(find bench/src bench/pom.xml -newer "$tool" -type f 2>/dev/null | head -1)" ]; then
    log "building the drill tool (bench module)"
    ./mvnw -B -q -f bench/pom.xml package > "$out/build-bench.log" 2>&1 || { tail -40 "$out/build-bench.log"; die "drill tool build failed"; }
  fi
}

# drill COMMAND ARGS...: the drill tool; its PASS/FAIL lines are counted. A tool that stops without a
# verdict counts as one failure of that step.
drill() {
  local cmd=$1 out rc
  out=$(HAVEN_CRYPTO_KEYS=$DRILL_KEYS HAVEN_CRYPTO_HMAC_SECRET=$DRILL_HMAC timeout 600 "$JAVA" \
    -cp "bench/target/haven-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" io.haven.bench.Drill "$@" 2>&1)
  rc=$?
  # The tool's libraries' start-up chatter is not the drill's.
  grep -v -E '^SLF4J' <<<"$out"
  local p f
  p=$(grep -c '^PASS ' <<<"$out" || true); f=$(grep -c '^FAIL ' <<<"$out" || true)
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
    echo "FAIL $cmd: the drill tool stopped (exit $rc) before a verdict"
    FAILED=$((FAILED + 1))
  fi
  return 0
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_node NAME PORT MGMT_PORT DB MAIL_FROM LOG: starts a portal process in the background, sets NODE_PID.
# The keys come from the environment, or from the key file NODE_KEY_FILE names (as after a restore).
start_node() {
  local name=$1 port=$2 mgmt=$3 db=$4 from=$5 logf=$6
  local keys=(HAVEN_CRYPTO_KEYS="$DRILL_KEYS" HAVEN_CRYPTO_HMAC_SECRET="$DRILL_HMAC")
  [ -z "${NODE_KEY_FILE:-}" ] || keys=(HAVEN_CRYPTO_KEY_FILE="$NODE_KEY_FILE")
  env "${keys[@]}" HAVEN_DB_URL="$(jdbc "$db")" HAVEN_DB_USER="$DB_USER" HAVEN_DB_PASSWORD= \
    HAVEN_HTTP_PORT="$port" HAVEN_MANAGEMENT_PORT="$mgmt" HAVEN_SECURE_COOKIES=false \
    HAVEN_BASE_URL=https://haven.drill.example.org HAVEN_MAIL_FROM="$from" \
    HAVEN_SMTP_HOST=127.0.0.1 HAVEN_SMTP_PORT="${SMTP_PORT:-3725}" HAVEN_SMTP_STARTTLS=DISABLED \
    HAVEN_MAIL_SEND_EVERY="${NODE_MAIL_EVERY:-1s}" HAVEN_DEADLINES_ESCALATE_EVERY="${NODE_ESCALATE_EVERY:-2s}" \
    "$JAVA" $NODE_JVM_OPTS -Dhaven.report.per-address-hourly=100000 -Dhaven.report.follow-up-attempts=100000 \
    -jar target/quarkus-app/quarkus-run.jar > "$logf" 2>&1 &
  NODE_PID=$!
  PIDS+=("$NODE_PID")
  echo "$name: pid $NODE_PID, port $port"
}

# wait_ready PORT PID: at most 3 minutes.
wait_ready() {
  local port=$1 pid=$2 i
  for i in $(seq 1 900); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/q/health/ready")" = 200 ] && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}

stop_pid() { # stops one process this script started, by its pid
  local pid=$1
  if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi
}

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
}

# start_smtp PORT LOG DELAY_FILE: the real SMTP server on loopback (bench/drills/smtp_sink.py), sets SMTP_PID.
start_smtp() {
  local port=$1 logf=$2 delay=$3 i
  : > "$logf"; echo 0 > "$delay"
  /usr/bin/python3 bench/drills/smtp_sink.py "$port" "$logf" "$delay" > "${logf%.*}.out" 2>&1 &
  SMTP_PID=$!
  PIDS+=("$SMTP_PID")
  for i in $(seq 1 50); do port_free "$port" || return 0; sleep 0.1; done
  return 1
}

summary() { # NAME
  echo
  echo "$1: $PASSED passed, $FAILED failed"
  [ "$FAILED" = 0 ] && [ "$PASSED" -gt 0 ]
}
