#!/usr/bin/env bash
# The stack's floor beside the portal: bench/floor (the portal's Quarkus, extensions, aot-jar packaging and
# JVM options around one table, one template and one migration) and the portal itself, each with its own
# trained AOT cache, started in turn ROUNDS times (default 4) on MariaDB: the time to ready, the CPU of the
# start, RSS at ready and after 10 s of wrk on a page. What the floor needs, the portal cannot go below with
# this stack on this machine (docs/benchmarks.md, rows 5a and 5b). Needs the portal built (./mvnw package)
# and MariaDB on 127.0.0.1:3306; not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-4}
. bench/jvm.sh
export PATH="$JBIN:$PATH"
OPTS=$SMALL_JVM_OPTS
PORTAL=target/quarkus-app; FLOOR=bench/floor/target/quarkus-app
[ -f "$PORTAL/quarkus-run.jar" ] || { echo "build the portal first: ./mvnw package" >&2; exit 1; }
OUT=bench/target/floor; mkdir -p "$OUT"
db() { mariadb -uroot -h127.0.0.1 -P3306 -e "$1"; }
fresh() { db "DROP DATABASE IF EXISTS \`$1\`; CREATE DATABASE \`$1\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"; }

echo "== building bench/floor"
./mvnw -B -q -f bench/floor/pom.xml package -DskipTests > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }

# launch WHICH LOG [JVM options...]: starts the portal or the floor on its database, sets PID and READY_MS
launch() {
  local which=$1 log=$2; shift 2
  local t0; t0=$(date +%s%N)
  if [ "$which" = portal ]; then
    HAVEN_DB_URL=jdbc:mariadb://127.0.0.1:3306/haven_floor_portal HAVEN_DB_USER=root HAVEN_DB_PASSWORD= \
    HAVEN_CRYPTO_KEYS=$BENCH_KEYS HAVEN_CRYPTO_HMAC_SECRET=$BENCH_HMAC HAVEN_HTTP_PORT=18681 HAVEN_MANAGEMENT_PORT=19681 \
    HAVEN_MAIL_SEND_EVERY=off HAVEN_SECURE_COOKIES=false \
      java $OPTS "$@" -jar "$PORTAL/quarkus-run.jar" > "$OUT/$log.log" 2>&1 &
    PID=$!; URL=http://127.0.0.1:18681; READY=$URL/q/health/ready; PAGE="$URL/lessons/if-it-happens?band=11-13"
  else
    FLOOR_DB_URL=jdbc:mariadb://127.0.0.1:3306/haven_floor FLOOR_PORT=18680 FLOOR_MGMT_PORT=19680 \
      java $OPTS "$@" -jar "$FLOOR/quarkus-run.jar" > "$OUT/$log.log" 2>&1 &
    PID=$!; URL=http://127.0.0.1:18680; READY=http://127.0.0.1:19680/q/health/ready; PAGE=$URL/
  fi
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$READY")" = 200 ]; do
    kill -0 "$PID" 2>/dev/null || { tail -30 "$OUT/$log.log" >&2; return 1; }
    sleep 0.02
  done
  READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}
stop() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
rss() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status"; }

echo "== fresh databases haven_floor and haven_floor_portal; first starts (Flyway)"
fresh haven_floor; fresh haven_floor_portal
launch floor floor-first; curl -s -o /dev/null -X POST "$URL/"; stop
launch portal portal-first; stop

echo "== AOT caches: the portal's by docker/aot-train.sh, the floor's by a start that opens its page and writes a row"
fresh haven_floor_train
TRAIN_DB_URL=jdbc:mariadb://127.0.0.1:3306/haven_floor_train TRAIN_PORT=18682 TRAIN_MGMT_PORT=19682 JAVA=java \
  sh docker/aot-train.sh "$PORTAL" "$OUT/portal.aot" $OPTS > "$OUT/portal-train.log" 2>&1 || { tail -30 "$OUT/portal-train.log"; exit 1; }
launch floor floor-train -XX:AOTCacheOutput="$OUT/floor.aot"
for _ in 1 2 3 4 5; do curl -s -o /dev/null "$PAGE"; curl -s -o /dev/null -X POST "$URL/"; done
stop
[ -f "$OUT/floor.aot" ] || { echo "the floor's AOT cache was not written" >&2; exit 1; }

printf '%-7s %-6s %9s %7s %9s %10s %9s\n' app round ready_ms cpu_s rss_ready rss_loaded req_s | tee "$OUT/floor.txt"
for round in $(seq 1 "$ROUNDS"); do
  for app in floor portal; do
    sleep 3 # the previous JVM's exit
    launch "$app" "$app-$round" -XX:AOTMode=on -XX:AOTCache="$OUT/$app.aot"
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$PID/stat")
    r0=$(rss)
    rps=$(wrk -t1 -c32 -d10s "$PAGE" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
    printf '%-7s %-6s %9s %7s %9s %10s %9s\n' "$app" "$round" "$READY_MS" "$cpu" "$r0" "$(rss)" "$rps" | tee -a "$OUT/floor.txt"
    stop
  done
done
echo "== $OUT/floor.txt"
