#!/bin/sh
# Trains the JDK's AOT cache (JDK 25, JEP 483/514/515) for the packaged portal: starts it once so that
# Flyway creates the schema, then again, as almost every production start runs (nothing to migrate, so
# Flyway skipped), with -XX:AOTCacheOutput, opens the public and sign-in pages, stops it; the JVM writes the
# cache as it exits. Training on the migrating start put Flyway's migration code (some 200 classes: SQL
# parsing, the MariaDB dialect, the history table) into the cache, which every start maps and keeps
# resident; a start that does migrate loads them from the jars.
# The cache then holds the classes the start and those pages load, already parsed and linked, and the
# profiles of their methods, so that a start with -XX:AOTCache=<cache> skips that work (README, "Faster
# start-up"). docker/Dockerfile runs this at image build; bench/run.sh times what it produces.
#
#   docker/aot-train.sh APP_DIR CACHE [JVM options...]
#
# APP_DIR is the aot-jar's directory (target/quarkus-app, /app in the image), CACHE the file to write.
# The JVM options must be the ones the portal runs with (the cache records the collector and object
# layout), and the jar must be started from the same path later. The training needs an empty, throwaway
# database, because Flyway creates the schema in it: TRAIN_DB_URL (and TRAIN_DB_USER, TRAIN_DB_PASSWORD)
# names one; without it the script starts its own MariaDB server in a temporary directory (needs mariadbd
# and mariadb-install-db, Debian's mariadb-server) on TRAIN_DB_PORT (3399) and removes it afterwards.
# Keys are random and thrown away with the database. Ports: TRAIN_PORT (18399), TRAIN_MGMT_PORT (19399).
# JAVA names the java binary (default: java on the PATH). Exits non-zero when no cache was written.
set -eu
[ $# -ge 2 ] || { sed -n '2,19p' "$0"; exit 2; }
APP_DIR=$1; CACHE=$2; shift 2
JAVA=${JAVA:-java}
PORT=${TRAIN_PORT:-18399}; MGMT_PORT=${TRAIN_MGMT_PORT:-19399}; DB_PORT=${TRAIN_DB_PORT:-3399}
WORK=$(mktemp -d /tmp/haven-aot-train.XXXXXX)
DB_PID=""; APP_PID=""
cleanup() {
  # Only the processes started here, by their pid.
  [ -z "$APP_PID" ] || { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
  [ -z "$DB_PID" ] || { kill "$DB_PID" 2>/dev/null || true; wait "$DB_PID" 2>/dev/null || true; }
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
say() { echo "aot-train: $*"; }

if [ -z "${TRAIN_DB_URL:-}" ]; then
  say "throwaway MariaDB on 127.0.0.1:$DB_PORT"
  mariadb-install-db --no-defaults --datadir="$WORK/db" --user="$(id -un)" --skip-test-db \
    --auth-root-authentication-method=normal > "$WORK/db-install.log" 2>&1 || { cat "$WORK/db-install.log"; exit 1; }
  # No grant tables: the server is reachable only from this host, lives for the training and is deleted.
  mariadbd --no-defaults --datadir="$WORK/db" --user="$(id -un)" --socket="$WORK/db.sock" --port="$DB_PORT" \
    --bind-address=127.0.0.1 --skip-grant-tables --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_unicode_ci > "$WORK/db.log" 2>&1 &
  DB_PID=$!
  i=0
  until mariadb --no-defaults --socket="$WORK/db.sock" -uroot -e 'CREATE DATABASE IF NOT EXISTS haven' 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 300 ] || { cat "$WORK/db.log"; say "MariaDB did not start"; exit 1; }
    kill -0 "$DB_PID" 2>/dev/null || { cat "$WORK/db.log"; say "MariaDB exited"; exit 1; }
    sleep 0.1
  done
  TRAIN_DB_URL=jdbc:mariadb://127.0.0.1:$DB_PORT/haven; TRAIN_DB_USER=root; TRAIN_DB_PASSWORD=
fi

key() { head -c 32 /dev/urandom | base64; }
KEYS="k1:$(key)"; HMAC=$(key)
portal() { # LOG JVM options...; starts the portal in the background (APP_PID, its log in $WORK/LOG), waits until ready
  log=$WORK/$1; shift
  HAVEN_DB_URL=$TRAIN_DB_URL HAVEN_DB_USER=${TRAIN_DB_USER:-root} HAVEN_DB_PASSWORD=${TRAIN_DB_PASSWORD:-} \
  HAVEN_CRYPTO_KEYS=$KEYS HAVEN_CRYPTO_HMAC_SECRET=$HMAC HAVEN_CRYPTO_KEY_FILE= \
  HAVEN_HTTP_PORT=$PORT HAVEN_MANAGEMENT_PORT=$MGMT_PORT HAVEN_MAIL_SEND_EVERY=off HAVEN_PROVISION_FILE= \
    "$JAVA" "$@" -jar "$APP_DIR/quarkus-run.jar" > "$log" 2>&1 &
  APP_PID=$!
  i=0
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/q/health/ready")" = 200 ]; do
    i=$((i + 1)); [ $i -lt 1800 ] || { tail -40 "$log"; say "the portal did not become ready"; exit 1; }
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$log"; say "the portal exited"; exit 1; }
    sleep 0.1
  done
}
stop_portal() { kill "$APP_PID"; wait "$APP_PID" || true; APP_PID=""; }

rm -f "$CACHE"
say "migrating start (Flyway creates the schema)"
portal migrate.log "$@"
stop_portal
say "training start: $JAVA $* -XX:AOTCacheOutput=$CACHE -jar $APP_DIR/quarkus-run.jar"
portal train.log "$@" -XX:AOTCacheOutput="$CACHE"
grep -q 'Flyway: skipped' "$WORK/train.log" || { tail -40 "$WORK/train.log"; say "the training start did not skip Flyway"; exit 1; }
# The pages a visitor and a member of staff open first: each language of a lesson, the report form,
# the sign-in page, help and law pages (their templates, message bundles and content code).
for u in / '/lessons/if-it-happens?band=11-13&lang=ko' '/lessons/if-it-happens?band=8-10&lang=en' \
  '/lessons/if-it-happens?band=14-16&lang=fr' /lessons /report /report/follow-up /staff/login /help /law \
  /q/health/live /q/health/ready /nothing-here; do
  curl -s -o /dev/null --max-time 10 "http://127.0.0.1:$PORT$u" || true
done
curl -s -o /dev/null --max-time 10 "http://127.0.0.1:$MGMT_PORT/q/metrics" || true
stop_portal
[ -s "$CACHE" ] || { tail -40 "$WORK/train.log"; say "no cache was written"; exit 1; }
say "wrote $CACHE ($(du -m "$CACHE" | cut -f1) MB)"
