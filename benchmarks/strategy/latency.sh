#!/usr/bin/env bash
#
# Tick -> strategy -> order latency: builds what it needs, then runs
# io.nautilus.benchmarks.strategy.TickToOrderLatency from the shaded benchmarks jar with the given arguments: raw
# ticks paced into the real market-data engine -> a subscription forwarding to the strategy engine -> one strategy
# instance -> the order at a TradingPort (a sink, or with --mode core the real trading core). Coordinated-omission
# correct (tick k is due at start + k / rate). The last line printed is the run's JSON; with RUNS=N (e.g. 3) it
# runs N times and the last line is a JSON of the medians.
#
# Usage: benchmarks/strategy/latency.sh [--mode sink|core] [--rate R] [--seconds S] [--warmup-seconds S]
#                                       [--fraction F] [--pacer spin|yield] [--fsync none|batch|always]
#        benchmarks/strategy/latency.sh --help
# JVM options: STRATEGY_JAVA_OPTS (default -Xms1g -Xmx1g -XX:+UseParallelGC).
#
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
build_if_needed
if [ "${1:-}" = --help ] || [ "${1:-}" = -h ]; then
    exec java -cp "$bench_jar" io.nautilus.benchmarks.strategy.TickToOrderLatency --help
fi
run_with_medians io.nautilus.benchmarks.strategy.TickToOrderLatency \
    "p99Micros p50Micros p90Micros p999Micros maxMicros meanMicros count unseenTicks subscriptionConflated rejectedEvents lateSendsPct subscriberP50Micros subscriberP99Micros engineHopP50Micros engineHopP99Micros acceptP50Micros acceptP99Micros acceptMaxMicros" \
    strategy-tick-to-order "$@"
