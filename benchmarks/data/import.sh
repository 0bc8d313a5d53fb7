#!/usr/bin/env bash
#
# Import speed of CSV into the store (MarketDataImport, as bin/nautilus-data import): 3 days of generated quotes
# and 1-minute bars (2.6 M rows, 165 MB of CSV), plain and gzipped, each imported --runs times into a fresh store;
# rows/s medians. The last line is the JSON.
#
# Usage: benchmarks/data/import.sh [--runs 5]
# Data: $DATA_BENCH_DIR (default /tmp/nautilus-data-bench), generated once. JVM options: DATA_JAVA_OPTS.
#
set -euo pipefail
. "$(dirname "$0")/lib.sh"
runs=5
if [ "${1:-}" = --runs ]; then runs=$2; fi
build_if_needed
generate csv1x 3 --plain
generate gz1x 3
plain=$(bench_java io.nautilus.benchmarks.data.DataBench --mode import --data "$data_dir/csv1x" --runs "$runs" | tail -n 1)
gz=$(bench_java io.nautilus.benchmarks.data.DataBench --mode import --data "$data_dir/gz1x" --runs "$runs" | tail -n 1)
echo "plain: $plain" >&2
echo "gzip:  $gz" >&2
echo "{\"benchmark\":\"data-import\",\"rows\":$(echo "$plain" | jfield rows),\"plainBytes\":$(echo "$plain" | jfield bytes),\"gzBytes\":$(echo "$gz" | jfield bytes),\"plainRowsPerSecond\":$(echo "$plain" | jfield rowsPerSecond),\"gzRowsPerSecond\":$(echo "$gz" | jfield rowsPerSecond),\"runs\":$runs}"
