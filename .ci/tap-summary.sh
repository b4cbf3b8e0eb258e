#!/usr/bin/env bash
# Turns the TAP output of a `node --test --test-reporter=tap` run into the line CI counts: "N passed, N failed",
# alone on the last line; exits non-zero on any failure, on a failing runner status, or when no test ran.
#   tap-summary.sh TAP_FILE RUNNER_STATUS NAME
set -uo pipefail
out=$1; status=$2; name=$3
passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$out" | tail -n 1)
failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$out" | tail -n 1)
cancelled=$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$out" | tail -n 1)
passed=${passed:-0}
failed=$(( ${failed:-0} + ${cancelled:-0} ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then echo "$name: no test ran" >&2; failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
