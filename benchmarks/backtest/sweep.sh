#!/usr/bin/env bash
#
# Parameter sweep speed-up (issue 12): the same 8-run sweep of smacross (fast=3..6:1 x slow=20,40) over a generated
# SIM-ACME quote store (kept in --dir) with 1 and with 2 worker threads, alternating, after a warm-up sweep; medians
# of --passes sweeps each. The last line is the JSON: seconds1, seconds2, speedup (goal >= 1.8 on 2 free cores).
#
# Usage: benchmarks/backtest/sweep.sh [--events 1000000] [--days 2] [--passes 3] [--workers 1,2]
#                                     [--dir /tmp/nautilus-backtest-bench]
# JVM options: SWEEP_JAVA_OPTS (default -Xms2g -Xmx2g -XX:+UseParallelGC).
#
set -euo pipefail
# shellcheck source=../core/lib.sh
. "$(dirname "$0")/../core/lib.sh"
build_if_needed
# shellcheck disable=SC2086
exec java ${SWEEP_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseParallelGC} -cp "$bench_jar" \
    io.nautilus.benchmarks.backtest.SweepBench "$@"
