#!/usr/bin/env bash
#
# The same SMA crossover backtest in Nautilus and in ta4j 0.17, in one JVM (issue 11): --bars generated 1-minute
# SIM-ACME bars (random walk with trends), long only, market orders at the next bar's open. ta4j from a BarSeries built
# in memory (build timed apart) with DoubleNum and with DecimalNum; Nautilus's Backtest.run with smacross over the
# bars imported into a store (kept in --dir) and over the CSV. One warm-up pass, then --runs passes in rotating
# order; one JSON line per system (median bars/s, ratios nautilus/ta4j), then one with the trade counts.
#
# Usage: benchmarks/backtest/ta4j.sh [--bars 2000000] [--fast 10] [--slow 30] [--runs 5]
#                                    [--systems ta4j-double,ta4j-decimal,nautilus-store,nautilus-csv]
#                                    [--dir /tmp/nautilus-ta4j-bench]
# JVM options: TA4J_JAVA_OPTS (default -Xms6g -Xmx6g -XX:+UseParallelGC: ta4j keeps every bar
# and every cached indicator value on the heap).
#
set -euo pipefail
# shellcheck source=../core/lib.sh
. "$(dirname "$0")/../core/lib.sh"
build_if_needed
# shellcheck disable=SC2086
exec java ${TA4J_JAVA_OPTS:--Xms6g -Xmx6g -XX:+UseParallelGC} -cp "$bench_jar" \
    io.nautilus.benchmarks.backtest.Ta4jComparison "$@"
