#!/usr/bin/env bash
# Runs every test of the playground and ends with one line: "N passed, N failed".
#   unit, component and integration tests (tests/Unit), SQLite and a real PostgreSQL;
#   browser tests (tests/E2E) in Debian's Chromium against the published server.
# Installs Chromium, PostgreSQL and the sandbox's tools from Debian first when they are missing.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
results=$root/artifacts/test-results
rm -rf "$results" artifacts/screenshots
mkdir -p "$results"

scripts/install-test-deps.sh

POSTGRES_SKIP_REASON=""
stop_test_postgres() { :; }
# shellcheck source=scripts/start-test-postgres.sh
source scripts/start-test-postgres.sh
trap 'stop_test_postgres' EXIT

status=0
echo "== publish (the build the Docker image runs and the browser tests use)"
if ! dotnet publish src/Server -c Release -o artifacts/publish -nologo -v quiet; then
  echo "publish failed"
  status=1
fi

unit_filter=()
if [ -n "$POSTGRES_SKIP_REASON" ]; then
  echo "PostgreSQL tests left out: $POSTGRES_SKIP_REASON"
  unit_filter=(--filter "Category!=Postgres")
fi

echo "== unit, component and integration tests"
dotnet test tests/Unit -c Release -nologo "${unit_filter[@]}" \
  --logger "trx;LogFileName=unit.trx" --results-directory "$results" || status=1

echo "== browser tests"
if [ -f artifacts/publish/Playground.Server.dll ]; then
  PLAYGROUND_PUBLISH_DIR=$root/artifacts/publish dotnet test tests/E2E -c Release -nologo \
    --logger "trx;LogFileName=e2e.trx" --results-directory "$results" || status=1
fi
echo "Screenshots: artifacts/screenshots/"

python3 scripts/summarize-tests.py "$results" "$status"
