#!/usr/bin/env bash
# Every test: typecheck, lint, format, unit and component tests, the production build and its size
# budgets, then browser tests in Debian's Chromium against that build served locally. Installs
# Chromium, redis-server and postgresql (apt-get) if they are missing: the sync server's tests
# start their own Redis and Postgres on free ports on 127.0.0.1.
#
# Every stage runs even when an earlier one fails, and the run ends with exactly one line
# `N passed, N failed`, counted like this:
#   - a Vitest stage counts its tests, from its JSON report (artifacts/<name>.json). If the run
#     failed without a failing test (an unhandled error, a file that did not load, no report at
#     all), that counts as one more failure.
#   - any other stage counts as one test: passed if its command exits 0, failed otherwise.
#   - a stage that needs another stage's result (the browser tests need the build) is not run
#     when that stage failed, and counts as one failure.
# The exit status is non-zero when anything failed. Adding a stage is one line below.
set -uo pipefail
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
rm -f artifacts/*.json
PASSED=0
FAILED=0
SUMMARY=()
declare -A STATUS=()

# stage NAME COMMAND...: runs one command, counted as one test.
stage() {
  local name="$1"
  shift
  echo "== $name"
  if "$@"; then
    STATUS[$name]=ok
    PASSED=$((PASSED + 1))
    SUMMARY+=("ok      $name")
  else
    STATUS[$name]=failed
    FAILED=$((FAILED + 1))
    SUMMARY+=("FAILED  $name")
  fi
}

# vitest_stage NAME VITEST-ARGS...: runs Vitest with a JSON report and counts its tests.
vitest_stage() {
  local name="$1"
  shift
  local report="artifacts/$name.json"
  echo "== $name"
  npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$report"
  local code=$?
  local counts
  counts=$(node scripts/vitest-counts.mjs "$report" "$code")
  local p="${counts% *}" f="${counts#* }"
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
  if [ "$f" = 0 ]; then
    STATUS[$name]=ok
    SUMMARY+=("ok      $name ($p passed)")
  else
    STATUS[$name]=failed
    SUMMARY+=("FAILED  $name ($p passed, $f failed)")
  fi
}

# needs STAGE NAME: true if STAGE passed; otherwise counts NAME as one failure, not run.
needs() {
  if [ "${STATUS[$1]:-}" = ok ]; then return 0; fi
  echo "== $2: not run, because '$1' failed"
  STATUS[$2]=failed
  FAILED=$((FAILED + 1))
  SUMMARY+=("FAILED  $2 (not run: '$1' failed)")
  return 1
}

stage typecheck npx tsc --noEmit
stage lint npx eslint . --max-warnings=0
stage format npx prettier --check . --log-level warn
vitest_stage unit --project node --project jsdom --project server
stage build npx vite build --logLevel warn
needs build budgets && stage budgets node scripts/size-budget.mjs
stage build-faults npx vite build --mode faults --outDir dist-faults --logLevel warn
needs build e2e && needs build-faults e2e && vitest_stage e2e --project e2e

echo
echo "== summary"
printf '%s\n' "${SUMMARY[@]}"
echo
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
