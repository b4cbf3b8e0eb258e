#!/usr/bin/env bash
# The long fuzzing campaign (README, "Fuzzing"): 10^6 inputs from a fixed seed over every target, bounded in time.
# Usage: tests/ChainBot.Fuzz/run-long.sh [INPUTS] [SEED] [OUT]   (defaults: 1000000, 20260, fuzz-out)
# Crashing or hanging inputs are written to OUT with what they did; the report is printed and written to OUT/report.txt.
# Exit code: the fuzzer's (0 clean, 1 crash, 3 hang), 124 when the time bound cut the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
inputs=${1:-1000000}
seed=${2:-20260}
out=${3:-fuzz-out}
dotnet build tests/ChainBot.Fuzz -c Release -warnaserror >/dev/null
# Two hours at most: a shared machine runs the 10^6 inputs in about half an hour.
timeout 7200 dotnet tests/ChainBot.Fuzz/bin/Release/net10.0/ChainBot.Fuzz.dll --inputs "$inputs" --seed "$seed" --out "$out"
