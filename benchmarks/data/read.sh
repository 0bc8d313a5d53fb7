#!/usr/bin/env bash
#
# Store read speed: a full time-ordered read (MarketData.open + MarketEventSource.next, as the backtest engine reads)
# of the store of 3 days of generated quotes and bars (2.6 M events), --runs passes in one JVM; events/s median and
# the heap bytes allocated per event in the loop. The last line is the JSON.
#
# Usage: benchmarks/data/read.sh [--runs 7]
#
set -euo pipefail
. "$(dirname "$0")/lib.sh"
runs=7
if [ "${1:-}" = --runs ]; then runs=$2; fi
build_if_needed
generate csv1x 3 --plain
store store1x csv1x
bench_java io.nautilus.benchmarks.data.DataBench --mode read --store "$data_dir/store1x" --runs "$runs"
