#!/usr/bin/env bash
# Growth curve (docs/benchmarks.md, "Growth with a district's data"): the case list, a case page, the
# statistics page and the retention and escalation jobs over one school's 10,000, 100,000 and 1,000,000
# cases, seeded straight into the table (each size adds to the last), with anonymous reports sent at a
# fixed rate while the jobs run.
#
#   bench/growth.sh            full sizes (the 1M seed and job take minutes): figures in bench/target/growth
#   bench/growth.sh --smoke    200/400/800 cases, a few seconds per size (CI)
#   --skip-build               reuse target/quarkus-app and bench/target
#
# bench/run.sh calls it (--skip-build, GROWTH_RESULTS=its results file) after its own scenarios, with its
# portal stopped. Own database (GROWTH_DB: haven_growth, smoke haven_growth_smoke) and ports
# (GROWTH_PORT/GROWTH_MGMT_PORT: 18280/19280, smoke 18290/19290). Writes docs/growth.svg on a full run.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
MODE=full
SKIP_BUILD=0
for a in "$@"; do
  case "$a" in
    --smoke) MODE=smoke ;;
    --skip-build) SKIP_BUILD=1 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $a (see --help)" >&2; exit 2 ;;
  esac
done
T0=$(date +%s)

if [ "$MODE" = full ]; then
  SIZES="10000:10k 100000:100k 1000000:1M"
  DB=${GROWTH_DB:-haven_growth}; PORT=${GROWTH_PORT:-18280}; MGMT_PORT=${GROWTH_MGMT_PORT:-19280}
  OUT=$ROOT/bench/target/growth; CHART=$ROOT/docs/growth.svg
  # The escalation job first runs 60 s after start-up and retention 40 s after it: time for the report
  # client's warm-up (15 s) and some reports before either starts. Then each page: 5 s warm-up, 15 s timed.
  ESC_DELAY=60s; PURGE_DELAY=100s; REPORT_WARMUP=15; REPORT_RATE=20; WARMUP=5; SECONDS_PER_PAGE=15; JOB_TIMEOUT=1800
else
  SIZES="200:200 400:400 800:800"
  DB=${GROWTH_DB:-haven_growth_smoke}; PORT=${GROWTH_PORT:-18290}; MGMT_PORT=${GROWTH_MGMT_PORT:-19290}
  OUT=$ROOT/bench/target/growth-smoke; CHART=$OUT/growth.svg
  ESC_DELAY=1s; PURGE_DELAY=2s; REPORT_WARMUP=0; REPORT_RATE=20; WARMUP=0.2; SECONDS_PER_PAGE=0.4; JOB_TIMEOUT=60
fi
RESULTS=${GROWTH_RESULTS:-$OUT/results.properties}
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}; DB_PORT=${BENCH_DB_PORT:-3306}; DB_USER=${BENCH_DB_USER:-root}
JDBC=jdbc:mariadb://$DB_HOST:$DB_PORT/$DB
. bench/jvm.sh
# The small-deployment options of README, as bench/run.sh uses them (GROWTH_JVM_OPTS to change).
JVM_OPTS=${GROWTH_JVM_OPTS-$SMALL_JVM_OPTS}
APP_PID=""

log() { printf '\n== %s  growth: %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { echo "FATAL (growth): $*" >&2; exit 1; }
mysql_q() { mariadb -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" "$@"; }
stop_app() { if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi; }
trap stop_app EXIT
trap 'exit 130' INT TERM
tool() { # SECONDS RESULTS-FILE COMMAND ARGS...
  local limit=$1 results=$2; shift 2
  HAVEN_CRYPTO_KEYS=$BENCH_KEYS timeout "$limit" "$JAVA" -cp "bench/target/haven-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
    io.haven.bench.Bench "$@" --results "$results"
}

mkdir -p "$OUT"
[ -n "${GROWTH_RESULTS:-}" ] || : > "$RESULTS"
if [ "$SKIP_BUILD" = 0 ]; then
  log "building the portal and the bench tool"
  ./mvnw -B -q package -DskipTests > "$OUT/build.log" 2>&1 || { tail -50 "$OUT/build.log"; die "portal build failed"; }
  ./mvnw -B -q -f bench/pom.xml package > "$OUT/build-bench.log" 2>&1 || { tail -50 "$OUT/build-bench.log"; die "bench tool build failed"; }
fi
for p in "$PORT" "$MGMT_PORT"; do
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$p/"; then die "port $p is already in use (GROWTH_PORT, GROWTH_MGMT_PORT)"; fi
done

log "fresh database $DB, schema (Flyway, as the portal runs it), schools and the handler"
mysql_q -e "DROP DATABASE IF EXISTS \`$DB\`; CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
HAVEN_CRYPTO_KEYS=$BENCH_KEYS HAVEN_CRYPTO_HMAC_SECRET=$BENCH_HMAC timeout 300 "$JAVA" \
  -cp "bench/target/haven-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" io.haven.bench.Drill migrate --db "$JDBC" \
  --classes target/classes > "$OUT/migrate.log" 2>&1 || { tail -30 "$OUT/migrate.log"; die "migration failed"; }
# The base seed's own figures (seed.*) go to a scratch file: run.sh's seed.* keys in RESULTS are its own.
tool 300 "$OUT/seed-base.properties" seed --db "$JDBC" --cases 0 > /dev/null || die "base seed failed"

start_portal() { # LOG-NAME JOBS(on|off): the packaged portal; with JOBS=on both jobs run once, at their delays
  local every=off
  [ "$2" = on ] && every=24h
  HAVEN_DB_URL=$JDBC HAVEN_DB_USER=$DB_USER HAVEN_DB_PASSWORD= \
  HAVEN_CRYPTO_KEYS=$BENCH_KEYS HAVEN_CRYPTO_HMAC_SECRET=$BENCH_HMAC \
  HAVEN_HTTP_PORT=$PORT HAVEN_MANAGEMENT_PORT=$MGMT_PORT HAVEN_MAIL_SEND_EVERY=off HAVEN_STAFF_IDLE_TIMEOUT=2h \
  HAVEN_SECURE_COOKIES=false HAVEN_REPORT_PER_ADDRESS_HOURLY=100000000 \
  HAVEN_DEADLINES_ESCALATE_EVERY=$every HAVEN_DEADLINES_ESCALATE_DELAY=$ESC_DELAY \
  HAVEN_DEADLINES_PURGE_EVERY=$every HAVEN_DEADLINES_PURGE_DELAY=$PURGE_DELAY \
    "$JAVA" $JVM_OPTS -Dhaven.report.per-address-hourly=100000000 -jar target/quarkus-app/quarkus-run.jar \
    > "$OUT/$1.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 3000); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT/q/health/ready")" = 200 ] && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$OUT/$1.log" >&2; die "the portal stopped ($1)"; }
    sleep 0.05
  done
  die "the portal was not ready in time ($1)"
}
measure() { # LABEL LOG-NAME MORE-ARGS...: the growth command of the bench tool
  local label=$1 logname=$2; shift 2
  tool $(( JOB_TIMEOUT + 600 )) "$RESULTS" growth --port "$PORT" --db "$JDBC" --label "$label" --log "$OUT/$logname.log" \
    --report-rate "$REPORT_RATE" --report-warmup "$REPORT_WARMUP" --job-timeout "$JOB_TIMEOUT" \
    --warmup "$WARMUP" --seconds "$SECONDS_PER_PAGE" "$@" || { stop_app; die "growth at $label failed (see $OUT/$logname.log)"; }
}

if [ "$MODE" = full ]; then
  # One start per size: the jobs first (with reports meanwhile), then the pages.
  for s in $SIZES; do
    n=${s%%:*}; label=${s#*:}
    log "$label: seeding up to $n cases"
    tool 3600 "$RESULTS" grow --db "$JDBC" --size "$n" --label "$label" || die "seeding $label failed"
    log "$label: portal with the jobs due ${ESC_DELAY} (escalation) and ${PURGE_DELAY} (retention) after start"
    start_portal "app-$label" on
    measure "$label" "app-$label"
    stop_app
  done
else
  # Smoke: the pages at each size on one start without the jobs, then the jobs once, at the last size
  # (two start-ups instead of three keep the part within its CI budget).
  # The school first: the portal reads its schools at start (and every 10 s after).
  tool 300 "$OUT/seed-base.properties" grow --db "$JDBC" --size 0 > /dev/null || die "growth school failed"
  start_portal app-pages off
  for s in $SIZES; do
    n=${s%%:*}; label=${s#*:}
    log "$label: seeding up to $n cases, then the pages"
    tool 300 "$RESULTS" grow --db "$JDBC" --size "$n" --label "$label" || die "seeding $label failed"
    measure "$label" app-pages --jobs no
  done
  stop_app
  log "$label: the jobs, due ${ESC_DELAY} and ${PURGE_DELAY} after start"
  start_portal "app-jobs" on
  measure "$label" app-jobs --pages no
  stop_app
fi
if [ "$MODE" = full ]; then
  # The plans of the queries that grow with the table, at the largest size.
  SCHOOL_ID=$(mysql_q -N "$DB" -e "SELECT id FROM school WHERE slug = 'bench-growth'")
  {
    for q in \
      "SELECT id FROM report_case WHERE school_id = $SCHOOL_ID AND status = 'CLOSED' AND legal_hold = FALSE AND purged_at IS NULL AND id > 0 AND closed_at < NOW() - INTERVAL 365 DAY ORDER BY id LIMIT 200" \
      "SELECT id FROM report_case WHERE status = 'NEW' AND purged_at IS NULL AND acknowledged_at IS NULL AND id > 0 AND acknowledge_by < NOW() AND (urgent = TRUE OR category IN ('INTIMATE_IMAGE', 'SEXTORTION')) ORDER BY id LIMIT 200" \
      "SELECT category, COUNT(*) FROM report_case WHERE school_id = $SCHOOL_ID AND created_at >= NOW() - INTERVAL 30 DAY AND created_at < NOW() GROUP BY category"; do
      echo "$q;"; mysql_q -t "$DB" -e "ANALYZE $q" 2>&1; echo
    done
  } > "$OUT/growth-explain.txt" 2>&1 || true
fi
tool 60 "$RESULTS" growth-chart --out "$CHART" > /dev/null || die "chart failed"
{
  printf 'growth.seconds=%s\n' $(( $(date +%s) - T0 ))
  printf 'growth.results_dir=%s\n' "$OUT"
  # The chart's path as the Markdown page (docs/benchmarks.md, smoke: bench/target/smoke-benchmarks.md) links it.
  if [ "$MODE" = full ]; then echo growth.chart=growth.svg; else echo growth.chart=growth-smoke/growth.svg; fi
} >> "$RESULTS"
log "done in $(( $(date +%s) - T0 )) s: $RESULTS, $CHART"
