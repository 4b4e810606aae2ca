#!/usr/bin/env bash
# Two portal nodes on one MariaDB behind nginx as a round-robin load balancer, against one node behind the
# same nginx (so the proxy's cost is told apart from the node count) and, in a full run, one node with no
# proxy. Each setup runs the lesson page with wrk (maximum) and with the open-loop client at one rate every
# setup can sustain, then the anonymous report scenario (maximum, half, rows == receipts). Checks that the
# reports were spread over both nodes (nginx names the answering node in a bench-only header), that a CSRF
# cookie and token from one node are accepted by the other, and that each job lease stays with one node.
# CPU each process took during the saturating runs is read from /proc/<pid>/stat.
#
#   bench/two-nodes.sh [--smoke] [--db NAME] [--results FILE] [--out DIR] [--aot-cache FILE]
#     --smoke     a few seconds per scenario, no no-proxy setup (CI, through bench/run.sh --smoke)
#     --db NAME   an existing, seeded bench database (bench/run.sh passes its own); without it the
#                 database haven_twonodes (BENCH_TWONODES_DB) is created afresh, migrated and seeded
#     --results   the results.properties to add the twonodes.* figures to (bench/run.sh passes its own;
#                 alone: bench/target/results-twonodes/results.properties, and the section is written
#                 to bench/target/results-twonodes/two-nodes.md)
#     --aot-cache  the nodes run the packaged aot-jar (target/quarkus-app) with this JDK AOT cache, made by
#                 bench/run.sh with the same JVM options: half the start time, for the smoke run's budget
#   Ports: TWONODES_PORT_A/B (18480/18482), TWONODES_MGMT_A/B (19480/19482), TWONODES_LB_PORT (18481).
#   Needs target/quarkus-app and the bench tool built (bench/run.sh builds both), wrk and nginx.
# Exits non-zero when a node does not start, a request fails, a report is lost, the reports were not
# spread over both nodes, or a job lease moved between nodes.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
MODE=full
DB=""
RESULTS=""
OUT=""
AOT_CACHE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) MODE=smoke ;;
    --db) DB=$2; shift ;;
    --results) RESULTS=$2; shift ;;
    --out) OUT=$2; shift ;;
    --aot-cache) AOT_CACHE=$2; shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
ALONE=0
if [ -z "$RESULTS" ]; then
  ALONE=1
  RESULTS=$ROOT/bench/target/results-twonodes/results.properties
  mkdir -p "$(dirname "$RESULTS")"; : > "$RESULTS"
fi
OUT=${OUT:-$(dirname "$RESULTS")/twonodes}
rm -rf "$OUT"; mkdir -p "$OUT"
T_START=$(date +%s)

# ------------------------------------------------------------------------------- settings
if [ "$MODE" = full ]; then
  # Reports: 30 s of warm-up of each node at the start (the JIT), then 10 s in each setup (its connections).
  SETUPS="direct1 nginx1 nginx2"; WARMUP=10; WRK_SECS=15; OPEN_SECS=20; NODE_WARMUP=30; REPORT_WARMUP=10; REPORT_SECS=15
else
  # The smoke run's part must stay under ~30 s with two JVM starts: one-second runs, no wrk warm-up.
  SETUPS="nginx1 nginx2"; WARMUP=0; NODE_WARMUP=0; WRK_SECS=1; OPEN_SECS=1; REPORT_WARMUP=1; REPORT_SECS=1
fi
# BENCH_TWONODES_SETUPS reorders or narrows them (for example to see whether the order matters).
SETUPS=${BENCH_TWONODES_SETUPS:-$SETUPS}
SEED_CASES=${BENCH_TWONODES_CASES:-200}
PORT_A=${TWONODES_PORT_A:-18480}; PORT_B=${TWONODES_PORT_B:-18482}
MGMT_A=${TWONODES_MGMT_A:-19480}; MGMT_B=${TWONODES_MGMT_B:-19482}
LB_PORT=${TWONODES_LB_PORT:-18481}
LESSON_PATH='/lessons/if-it-happens?band=11-13&lang=ko'
WRK_ARGS="-t1 -c32"
REPORT_CONNS=16
PER_ADDRESS=100000000
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}; DB_PORT=${BENCH_DB_PORT:-3306}; DB_USER=${BENCH_DB_USER:-root}
. bench/cpu.sh
# The same keys and JVM options as bench/run.sh's single node (both nodes must share the keys: README,
# "Several nodes").
. bench/jvm.sh
JVM_OPTS=${BENCH_JVM_OPTS-$SMALL_JVM_OPTS}
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

PID_A=""; PID_B=""; NGINX_PID=""; FAILED=()
log() { printf '\n== %s  two nodes: %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { echo "FAILED: $*" >&2; FAILED+=("$*"); }
die() { echo "FATAL: $*" >&2; exit 1; }
mysql_q() { mariadb -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" "$@"; }
put() { printf '%s=%s\n' "$1" "$2" >> "$RESULTS"; }
prop() { sed -n "s/^$1=//p" "$RESULTS" | tail -1; }
stop_pid() { if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then kill "$1"; wait "$1" 2>/dev/null || true; fi; }
cleanup() { stop_pid "$NGINX_PID"; stop_pid "$PID_A"; stop_pid "$PID_B"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
tool() {
  local limit=$1; shift
  HAVEN_CRYPTO_KEYS=$BENCH_KEYS timeout "$limit" "$JAVA" -cp "bench/target/haven-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
    io.haven.bench.Bench "$@" --results "$RESULTS"
}

[ -f target/quarkus-app/quarkus-run.jar ] || die "target/quarkus-app/quarkus-run.jar missing (bench/run.sh builds it)"
[ -f bench/target/haven-bench-0.1.0-SNAPSHOT.jar ] || die "bench tool missing (bench/run.sh builds it)"
command -v wrk >/dev/null || die "wrk missing (bench/run.sh installs it)"
[ -x "$NGINX" ] || die "nginx missing (bench/run.sh installs nginx-light)"
for p in "$PORT_A" "$PORT_B" "$MGMT_A" "$MGMT_B" "$LB_PORT"; do
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$p/"; then die "port $p is already in use (see --help)"; fi
done

# ------------------------------------------------------------------------------- database
if [ -z "$DB" ]; then
  DB=${BENCH_TWONODES_DB:-haven_twonodes}
  log "fresh database $DB: schema and $SEED_CASES seeded cases"
  mysql_q -e "DROP DATABASE IF EXISTS \`$DB\`; CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  # The schema first, without a node, so that both nodes start together on it with the seeded schools
  # already in their memory (the two-node drill does the same).
  HAVEN_CRYPTO_KEYS=$BENCH_KEYS timeout 300 "$JAVA" -cp "bench/target/haven-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
    io.haven.bench.Drill migrate --db "jdbc:mariadb://$DB_HOST:$DB_PORT/$DB" --classes target/classes > "$OUT/migrate.log" 2>&1 \
    || { tail -20 "$OUT/migrate.log"; die "migration failed"; }
  tool 300 seed --db "jdbc:mariadb://$DB_HOST:$DB_PORT/$DB" --cases "$SEED_CASES" > "$OUT/seed.log" 2>&1 \
    || { tail -20 "$OUT/seed.log"; die "seeding failed"; }
fi
JDBC=jdbc:mariadb://$DB_HOST:$DB_PORT/$DB

# ------------------------------------------------------------------------------- nodes
# start_node LOG PORT MGMT: bench/run.sh's start_app, plus HAVEN_BEHIND_PROXY (nginx is the trusted proxy
# on 127.0.0.1; a request without X-Forwarded-For counts its own address, so the no-proxy setup is unchanged).
start_node() {
  HAVEN_DB_URL=$JDBC HAVEN_DB_USER=$DB_USER HAVEN_DB_PASSWORD= \
  HAVEN_CRYPTO_KEYS=$BENCH_KEYS HAVEN_CRYPTO_HMAC_SECRET=$BENCH_HMAC \
  HAVEN_HTTP_PORT=$2 HAVEN_MANAGEMENT_PORT=$3 HAVEN_MAIL_SEND_EVERY=off HAVEN_STAFF_IDLE_TIMEOUT=2h HAVEN_SECURE_COOKIES=false \
  HAVEN_REPORT_PER_ADDRESS_HOURLY=$PER_ADDRESS HAVEN_BEHIND_PROXY=true HAVEN_TRUSTED_PROXIES=127.0.0.1 \
    "$JAVA" $JVM_OPTS $AOT_OPTS -Dhaven.report.per-address-hourly=$PER_ADDRESS -jar "$APP_DIR/quarkus-run.jar" > "$OUT/$1.log" 2>&1 &
  NODE_PID=$!
}
APP_DIR=target/quarkus-app; AOT_OPTS=""; PACKAGING="the aot-jar without an AOT cache"
if [ -n "$AOT_CACHE" ]; then
  [ -f "$AOT_CACHE" ] || die "--aot-cache: no cache at $AOT_CACHE"
  # AOTMode=on: a node refuses to start rather than silently run without the cache.
  AOT_OPTS="-XX:AOTMode=on -XX:AOTCache=$AOT_CACHE"; PACKAGING="aot-jar with the JDK's AOT cache"
fi
ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$1/q/health/ready")" = 200 ]; }

# Job leases before the nodes start: a row left by an earlier process (bench/run.sh's single node) is not theirs.
mysql_q -N "$DB" -e "SELECT name, holder FROM job_lease" > "$OUT/leases-before.tsv"

log "starting node A (:$PORT_A) and node B (:$PORT_B) together on $DB"
T0=$(date +%s%N)
start_node node-a "$PORT_A" "$MGMT_A"; PID_A=$NODE_PID
start_node node-b "$PORT_B" "$MGMT_B"; PID_B=$NODE_PID
UP_A=0; UP_B=0
while [ $(( $(date +%s%N) - T0 )) -lt 180000000000 ]; do
  [ "$UP_A" = 1 ] || { ready "$PORT_A" && UP_A=1; }
  [ "$UP_B" = 1 ] || { ready "$PORT_B" && UP_B=1; }
  [ "$UP_A$UP_B" = 11 ] && break
  kill -0 "$PID_A" 2>/dev/null || { tail -30 "$OUT/node-a.log" >&2; die "node A stopped (see $OUT/node-a.log)"; }
  kill -0 "$PID_B" 2>/dev/null || { tail -30 "$OUT/node-b.log" >&2; die "node B stopped (see $OUT/node-b.log)"; }
  sleep 0.05
done
[ "$UP_A$UP_B" = 11 ] || die "the nodes did not become ready in 3 minutes"
READY_MS=$(( ($(date +%s%N) - T0) / 1000000 ))
echo "both ready in $READY_MS ms"
put twonodes.ready_ms "$READY_MS"
put twonodes.setups "$SETUPS"
put twonodes.packaging "$PACKAGING"
put twonodes.db "$DB"
put twonodes.wrk_cmd "wrk $WRK_ARGS -d${WRK_SECS}s --latency"
put twonodes.warmup "$WARMUP"
put twonodes.report_warmup "$REPORT_WARMUP"
put twonodes.report_conns "$REPORT_CONNS"
put twonodes.lesson_path "$LESSON_PATH"
put twonodes.cores "$CORES"

# A CSRF cookie and form token issued by one node must be accepted by the other (they are a keyed hash
# of the cookie with the shared HMAC secret, not anything held in one node's memory).
log "CSRF cookie and token from node A, report posted to node B"
JAR=$OUT/csrf-cookies.txt
TOKEN=$(curl -s -c "$JAR" "http://127.0.0.1:$PORT_A/report" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
CSRF_ANSWER=$(curl -s -b "$JAR" -o "$OUT/csrf-cross.html" -w '%{http_code}' "http://127.0.0.1:$PORT_B/report" \
  --data "_csrf=$TOKEN&school=bench-reports&category=bullying&affected=me&dangerNow=no&body=A+cross-node+check+of+the+form+token.")
if [ -n "$TOKEN" ] && [ "$CSRF_ANSWER" = 200 ] && grep -q 'class="receipt"' "$OUT/csrf-cross.html"; then
  put twonodes.csrf_cross "accepted"; echo "accepted: node B answered 200 with a receipt"
else
  put twonodes.csrf_cross "refused ($CSRF_ANSWER)"; fail "node B did not accept node A's CSRF cookie and token (answered $CSRF_ANSWER)"
fi

# ------------------------------------------------------------------------------- CPU shares
# cpu_ticks: "wall_ns machine_busy node_a node_b nginx mariadb client" in clock ticks (user + system).
# client = this script's reaped children (wrk, the bench tool's JVM), which run in the foreground here.
cpu_ticks() {
  echo "$(date +%s%N) $(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat) $(proc_ticks "$PID_A") $(proc_ticks "$PID_B")" \
    "$(tree_ticks "$NGINX_PID") $(proc_ticks "$MARIADB_PID") $(awk '{ sub(/^.*\) /, ""); print $14 + $15 }' "/proc/$$/stat")"
}
# cpu_put KEY BEFORE AFTER: each process's share of the whole machine (all cores = 100 %) between the two.
cpu_put() {
  local key=$1 out
  out=$(awk -v hz="$HZ" -v cores="$CORES" -v a="$2" -v b="$3" 'BEGIN {
    split(a, x, " "); split(b, y, " ")
    cap = (y[1] - x[1]) / 1e9 * hz * cores
    n = split("busy node_a node_b nginx mariadb client", name, " ")
    known = 0
    for (i = 1; i <= n; i++) { d = y[i + 1] - x[i + 1]; if (i > 1) known += d; printf "%s=%.1f ", name[i], 100 * d / cap }
    printf "other=%.1f", 100 * ((y[2] - x[2]) - known) / cap
  }')
  for kv in $out; do put "$key.${kv%%=*}" "${kv#*=}"; done
  echo "CPU share of the machine: $out"
}

# Job lease holders, sampled after each run: each job must stay with one node while both run.
leases() { mysql_q -N "$DB" -e "SELECT name, holder, last_run_at FROM job_lease" >> "$OUT/leases.tsv" 2>/dev/null || true; }

# ------------------------------------------------------------------------------- nginx
# lb SETUP: nginx in front of node A (nginx1) or nodes A and B (nginx2), round robin; nothing for direct1.
lb() {
  stop_pid "$NGINX_PID"; NGINX_PID=""
  [ "$1" = direct1 ] && return 0
  local dir=$OUT/nginx-$1 servers="    server 127.0.0.1:$PORT_A;"
  [ "$1" = nginx2 ] && servers="$servers
    server 127.0.0.1:$PORT_B;"
  mkdir -p "$dir/tmp"
  # Anonymity: no access log (README, "Reverse proxy"); X-Forwarded-For is overwritten with the client's
  # address, never appended to, and the portal uses it only for its in-memory rate limits. nginx's error
  # log names the client's address in every entry ("client: ..."), so it goes to stderr and is written
  # without that field. X-Bench-Upstream (which node answered) exists only in this bench configuration,
  # for counting the reports per node.
  cat > "$dir/nginx.conf" <<EOF
worker_processes auto;
pid $dir/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/tmp; proxy_temp_path $dir/tmp; fastcgi_temp_path $dir/tmp;
  uwsgi_temp_path $dir/tmp; scgi_temp_path $dir/tmp;
  upstream haven {
$servers
    keepalive 64;
    # Below the portal's idle timeout (30 s): nginx must never reuse a connection the portal is closing,
    # since a POST that fails that way is not retried (nginx retries only idempotent requests).
    keepalive_timeout 20s;
  }
  server {
    listen 127.0.0.1:$LB_PORT;
    client_header_timeout 10s;
    location / {
      proxy_pass http://haven;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      add_header X-Bench-Upstream \$upstream_addr always;
    }
  }
}
EOF
  "$NGINX" -e stderr -c "$dir/nginx.conf" -g 'daemon off;' 2> >(sed -u 's/, client: [^,]*//' > "$dir/error.log") &
  NGINX_PID=$!
  local i
  for i in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$LB_PORT/q/health/ready" && return 0; sleep 0.05; done
  die "nginx did not start (see $dir/error.log)"
}
port_of() { if [ "$1" = direct1 ]; then echo "$PORT_A"; else echo "$LB_PORT"; fi; }

run_wrk() { # KEY URL SECONDS
  local line
  line=$(timeout $(( $3 + 30 )) wrk $WRK_ARGS -d"${3}s" --latency -s bench/wrk-summary.lua "$2" | tee "$OUT/wrk-$1.txt" | grep '^WRK ') || { fail "wrk $1"; return; }
  for kv in ${line#WRK }; do put "$1.wrk.${kv%%=*}" "${kv#*=}"; done
  echo "$1: $line"
  case "$line" in *" errors=0"*) ;; *) fail "wrk $1 had errors" ;; esac
  case "$line" in *"requests=0 "*) fail "wrk $1 sent nothing" ;; esac
}

# ------------------------------------------------------------------------------- warm-up
wait_all() { local p ok=0; for p in "$@"; do wait "$p" || ok=1; done; return $ok; }
# Both nodes get the same warm-up first, directly and side by side, so that no setup measures a node whose
# JIT is still compiling (node B would otherwise see its first traffic in nginx2, after node A had run two
# setups). The reports' warm-up is further down, before the report runs.
if [ "$WARMUP" != 0 ]; then
  log "warm-up of both nodes (lesson page $WARMUP s, side by side)"
  W=()
  for p in "$PORT_A" "$PORT_B"; do
    timeout $(( WARMUP + 30 )) wrk $WRK_ARGS -d"${WARMUP}s" "http://127.0.0.1:$p$LESSON_PATH" > /dev/null &
    W+=($!)
  done
  wait_all "${W[@]}" || fail "wrk warm-up of the nodes"
  put twonodes.node_warmup "$NODE_WARMUP"
fi

# ------------------------------------------------------------------------------- lesson page
for s in $SETUPS; do
  log "$s: lesson page, maximum (wrk)"
  lb "$s"
  URL="http://127.0.0.1:$(port_of "$s")$LESSON_PATH"
  [ "$WARMUP" = 0 ] || timeout $(( WARMUP + 30 )) wrk $WRK_ARGS -d"${WARMUP}s" "$URL" > /dev/null || fail "wrk warm-up $s"
  C0=$(cpu_ticks)
  run_wrk "twonodes.$s.lesson" "$URL" "$WRK_SECS"
  cpu_put "twonodes.$s.lesson.cpu" "$C0" "$(cpu_ticks)"
  leases
done

# One rate for every setup: half of the lowest maximum, so that each can sustain it.
MIN_RPS=$(for s in $SETUPS; do prop "twonodes.$s.lesson.wrk.rps"; done | sort -g | head -1)
RATE=$(awk -v r="${MIN_RPS:-100}" 'BEGIN { h = r / 2; if (h < 1) h = 1; printf "%.0f", h }')
put twonodes.open_rate "$RATE"
for s in $SETUPS; do
  log "$s: lesson page at $RATE req/s, open loop"
  lb "$s"
  tool $(( OPEN_SECS + WARMUP + 60 )) lesson --port "$(port_of "$s")" --path "$LESSON_PATH" --rate "$RATE" \
    --seconds "$OPEN_SECS" --warmup "$WARMUP" --name "twonodes.$s.lesson.open" || fail "open-loop lesson $s"
  leases
done

# ------------------------------------------------------------------------------- reports
# The reports' warm-up of both nodes, right before the report runs. Open question: in every full run on
# the shared machine the no-proxy setup was the slowest at reports when it ran first (78-278 reports/s
# against 188-440 behind nginx), with this warm-up at the start or here; run second (BENCH_TWONODES_SETUPS=
# "nginx1 direct1 nginx2") it was the fastest (448 against 383). Not explained yet.
if [ "$NODE_WARMUP" != 0 ]; then
  log "reports warm-up of both nodes ($NODE_WARMUP s, side by side)"
  W=()
  for n in a b; do
    p=$PORT_A; [ "$n" = b ] && p=$PORT_B
    HAVEN_CRYPTO_KEYS=$BENCH_KEYS timeout $(( NODE_WARMUP + 120 )) "$JAVA" -cp "bench/target/haven-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
      io.haven.bench.Bench reports --port "$p" --db "$JDBC" --school bench-reports --seconds 1 --warmup "$NODE_WARMUP" \
      --conns "$REPORT_CONNS" --name warm --results "$OUT/warm-$n.properties" > "$OUT/warm-$n.log" 2>&1 &
    W+=($!)
  done
  # Both write to one school at once, so each tool's own rows == receipts check cannot hold here; the
  # warm-up must only answer every request (the measured runs check the rows).
  wait_all "${W[@]}" || true
  grep -q ', 0 failed requests' "$OUT/warm-a.log" && grep -q ', 0 failed requests' "$OUT/warm-b.log" \
    || fail "reports warm-up of the nodes (see $OUT/warm-a.log, $OUT/warm-b.log)"
fi
for s in $SETUPS; do
  log "$s: anonymous reports (warm-up $REPORT_WARMUP s, maximum, half; rows == receipts)"
  lb "$s"
  C0=$(cpu_ticks)
  tool $(( 3 * REPORT_SECS + REPORT_WARMUP + 120 )) reports --port "$(port_of "$s")" --db "$JDBC" --school bench-reports \
    --seconds "$REPORT_SECS" --warmup "$REPORT_WARMUP" --conns "$REPORT_CONNS" --name "twonodes.$s.reports" \
    || fail "reports $s (errors, or rows stored != receipts issued)"
  cpu_put "twonodes.$s.reports.cpu" "$C0" "$(cpu_ticks)"
  leases
done
lb direct1 # stops nginx

# ------------------------------------------------------------------------------- checks
# Spread: through nginx to two nodes, each node must have issued a fair part of the receipts.
A_N=$(prop "twonodes.nginx2.reports.upstream.127.0.0.1_$PORT_A"); B_N=$(prop "twonodes.nginx2.reports.upstream.127.0.0.1_$PORT_B")
A_N=${A_N:-0}; B_N=${B_N:-0}
put twonodes.spread "node A $A_N, node B $B_N"
echo "receipts issued through nginx to two nodes: node A $A_N, node B $B_N"
if [ $(( A_N + B_N )) -eq 0 ] || [ $(( 4 * A_N )) -lt $(( A_N + B_N )) ] || [ $(( 4 * B_N )) -lt $(( A_N + B_N )) ]; then
  fail "reports were not spread over both nodes (A $A_N, B $B_N)"
fi

# Leases: per job, the holders seen after each run (a row still naming a process from before is ignored).
LEASE_TEXT=$(awk -F'\t' 'FILENAME == ARGV[1] { old[$1 "\t" $2] = 1; next }
  !(($1 "\t" $2) in old) { if (!seen[$1, $2]++) holders[$1]++; if (!ran[$1, $3]++) runs[$1]++; n[$1]++ }
  !(($1 "\t" $2) in old) && !node[$2]++ { nodes++ }
  END {
    for (j in n) printf "%s: %d holder(s) in %d samples, %d distinct last runs; ", j, holders[j], n[j], runs[j]
    if (nodes) printf "%d node(s) held leases in all", nodes
  }' "$OUT/leases-before.tsv" "$OUT/leases.tsv" 2>/dev/null || true)
LEASE_TEXT=${LEASE_TEXT%; }
put twonodes.leases "${LEASE_TEXT:-no job took a lease during the run}"
echo "job leases: ${LEASE_TEXT:-no job took a lease during the run}"
case "$LEASE_TEXT" in *" 2 holder"*|*" 3 holder"*) fail "a job lease moved between nodes: $LEASE_TEXT" ;; esac

put twonodes.rss_a_mb "$(awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$PID_A/status")"
put twonodes.rss_b_mb "$(awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$PID_B/status")"
stop_pid "$PID_A"; PID_A=""
stop_pid "$PID_B"; PID_B=""
for n in a b; do grep -q ' ERROR ' "$OUT/node-$n.log" && echo "note: node $n logged errors, see $OUT/node-$n.log"; done
put twonodes.failed "${#FAILED[@]}"
put twonodes.seconds $(( $(date +%s) - T_START ))

if [ "$ALONE" = 1 ]; then
  put info.smoke "$([ "$MODE" = smoke ] && echo true || echo false)"
  put info.date "$(date -u '+%Y-%m-%d %H:%M UTC')"
  put info.commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  put info.loadavg "$(cut -d' ' -f1-3 /proc/loadavg)"
  tool 60 report --out "$(dirname "$RESULTS")/two-nodes.md" --only twonodes || fail "writing the section"
fi
if [ ${#FAILED[@]} -gt 0 ]; then
  printf 'two nodes: FAILED: %s\n' "${FAILED[@]}" >&2
  exit 1
fi
log "done"
