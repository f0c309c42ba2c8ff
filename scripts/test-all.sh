#!/usr/bin/env bash
# Every test: typecheck, lint, unit and component tests, then browser tests in Debian's Chromium
# against the production build served locally. Installs Chromium and redis-server (apt-get) if
# they are missing, and postgresql: the sync server's tests start their own Redis and Postgres on
# free ports on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  fi
}
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "== Chromium not found at $CHROMIUM_PATH: installing Debian's chromium"
  apt_install chromium
fi
if ! command -v redis-server >/dev/null; then
  echo "== redis-server not found: installing Debian's redis-server"
  apt_install redis-server
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "== Postgres not found: installing Debian's postgresql"
  apt_install postgresql
fi
# The calendar tests read files with an independent reader (Debian's python3-icalendar and
# python3-recurring-ical-events) and put exported events on a real CalDAV server (Radicale).
MISSING=()
/usr/bin/python3 -c 'import icalendar, recurring_ical_events' 2>/dev/null ||
  MISSING+=(python3-icalendar python3-recurring-ical-events)
/usr/bin/python3 -c 'import radicale' 2>/dev/null || MISSING+=(radicale)
if [ ${#MISSING[@]} -gt 0 ]; then
  echo "== installing Debian's ${MISSING[*]}"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${MISSING[@]}" >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${MISSING[@]}" >/dev/null
  fi
fi
[ -d node_modules ] || npm ci --no-audit --no-fund

mkdir -p artifacts
echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint . --max-warnings=0
echo "== format"; npx prettier --check . --log-level warn
echo "== unit, component and sync server tests"
npx vitest run --project node --project jsdom --project server --reporter=default --reporter=json --outputFile.json=artifacts/unit.json
echo "== production build"; npx vite build --logLevel warn
echo "== size budgets"; node scripts/size-budget.mjs
echo "== browser tests (Chromium, production build)"
npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json=artifacts/e2e.json
node -e '
const fs = require("fs");
let passed = 0, failed = 0;
for (const f of ["artifacts/unit.json", "artifacts/e2e.json"]) {
  const r = JSON.parse(fs.readFileSync(f, "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests + (r.numTotalTests - r.numPassedTests - r.numFailedTests - r.numPendingTests - r.numTodoTests);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
'
