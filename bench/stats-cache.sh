#!/usr/bin/env bash
# The statistics page at the size haven_growth holds (bench/growth.sh seeds it: 1,000,000 cases in one
# school), once per haven.stats.fresh-for given: 0s counts everything on every view (the cold computation
# each time), 5m serves the figures computed by the first view. Uses the growth command of the bench tool
# (pages only, no jobs, no reseeding); StatsCache logs each computation's time (DEBUG) in the portal log.
#
#   bench/stats-cache.sh [WINDOW...]    default: 0s 5m; figures in bench/target/stats-cache
# Needs target/quarkus-app and bench/target built (as growth.sh --skip-build). Own ports: 18680/19680.
set -euo pipefail
cd "$(dirname "$0")/.."
WINDOWS=${*:-"0s 5m"}
DB=${STATS_DB:-haven_growth}; PORT=${STATS_PORT:-18680}; MGMT_PORT=${STATS_MGMT_PORT:-19680}
OUT=bench/target/stats-cache; mkdir -p "$OUT"
JDBC=jdbc:mariadb://127.0.0.1:3306/$DB
. bench/jvm.sh
JVM_OPTS=$SMALL_JVM_OPTS
APP_PID=""
stop_app() { if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi; }
trap stop_app EXIT
for w in $WINDOWS; do
  HAVEN_DB_URL=$JDBC HAVEN_DB_USER=root HAVEN_DB_PASSWORD= HAVEN_CRYPTO_KEYS=$BENCH_KEYS HAVEN_CRYPTO_HMAC_SECRET=$BENCH_HMAC \
  HAVEN_HTTP_PORT=$PORT HAVEN_MANAGEMENT_PORT=$MGMT_PORT HAVEN_MAIL_SEND_EVERY=off HAVEN_STAFF_IDLE_TIMEOUT=2h \
  HAVEN_SECURE_COOKIES=false HAVEN_DEADLINES_ESCALATE_EVERY=off HAVEN_DEADLINES_PURGE_EVERY=off \
  HAVEN_STATS_FRESH_FOR=$w \
    "$JAVA" $JVM_OPTS '-Dquarkus.log.category."io.haven.casework.StatsCache".level=DEBUG' -jar target/quarkus-app/quarkus-run.jar > "$OUT/app-$w.log" 2>&1 &
  APP_PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT/q/health/ready")" = 200 ]; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$OUT/app-$w.log"; exit 1; }
    sleep 0.2
  done
  HAVEN_CRYPTO_KEYS=$BENCH_KEYS timeout 900 "$JAVA" -cp "bench/target/haven-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
    io.haven.bench.Bench growth --port "$PORT" --db "$JDBC" --label "fresh-$w" --log "$OUT/growth-$w.log" --jobs no \
    --warmup "${STATS_WARMUP:-5}" --seconds "${STATS_SECONDS:-20}" --results "$OUT/results.properties" | tee "$OUT/summary-$w.txt"
  grep -o 'statistics of school .*' "$OUT/app-$w.log" | tee "$OUT/computed-$w.txt" | head -5 || true
  stop_app
done
