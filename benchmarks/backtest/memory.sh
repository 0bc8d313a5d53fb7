#!/usr/bin/env bash
#
# Backtest memory (issue 11): peak RSS (VmHWM) of one full backtest over 1x and 10x the data (--events per --days,
# the 10x run over ten times the days), each in a fresh JVM with a fixed, pre-touched heap so that the figure shows
# what grows with the data outside the heap (mapped store files, native memory). Goal: 10x within +10 % of 1x.
#
# Usage: benchmarks/backtest/memory.sh [--events 2000000] [--days 2] [--dir /tmp/nautilus-backtest-bench]
# JVM options: BACKTEST_MEMORY_OPTS (default -Xms256m -Xmx256m -XX:+AlwaysPreTouch -XX:+UseParallelGC).
#
set -euo pipefail
# shellcheck source=../core/lib.sh
. "$(dirname "$0")/../core/lib.sh"
events=2000000
days=2
dir=/tmp/nautilus-backtest-bench
while [ $# -gt 0 ]; do
    case "$1" in
        --events) events=$2; shift 2 ;;
        --days) days=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        *) echo "memory.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
build_if_needed
opts=${BACKTEST_MEMORY_OPTS:--Xms256m -Xmx256m -XX:+AlwaysPreTouch -XX:+UseParallelGC}
run() {
    # shellcheck disable=SC2086
    java $opts -cp "$bench_jar" io.nautilus.benchmarks.backtest.BacktestBench --events "$1" --days "$2" --runs 1 \
        --warmup false --stages full --dir "$dir" | tail -n 1
}
one=$(run "$events" "$days")
ten=$(run $((events * 10)) $((days * 10)))
echo "1x:  $one" >&2
echo "10x: $ten" >&2
rss1=$(echo "$one" | jfield maxRssKb)
rss10=$(echo "$ten" | jfield maxRssKb)
ratio=$(awk -v a="$rss1" -v b="$rss10" 'BEGIN {printf "%.3f", b / a}')
echo "{\"benchmark\":\"backtest-memory\",\"events1x\":$events,\"events10x\":$((events * 10)),\"rss1xKb\":$rss1,\"rss10xKb\":$rss10,\"ratio\":$ratio,\"eventsPerSecond1x\":$(echo "$one" | jfield fullEventsPerSecond),\"eventsPerSecond10x\":$(echo "$ten" | jfield fullEventsPerSecond)}"
