#!/usr/bin/env bash
#
# Hot-swap pause under load: builds what it needs, then runs io.nautilus.benchmarks.strategy.HotSwapPause from the
# shaded benchmarks jar with the given arguments: the chain of latency.sh fed at 10 k ticks/s (--rate) while the
# strategy instance is hot-swapped 20 times (--swaps, --interval-ms apart), each new version importing the old one's
# exported state; the pause per swap from the engine's SwapResult, and lost/duplicated events counted from the
# sequence numbers the strategies saw. The last line printed is the run's JSON; with RUNS=N it runs N times and the
# last line is a JSON of the medians. Exits 1 if a swap failed.
#
# Usage: benchmarks/strategy/swap.sh [--rate R] [--swaps N] [--interval-ms MS] [--warmup-seconds S] [--mode sink|core]
#        benchmarks/strategy/swap.sh --help
# JVM options: STRATEGY_JAVA_OPTS (default -Xms1g -Xmx1g -XX:+UseParallelGC).
#
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
build_if_needed
if [ "${1:-}" = --help ] || [ "${1:-}" = -h ]; then
    exec java -cp "$bench_jar" io.nautilus.benchmarks.strategy.HotSwapPause --help
fi
run_with_medians io.nautilus.benchmarks.strategy.HotSwapPause \
    "pauseP99Micros pauseP50Micros pauseMaxMicros requestP50Micros requestMaxMicros lost duplicates unseenTicks rejectedEvents tickP99Micros tickMaxMicros" \
    strategy-hot-swap "$@"
