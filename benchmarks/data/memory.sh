#!/usr/bin/env bash
#
# Memory of a full store read at 1x and 10x the data (3 and 30 days of generated quotes and bars: 2.6 M and 26 M
# events; 104 MB and 1 GB of store): peak resident memory (VmHWM) of a JVM that reads the whole store, --runs fresh
# JVMs per case (-Xms64m -Xmx64m: the heap is not what is measured), medians. Three cases: 1x read once, 1x read 10
# times (the same 26 M events as 10x: the JIT compiles as much, so only the data size differs) and 10x read once.
# Goal: 10x within +10 % of 1x. The last line is the JSON: ratio = 10x / 1x read 10 times, ratioOnePass = 10x / 1x
# read once (also counts the longer run's JIT and malloc arenas).
#
# Usage: benchmarks/data/memory.sh [--runs 3]
#
set -euo pipefail
. "$(dirname "$0")/lib.sh"
runs=3
if [ "${1:-}" = --runs ]; then runs=$2; fi
build_if_needed
generate csv1x 3 --plain
generate csv10x 30 --plain
store store1x csv1x
store store10x csv10x
measure() {
    for _ in $(seq "$runs"); do
        java -Xms64m -Xmx64m -XX:+UseSerialGC -cp "$bench_jar" io.nautilus.benchmarks.data.DataBench \
            --mode rss --store "$data_dir/$1" --passes "$2" | tail -n 1 | tee /dev/stderr | jfield peakRssMb
    done | median
}
one=$(measure store1x 1)
oneTen=$(measure store1x 10)
ten=$(measure store10x 1)
ratio=$(awk -v a="$oneTen" -v b="$ten" 'BEGIN {printf "%.3f", b / a}')
ratioOne=$(awk -v a="$one" -v b="$ten" 'BEGIN {printf "%.3f", b / a}')
echo "{\"benchmark\":\"data-memory\",\"peakRss1xMb\":$one,\"peakRss1xTenPassesMb\":$oneTen,\"peakRss10xMb\":$ten,\"ratio\":$ratio,\"ratioOnePass\":$ratioOne,\"runs\":$runs}"
