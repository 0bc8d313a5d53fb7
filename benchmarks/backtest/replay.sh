#!/usr/bin/env bash
#
# Backtest engine throughput (issue 11): generated SIM-ACME quotes imported once into a nautilus-data store (kept in
# --dir for later runs), replayed on one thread by stage: read (store reader), pipeline (+ market-data TickPipeline),
# full (Backtest.run: reader, simulated exchange, the core's engine, pipeline, a strategy with a market order on every
# 100th quote, the four files written). Medians of --runs passes after a warm-up pass; the last line is the JSON.
#
# Usage: benchmarks/backtest/replay.sh [--events 5000000] [--days 5] [--runs 5] [--stages read,pipeline,full]
#                                      [--order-every 100] [--dir /tmp/nautilus-backtest-bench]
# JVM options: BACKTEST_JAVA_OPTS (default -Xms1g -Xmx1g -XX:+UseParallelGC).
#
set -euo pipefail
# shellcheck source=../core/lib.sh
. "$(dirname "$0")/../core/lib.sh"
build_if_needed
args=(--runs 5)
# shellcheck disable=SC2086
exec java ${BACKTEST_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC} -cp "$bench_jar" \
    io.nautilus.benchmarks.backtest.BacktestBench "${args[@]}" "$@"
