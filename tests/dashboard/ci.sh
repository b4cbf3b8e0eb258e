#!/usr/bin/env bash
# The dashboard in a real browser: installs the pinned playwright-core (no browser download: it drives the system's
# /usr/bin/chromium), starts the already-built Release server on a free loopback port with a temporary SQLite file and
# a dashboard token, posts a sample group's transcript through the generic webhook, runs the tests (Node's test
# runner, TAP), stops the server, and ends with "N passed, N failed" alone on the last line. Exits non-zero on any
# failure or when no test ran. Build first: dotnet build ChainBot.sln -c Release.
set -uo pipefail
cd "$(dirname "$0")"
repo=$(cd ../.. && pwd)

fail() { echo "dashboard-ci: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

command -v node >/dev/null || fail "Node.js is not installed"
command -v npm >/dev/null || fail "npm is not installed"
[ -x /usr/bin/chromium ] || fail "Chromium is not installed (apt-get install chromium)"
server_dll="$repo/src/ChainBot.Server/bin/Release/net10.0/ChainBot.Server.dll"
[ -f "$server_dll" ] || fail "ChainBot.Server is not built: run dotnet build ChainBot.sln -c Release first"

PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error || fail "npm install failed"

work=$(mktemp -d)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
token="dashboard-ci-$(node -e "console.log(require('crypto').randomBytes(16).toString('hex'))")"
url="http://127.0.0.1:$port"

# No generic secret: the bot takes this machine's (loopback) callers only, unsigned. Only the dashboard's token.
ChainBot__Storage__Sqlite__Path="$work/chainbot.db" \
ChainBot__Dashboard__Tokens__0__Token="$token" \
ASPNETCORE_URLS="$url" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 \
  dotnet "$server_dll" >"$work/server.log" 2>&1 &
server=$!
stop() {
  if kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server"
    for _ in $(seq 1 100); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server" 2>/dev/null
  fi
  wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap stop EXIT

ready=0
for _ in $(seq 1 600); do
  if ! kill -0 "$server" 2>/dev/null; then cat "$work/server.log" >&2; fail "the server exited while starting"; fi
  if node -e "fetch('$url/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then ready=1; break; fi
  sleep 0.1
done
[ "$ready" -eq 1 ] || fail "the server did not answer /healthz within 60 s"

node post.mjs "$url" "$repo/samples/transcripts/growing.jsonl" after-deadline.jsonl || fail "posting the transcript failed"

out=$(mktemp)
DASHBOARD_URL="$url" DASHBOARD_TOKEN="$token" node --test --test-reporter=tap test/*.test.mjs 2>&1 | tee "$out"
status=${PIPESTATUS[0]}

summary=0
bash ../../.ci/tap-summary.sh "$out" "$status" dashboard-ci || summary=$?
rm -f "$out"
exit "$summary"
