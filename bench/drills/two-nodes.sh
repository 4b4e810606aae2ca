#!/usr/bin/env bash
# Two-node drill (README, "Several nodes"): two portal processes from the production jar on one fresh
# MariaDB database with the same keys, and a real SMTP server on loopback. Proves, through the HTTP
# forms and the mail the SMTP server received:
#   - a first-run setup link logged by one node works on the other;
#   - a staff session made on A works on B; a report sent on A is followed up on B; a staff reply sent
#     on B is read by the reporter on A;
#   - N reports (200) spread over both nodes are all stored and each notified exactly once, one
#     "unusual number of reports" mail for the wave, the mail job running on one node only;
#   - an overdue urgent case is escalated once (one row, one mail) with both nodes running the job;
#   - one case changed on both nodes at once (assign on A and status on B; the same acknowledgement on
#     both; reporter replies on both): no change that answered "done" is lost, one audit row per
#     transition, no 500;
#   - a slow SMTP server (each message answered after a delay, the outbox lease expiring mid-batch)
#     produces no duplicate;
#   - kill -9 of one node during a burst of reports loses no report that showed a receipt, and the
#     other node keeps taking reports.
# Prints "two-node drill: N passed, M failed" and exits non-zero on any failure.
#
#   bench/drills/two-nodes.sh [--rebuild] [--real-lease] [--count N]
#     --rebuild      build the jar and the drill tool even if they look current
#     --real-lease   the slow-SMTP check waits out the real 2-minute outbox lease instead of expiring
#                    the lease row once sending has begun: 7 mails at 30 s each (about 4 minutes; the
#                    first batch may hold only the first mail or two, the second must outlive the lease)
#   DRILL_DB (haven_drill_nodes), DRILL_PORT_A/B (18082/18083), DRILL_MGMT_PORT_A/B (18084/18085),
#   DRILL_SMTP_PORT (3725), DRILL_DB_HOST/PORT/USER (127.0.0.1/3306/root, empty password).
set -uo pipefail
. "$(dirname "$0")/lib.sh"

REBUILD=0; REAL_LEASE=0; COUNT=200
while [ $# -gt 0 ]; do
  case "$1" in
    --rebuild) REBUILD=1 ;;
    --real-lease) REAL_LEASE=1 ;;
    --count) COUNT=$2; shift ;;
    -h|--help) sed -n '2,26p' "$ROOT/bench/drills/two-nodes.sh"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
DB=${DRILL_DB:-haven_drill_nodes}
PORT_A=${DRILL_PORT_A:-18082}; PORT_B=${DRILL_PORT_B:-18083}
MGMT_A=${DRILL_MGMT_PORT_A:-18084}; MGMT_B=${DRILL_MGMT_PORT_B:-18085}
SMTP_PORT=${DRILL_SMTP_PORT:-3725}
OUT=$ROOT/bench/target/drills/two-nodes
rm -rf "$OUT"; mkdir -p "$OUT"
T0=$(date +%s)
trap cleanup EXIT
trap 'exit 130' INT TERM

need_tools
build "$OUT" "$REBUILD"
for p in "$PORT_A" "$PORT_B" "$MGMT_A" "$MGMT_B" "$SMTP_PORT"; do port_free "$p" || die "port $p is in use"; done

log "SMTP server on 127.0.0.1:$SMTP_PORT"
start_smtp "$SMTP_PORT" "$OUT/mail.tsv" "$OUT/smtp-delay" || die "the SMTP server did not start (see $OUT/mail.out)"

log "fresh database $DB: schema, a school and its handler (no administrator yet)"
mysql_q -e "DROP DATABASE IF EXISTS \`$DB\`; CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" \
  || die "cannot create database $DB"
drill migrate --db "$(jdbc "$DB")" --classes target/classes
drill seed --db "$(jdbc "$DB")"

log "two nodes, started together"
start_node A "$PORT_A" "$MGMT_A" "$DB" drill-node-a@example.org "$OUT/node-a.log"; PID_A=$NODE_PID
start_node B "$PORT_B" "$MGMT_B" "$DB" drill-node-b@example.org "$OUT/node-b.log"; PID_B=$NODE_PID
wait_ready "$PORT_A" "$PID_A" || { tail -30 "$OUT/node-a.log"; die "node A did not become ready"; }
wait_ready "$PORT_B" "$PID_B" || { tail -30 "$OUT/node-b.log"; die "node B did not become ready"; }
echo "both ready after $(( $(date +%s) - T0 )) s"

log "first-run setup link across nodes"
drill setup-link --a "$PORT_A" --b "$PORT_B" --logs "$OUT/node-a.log,$OUT/node-b.log"
drill admin --db "$(jdbc "$DB")"

log "sessions and receipts on either node"
drill sessions --a "$PORT_A" --b "$PORT_B" --db "$(jdbc "$DB")" --state "$OUT/sessions.properties"

log "$COUNT reports over both nodes, each notified once"
drill spread --a "$PORT_A" --b "$PORT_B" --db "$(jdbc "$DB")" --mail "$OUT/mail.tsv" --count "$COUNT"

log "escalation of an overdue urgent case, both nodes running the job"
drill escalation --db "$(jdbc "$DB")" --mail "$OUT/mail.tsv"

log "one case changed on both nodes at once"
drill concurrency --a "$PORT_A" --b "$PORT_B" --db "$(jdbc "$DB")" --tries 10 --state "$OUT/sessions.properties"

log "slow SMTP server"
if [ "$REAL_LEASE" = 1 ]; then
  drill slow --a "$PORT_A" --b "$PORT_B" --db "$(jdbc "$DB")" --mail "$OUT/mail.tsv" --delay-file "$OUT/smtp-delay" \
    --count 7 --delay 30 --expire-lease false
else
  drill slow --a "$PORT_A" --b "$PORT_B" --db "$(jdbc "$DB")" --mail "$OUT/mail.tsv" --delay-file "$OUT/smtp-delay" \
    --count 4 --delay 5 --expire-lease true
fi

log "kill -9 of node A during a burst of reports"
: > "$OUT/burst.marks"
( for _ in $(seq 1 100); do grep -q started "$OUT/burst.marks" 2>/dev/null && break; sleep 0.1; done
  sleep 3; kill -9 "$PID_A"; echo killed >> "$OUT/burst.marks" ) &
KILLER=$!
drill burst --a "$PORT_A" --b "$PORT_B" --db "$(jdbc "$DB")" --seconds 8 --marks "$OUT/burst.marks"
wait "$KILLER" 2>/dev/null || true
{ wait "$PID_A"; } 2>/dev/null || true

if grep -q ' ERROR ' "$OUT/node-a.log" "$OUT/node-b.log"; then
  echo "note: the nodes logged errors (see $OUT/node-a.log, $OUT/node-b.log):"
  grep -h ' ERROR ' "$OUT/node-a.log" "$OUT/node-b.log" | sed -E 's/^[0-9-]+ [0-9:]+ //; s/Error [0-9a-f]+ /Error /' \
    | cut -c1-200 | sort | uniq -c | sort -rn | head -5
fi
echo "took $(( $(date +%s) - T0 )) s; logs and the SMTP server's log in $OUT"
summary "two-node drill"
