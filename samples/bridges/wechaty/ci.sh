#!/usr/bin/env bash
# CI for the Wechaty bridge: installs its pinned dependencies, runs its tests (Node's test runner, against the
# real ChainBot server, which must already be built: dotnet build ChainBot.sln -c Release), and ends with
# "N passed, N failed" alone on the last line. Exits non-zero on any failure or when no test ran.
set -uo pipefail
cd "$(dirname "$0")"

fail() { echo "bridge-ci: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

command -v node >/dev/null || fail "Node.js is not installed"
command -v npm >/dev/null || fail "npm is not installed"
[ -f ../../../src/ChainBot.Server/bin/Release/net10.0/ChainBot.Server.dll ] \
  || fail "ChainBot.Server is not built: run dotnet build ChainBot.sln -c Release first"

# npm ci rejects the lock file that wechaty's optional platform packages produce: install from package.json,
# whose versions are pinned exactly.
npm install --no-audit --no-fund --loglevel=error || fail "npm install failed"

out=$(mktemp)
# One test file at a time where the runner lets us say so (Node 20.10+; Debian's Node 18 has no such flag): the
# files start real servers, and these machines have two cores.
concurrency=()
if node --test-concurrency=1 -e "" >/dev/null 2>&1; then concurrency=(--test-concurrency=1); fi
node --test "${concurrency[@]}" --test-reporter=tap test/*.test.mjs 2>&1 | tee "$out"
status=${PIPESTATUS[0]}

summary=0
bash ../../../.ci/tap-summary.sh "$out" "$status" bridge-ci || summary=$?
rm -f "$out"
exit "$summary"
