#!/usr/bin/env bash
# The command-line tool as README tells users to install it: published as a native executable (Native AOT). Each
# test runs the native tool and the same build under the JIT on one input and requires the same output, so what
# ahead-of-time compilation may break (reflection, trimming) or the parts read on several threads may change shows
# here. Prints TAP, then "N passed, N failed" alone on the last line (.ci/tap-summary.sh); run after the Release build.
set -uo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tap="$work/tap"
jit="dotnet src/ChainBot.Cli/bin/Release/net10.0/chainbot.dll"
native="$work/publish/chainbot"
time="2022-04-18T09:30:00+08:00"
n=0; pass=0; fail=0

result() { # NAME STATUS [DETAIL]
  n=$((n + 1))
  if [ "$2" -eq 0 ]; then pass=$((pass + 1)); echo "ok $n - $1"; else fail=$((fail + 1)); echo "not ok $n - $1"; [ -n "${3:-}" ] && echo "  # $3"; fi
}

same() { # NAME ARGS... : the native tool and the JIT build print the same and exit alike
  local name=$1; shift
  $native "$@" >"$work/native.out" 2>"$work/native.err"; local a=$?
  $jit "$@" >"$work/jit.out" 2>"$work/jit.err"; local b=$?
  if [ "$a" -eq "$b" ] && cmp -s "$work/native.out" "$work/jit.out" && cmp -s "$work/native.err" "$work/jit.err"; then
    result "$name" 0
  else
    result "$name" 1 "exit $a against $b; $(diff "$work/native.out" "$work/jit.out" | head -n 3 | tr '\n' ' ')"
  fi
}

{
  echo "TAP version 13"
  if ! dotnet publish src/ChainBot.Cli -c Release -r linux-x64 -o "$work/publish" >"$work/publish.log" 2>&1; then
    tail -n 20 "$work/publish.log" | sed 's/^/# /'
    result "the tool publishes as a native executable" 1
  else
    result "the tool publishes as a native executable" 0
    # A generated post of 20,000 entries: over 2,048 lines, so it is read in several parts at once.
    dotnet tests/ChainBot.Benchmarks/bin/Release/net10.0/ChainBot.Benchmarks.dll write-chain "$work/large.txt" 20000 >/dev/null
    for post in samples/chains/*.txt "$work/large.txt"; do
      case "$post" in *.expected.txt) continue ;; esac
      name=$(basename "$post")
      same "tally --json $name" tally "$post" --json --time "$time"
      same "parse --json $name" parse "$post" --json --time "$time"
      same "tally $name (the table)" tally "$post" --time "$time"
    done
    same "replay --json of a transcript" replay samples/transcripts/ledger.jsonl --json
    same "segment --json" segment samples/chains/meat-seafood.txt --json
    same "an unreadable file: exit 1 and one line" tally "$work/missing.txt" --json
    # The workbooks (OpenXML): the native tool must write one for each chain of the compound's day.
    if $native export samples/compound/day.jsonl --format xlsx --out "$work/xlsx" --compound samples/compound/compound.json >"$work/export.out" 2>&1 \
       && [ "$(find "$work/xlsx" -name '*.xlsx' | wc -l)" -ge 2 ]; then
      result "export --format xlsx writes a workbook per chain" 0
    else
      result "export --format xlsx writes a workbook per chain" 1 "$(tail -n 2 "$work/export.out" | tr '\n' ' ')"
    fi
  fi
  echo "1..$n"
  echo "# pass $pass"
  echo "# fail $fail"
} | tee "$tap"

bash .ci/tap-summary.sh "$tap" 0 "native CLI"
