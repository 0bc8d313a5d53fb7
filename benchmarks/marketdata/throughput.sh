#!/usr/bin/env bash
#
# Market-data engine throughput in process: builds what is needed, then runs
# io.nautilus.benchmarks.marketdata.MarketDataThroughput RUNS times (raw decimal-text ticks in through the Camel feeds'
# ingest entry, normalise + validate + 1 ms time bars + fan-out to 4 subscribers) and prints every run, then one
# JSON line with the medians. Extra arguments go to every run (--help lists them).
#
# Usage: benchmarks/marketdata/throughput.sh [--ticks N] [--subscribers N] [--queue N] [--work N] ...
# Environment: RUNS (3); MD_JAVA_OPTS (default -Xms1g -Xmx1g -XX:+UseParallelGC); REBUILD_MD=1 reinstalls the
#              market-data bundles first; MD_BUILD_DIR (/tmp/nautilus-md-bench-build) is their build folder.
# Takes about 5 s a run on 2 cores.
#
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../core/lib.sh
. "$here/../core/lib.sh"
md_jar="$m2/io/nautilus/nautilus-marketdata/$version/nautilus-marketdata-$version.jar"
md_sources=("$core_root/bundles/nautilus-marketdata/src/main" "$core_root/bundles/nautilus-marketdata-api/src/main")

if [ "${REBUILD_MD:-0}" = 1 ] || [ ! -f "$md_jar" ] || [ -n "$(find "${md_sources[@]}" -newer "$md_jar" -type f -print -quit)" ]; then
    echo "building the market-data bundles (into ${MD_BUILD_DIR:-/tmp/nautilus-md-bench-build}) ..." >&2
    (cd "$core_root" && mvn -B -q -o -DskipTests install -pl bundles/nautilus-marketdata-api,bundles/nautilus-marketdata \
        -Dmd.build.dir="${MD_BUILD_DIR:-/tmp/nautilus-md-bench-build}") >&2
fi
if [ "$md_jar" -nt "$bench_jar" ]; then
    echo "building the benchmarks ..." >&2
    (cd "$core_root" && mvn -B -q -o -pl benchmarks package -DskipTests) >&2
fi
build_if_needed

runs=${RUNS:-3}
jsons=()
for r in $(seq 1 "$runs"); do
    echo "== market data throughput, run $r of $runs"
    # shellcheck disable=SC2086
    out=$(java ${MD_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC} -cp "$bench_jar" \
        io.nautilus.benchmarks.marketdata.MarketDataThroughput "$@")
    echo "$out"
    jsons+=("$(last_json <<<"$out")")
done

med() {
    printf '%s\n' "${jsons[@]}" | jfield "$1" | median
}
printf '{"benchmark":"marketdata-throughput-medians","runs":%d,"endToEndTicksPerSecond":%s,"ticksInPerSecond":%s,"engineTicksPerSecond":%s,"deliveredPerSecond":%s,"conflated":%s,"bytesPerTick":%s,"bytesPerTickEngine":%s,"gcCount":%s,"loadAverage":"%s"}\n' \
    "$runs" "$(med endToEndTicksPerSecond)" "$(med ticksInPerSecond)" "$(med engineTicksPerSecond)" \
    "$(med deliveredPerSecond)" "$(med conflated)" "$(med bytesPerTick)" "$(med bytesPerTickEngine)" \
    "$(med gcCount)" "$(cut -d' ' -f1-3 /proc/loadavg)"
