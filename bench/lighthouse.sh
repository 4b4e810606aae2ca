#!/usr/bin/env bash
# Lighthouse accessibility and best-practices scores of Haven's main pages: writes docs/lighthouse.md.
#
#   bench/lighthouse.sh                 every page, mobile and desktop (a few minutes)
#   LH_FORM_FACTORS=mobile bench/lighthouse.sh    one form factor only
#   LH_OUT=/tmp/x.md bench/lighthouse.sh          write the table elsewhere
#   LH_ONLY=Lesson bench/lighthouse.sh            only the pages whose name contains this (with LH_OUT)
#   bench/lighthouse.sh --rebuild       build the portal again first (after a template or CSS change)
#
# Builds the demo portal into target/lighthouse-app when it is missing (or with --rebuild), starts it
# (-Dquarkus.profile=demo) on free ports with its data in a temporary directory (H2 file, generated keys, demo school and staff), files one report and
# signs the demo handler in (bench/lighthouse-setup.py) for the staff pages, runs Lighthouse on each page
# and stops the portal. Lighthouse is installed with npm into bench/target/lighthouse (git-ignored).
# Needs: a JDK 21+ (JAVA_HOME, else java on PATH), node and npm, python3, Chromium (CHROME_PATH, else
# /usr/bin/chromium). The JSON report of each run is kept in bench/target/lighthouse/reports.
# Exits non-zero when a page cannot be audited or scores below 100.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
REBUILD=0
for a in "$@"; do
  case "$a" in
    --rebuild) REBUILD=1 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $a (see --help)" >&2; exit 2 ;;
  esac
done
LH_DIR=$ROOT/bench/target/lighthouse
REPORTS=$LH_DIR/reports
OUT=${LH_OUT:-$ROOT/docs/lighthouse.md}
FORM_FACTORS=${LH_FORM_FACTORS:-mobile desktop}
# Lighthouse 13 needs Node 22.19+; 12.8 runs on the Node 20 of Debian-based CI images.
LH_VERSION=${LH_VERSION:-12.8.2}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

if [ -n "${JAVA_HOME:-}" ]; then JAVA=$JAVA_HOME/bin/java; else JAVA=$(command -v java); fi
[ -x "$CHROME_PATH" ] || { echo "no Chromium at $CHROME_PATH (set CHROME_PATH)" >&2; exit 1; }

APP_PID=""
DATA=""
cleanup() {
  # Only the portal this script started, by its pid.
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -n "$DATA" ]; then rm -rf "$DATA"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# ------------------------------------------------------------------------------- build, install
# The demo profile fixes the database kind (H2) at build time, so the demo portal is its own build, kept
# apart from target/quarkus-app (the production build, MariaDB) in target/lighthouse-app.
APP=$ROOT/target/lighthouse-app
if [ "$REBUILD" = 1 ] || [ ! -f "$APP/quarkus-run.jar" ]; then
  echo "== building the demo portal into $APP"
  ./mvnw -B -q package -DskipTests -Dquarkus.profile=demo -Dquarkus.package.output-directory=lighthouse-app
fi
if [ ! -x "$LH_DIR/node_modules/.bin/lighthouse" ] || ! grep -q "\"version\": \"$LH_VERSION\"" "$LH_DIR/node_modules/lighthouse/package.json"; then
  echo "== installing lighthouse@$LH_VERSION into $LH_DIR"
  mkdir -p "$LH_DIR"
  [ -f "$LH_DIR/package.json" ] || echo '{"private": true}' > "$LH_DIR/package.json"
  (cd "$LH_DIR" && npm install --no-audit --no-fund --silent "lighthouse@$LH_VERSION")
fi
LIGHTHOUSE=$LH_DIR/node_modules/.bin/lighthouse
LH_VER=$("$LIGHTHOUSE" --version)
CHROMIUM_VER=$("$CHROME_PATH" --version 2>/dev/null | sed -n 's/^Chromium \([0-9.]*\).*/\1/p')

# ------------------------------------------------------------------------------- the portal
PORT=$(free_port); MGMT_PORT=$(free_port)
DATA=$(mktemp -d)
BASE=http://localhost:$PORT
echo "== starting the demo portal on $BASE (data in $DATA)"
# The demo profile keeps its files under ./.haven: started from the temporary directory, they land there.
(cd "$DATA" && exec "$JAVA" -Dquarkus.profile=demo -Dquarkus.http.port="$PORT" \
  -Dquarkus.management.port="$MGMT_PORT" -jar "$APP/quarkus-run.jar") > "$DATA/portal.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  if curl -fs "$BASE/q/health/ready" >/dev/null 2>&1; then break; fi
  kill -0 "$APP_PID" 2>/dev/null || { cat "$DATA/portal.log" >&2; echo "the portal stopped" >&2; exit 1; }
  sleep 1
done
curl -fs "$BASE/q/health/ready" >/dev/null || { tail -50 "$DATA/portal.log" >&2; echo "the portal did not get ready" >&2; exit 1; }

echo "== filing a report and signing the demo handler in"
IFS=$'\t' read -r COOKIE CASE_PATH < <(python3 bench/lighthouse-setup.py "$BASE")
SIGNED_IN=$(python3 -c 'import json,sys; print(json.dumps({"Cookie": sys.argv[1]}))' "$COOKIE")

# name|path|signed in (1) or not (0)
PAGES=(
  "Home|/?lang=en|0"
  "Lesson catalogue (11-13)|/lessons?band=11-13&lang=en|0"
  "Lesson, 5-7 (if-it-happens)|/lessons/if-it-happens?band=5-7&lang=en|0"
  "Lesson, 8-10 (real-or-made-up)|/lessons/real-or-made-up?band=8-10&lang=en|0"
  "Lesson, 14-18 (deepfakes-and-consent)|/lessons/deepfakes-and-consent?band=14-18&lang=en|0"
  "Lesson, 14-18, in Korean|/lessons/deepfakes-and-consent?band=14-18&lang=ko|0"
  "Law|/law?lang=en|0"
  "Help|/help?lang=en|0"
  "Report form|/report?lang=en|0"
  "Follow-up (receipt entry)|/report/follow-up?lang=en|0"
  "Staff sign-in|/staff/login?lang=en|0"
  "Staff home (handler)|/staff?lang=en|1"
  "Case page (handler)|$CASE_PATH?lang=en|1"
)

# ------------------------------------------------------------------------------- audits
rm -rf "$REPORTS"; mkdir -p "$REPORTS"
ROWS=()
BELOW=()
FAILED=0
n=0
for entry in "${PAGES[@]}"; do
  IFS='|' read -r name path auth <<< "$entry"
  n=$((n + 1))
  case "$name" in *"${LH_ONLY:-}"*) ;; *) continue ;; esac
  shown=${path/\?lang=en/}; shown=${shown/&lang=en/}
  for ff in $FORM_FACTORS; do
    json=$REPORTS/$(printf '%02d' "$n")-$ff.json
    args=(--quiet --output=json --output-path="$json" --only-categories=accessibility,best-practices
          --chrome-flags="--headless=new --no-sandbox --disable-gpu")
    [ "$ff" = desktop ] && args+=(--preset=desktop)
    [ "$auth" = 1 ] && args+=("--extra-headers=$SIGNED_IN")
    echo "== $name ($ff)"
    if ! "$LIGHTHOUSE" "$BASE$path" "${args[@]}" >"$json.log" 2>&1; then
      tail -20 "$json.log" >&2
      ROWS+=("| $name | \`$shown\` | $ff | error | error |")
      FAILED=1
      continue
    fi
    # Scores, the final URL (a redirect to the sign-in page must not pass for the page), failing audits.
    read -r a11y bp final < <(python3 - "$json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s = lambda c: "?" if r["categories"][c]["score"] is None else round(r["categories"][c]["score"] * 100)
print(s("accessibility"), s("best-practices"), r.get("finalDisplayedUrl") or r.get("finalUrl"))
PY
)
    python3 - "$json" > "$json.failing" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for cat in ("accessibility", "best-practices"):
    for ref in r["categories"][cat]["auditRefs"]:
        a = r["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and a.get("score") is not None and a["score"] < 1:
            items = (a.get("details") or {}).get("items") or []
            where = "; ".join(str((i.get("node") or {}).get("selector") or i.get("description") or i.get("source") or "")
                              for i in items[:5])
            print(f"  - {cat}: {a['id']} ({a['title']}): {where}")
PY
    row="| $name | \`$shown\` | $ff | $a11y | $bp |"
    case "$final" in
      "$BASE$path") ;;
      *) row="| $name | \`$shown\` | $ff | $a11y | $bp (ended at $final) |"; FAILED=1 ;;
    esac
    ROWS+=("$row")
    echo "   accessibility $a11y, best practices $bp"
    if [ "$a11y" != 100 ] || [ "$bp" != 100 ]; then
      BELOW+=("- $name ($ff):"$'\n'"$(cat "$json.failing")")
      cat "$json.failing"
      FAILED=1
    fi
  done
done

# ------------------------------------------------------------------------------- the table
DATE=$(date -u +%Y-%m-%d)
COMMIT=$(git describe --always --dirty 2>/dev/null || echo unknown)
{
  echo "# Lighthouse: accessibility and best practices of the main pages"
  echo
  echo "Written by \`bench/lighthouse.sh\` (run it again to refresh this file). Lighthouse runs each page in"
  echo "headless Chromium with \`--only-categories=accessibility,best-practices\`, in English (one lesson also"
  echo "in Korean), against the portal started in demo mode from a fresh data directory; \"mobile\" is"
  echo "Lighthouse's default (a phone screen, throttled), \"desktop\" its \`--preset=desktop\`. The staff pages"
  echo "are audited signed in as the demo handler (password and second factor, the session cookie passed as a"
  echo "header), the case page on a report the script files first. The follow-up conversation and the report"
  echo "receipt are answers to a POST and cannot be opened by a URL, so the follow-up row is the page that asks"
  echo "for the receipt code; both are checked with axe by \`EveryPageTest\` ([browser-checks.md](browser-checks.md))."
  echo
  echo "Run on $DATE (UTC), commit \`$COMMIT\`, Lighthouse $LH_VER, Chromium $CHROMIUM_VER."
  echo
  echo "| Page | Path | Form factor | Accessibility | Best practices |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  if [ ${#BELOW[@]} -gt 0 ]; then
    echo
    echo "Below 100 (failing audits):"
    echo
    printf '%s\n' "${BELOW[@]}"
  fi
} > "$OUT"
echo
cat "$OUT"
exit $FAILED
