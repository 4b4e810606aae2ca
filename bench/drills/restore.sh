#!/usr/bin/env bash
# Restore drill (README, "Backups"): a backup is the database dump plus the keys, kept apart; this
# proves that the two together bring every report back.
#   1. a fresh database; the portal (production jar) on it; a report sent through the form (its
#      receipt kept) and a staff reply sent through the staff page;
#   2. mariadb-dump of the running portal's database (--single-transaction); the keys written to
#      their own file, apart from the dump; the dump must not contain them;
#   3. the dump restored into a new database; the portal started on it with the key file;
#   4. the handler signs in and reads the report and the reply on the case page; the old receipt
#      opens the follow-up with the reply, and the reporter can write back.
# Prints "restore drill: N passed, M failed" and exits non-zero on any failure.
#
#   bench/drills/restore.sh [--rebuild]
#   DRILL_DB (haven_drill_backup), DRILL_RESTORED_DB (haven_drill_restored), DRILL_PORT (18086),
#   DRILL_MGMT_PORT (18087), DRILL_DB_HOST/PORT/USER (127.0.0.1/3306/root, empty password).
set -uo pipefail
. "$(dirname "$0")/lib.sh"

REBUILD=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rebuild) REBUILD=1 ;;
    -h|--help) sed -n '2,15p' "$ROOT/bench/drills/restore.sh"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
DB=${DRILL_DB:-haven_drill_backup}
RESTORED=${DRILL_RESTORED_DB:-haven_drill_restored}
PORT=${DRILL_PORT:-18086}; MGMT=${DRILL_MGMT_PORT:-18087}
OUT=$ROOT/bench/target/drills/restore
rm -rf "$OUT"; mkdir -p "$OUT/backup" "$OUT/keys"
chmod 700 "$OUT/keys"
T0=$(date +%s)
trap cleanup EXIT
trap 'exit 130' INT TERM
# No mail in this drill: the outbox keeps what it cannot send.
NODE_MAIL_EVERY=off NODE_ESCALATE_EVERY=off

check() { # NAME OK DETAIL: a check made by this script
  if [ "$2" = 1 ]; then echo "PASS $1: $3"; PASSED=$((PASSED + 1)); else echo "FAIL $1: $3"; FAILED=$((FAILED + 1)); fi
}

need_tools
build "$OUT" "$REBUILD"
for p in "$PORT" "$MGMT"; do port_free "$p" || die "port $p is in use"; done

log "fresh database $DB with a school and its handler; the portal on it"
mysql_q -e "DROP DATABASE IF EXISTS \`$DB\`; DROP DATABASE IF EXISTS \`$RESTORED\`;
  CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" || die "cannot create database $DB"
drill migrate --db "$(jdbc "$DB")" --classes target/classes
drill seed --db "$(jdbc "$DB")"
start_node original "$PORT" "$MGMT" "$DB" drill@example.org "$OUT/original.log"; PID=$NODE_PID
wait_ready "$PORT" "$PID" || { tail -30 "$OUT/original.log"; die "the portal did not become ready"; }

log "a report and a staff reply"
drill restore-prepare --port "$PORT" --db "$(jdbc "$DB")" --state "$OUT/receipt.properties"

log "backup: the dump (while the portal runs) and, apart from it, the keys"
mariadb-dump -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" --single-transaction --routines --triggers \
  --default-character-set=utf8mb4 "$DB" > "$OUT/backup/haven.sql"
check dump-made "$([ -s "$OUT/backup/haven.sql" ] && echo 1 || echo 0)" \
  "mariadb-dump --single-transaction wrote $(wc -c < "$OUT/backup/haven.sql") bytes"
# The key file the portal reads (haven.crypto.key-file): in real life a password manager or a sealed
# envelope, never the backup's own storage.
( umask 077; printf 'keys=%s\nhmac-secret=%s\n' "$DRILL_KEYS" "$DRILL_HMAC" > "$OUT/keys/haven-keys.properties" )
leaked=0
for secret in "${DRILL_KEYS#*:}" "$DRILL_HMAC"; do grep -qF -- "$secret" "$OUT/backup/haven.sql" && leaked=1; done
check dump-holds-no-keys "$([ "$leaked" = 0 ] && echo 1 || echo 0)" "neither the data key nor the HMAC secret is in the dump"
stop_pid "$PID"

log "restore into $RESTORED; the portal on it with the key file"
mysql_q -e "CREATE DATABASE \`$RESTORED\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" || die "cannot create $RESTORED"
mysql_q "$RESTORED" < "$OUT/backup/haven.sql"
rows=$(mysql_q -N "$RESTORED" -e "SELECT COUNT(*) FROM report_case")
check restore-loaded "$([ "${rows:-0}" -ge 1 ] && echo 1 || echo 0)" "the dump loaded: $rows report(s) in $RESTORED"
NODE_KEY_FILE=$OUT/keys/haven-keys.properties
start_node restored "$PORT" "$MGMT" "$RESTORED" drill@example.org "$OUT/restored.log"; PID=$NODE_PID
if wait_ready "$PORT" "$PID"; then
  check restored-starts 1 "the portal is ready on the restored database with the keys from the key file"
  drill restore-check --port "$PORT" --db "$(jdbc "$RESTORED")" --state "$OUT/receipt.properties"
else
  tail -30 "$OUT/restored.log"
  check restored-starts 0 "the portal did not become ready on the restored database (see $OUT/restored.log)"
fi
stop_pid "$PID"

echo "took $(( $(date +%s) - T0 )) s; logs, the dump and the key file in $OUT"
summary "restore drill"
