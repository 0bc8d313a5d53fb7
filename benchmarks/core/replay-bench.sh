#!/usr/bin/env bash
#
# The replay tool (io.nautilus.core.replay.ReplayMain, from the core jar) on one exchange-core-mix stream: matching
# alone and the full pipeline (--pipeline: ring, journal in a temporary folder, risk with loose-risk.cfg, matching,
# positions), RUNS runs each with --warmup 2 (two untimed runs on fresh engines before the timed one). The stream
# (COMMANDS flow commands after the initial book, seed SEED) is generated once into benchmarks/target and reused.
# Prints one line per run and a final JSON line with the medians.
#
# Usage: benchmarks/core/replay-bench.sh
# Environment: COMMANDS (5000000), SEED (1), RUNS (3), WARMUP (2), WAIT (phased: the pipeline's wait strategy),
#              FSYNC (batch), RISK (benchmarks/core/loose-risk.cfg; "none" for no limits),
#              REPLAY_JAVA_OPTS (-Xms1g -XX:+UseParallelGC, as bin/nautilus-replay)
#
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
commands=${COMMANDS:-5000000}
seed=${SEED:-1}
runs=${RUNS:-3}
warmup=${WARMUP:-2}
wait_strategy=${WAIT:-phased}
fsync=${FSYNC:-batch}
risk=${RISK:-$here/loose-risk.cfg}
opts=${REPLAY_JAVA_OPTS:--Xms1g -XX:+UseParallelGC}

build_if_needed
stream="$core_root/benchmarks/target/core-streams/exchange-core-$commands-seed$seed.csv.gz"
if [ ! -f "$stream" ] || [ "$bench_jar" -nt "$stream" ]; then
    echo "generating $stream ..."
    java -Xmx4g -cp "$bench_jar" io.nautilus.benchmarks.core.StreamGenerator --mix exchange-core \
        --commands "$commands" --seed "$seed" --out "$stream.tmp.gz" | head -n 1
    mv "$stream.tmp.gz" "$stream"
fi
cp=$(replay_classpath)
risk_args=()
if [ "$risk" != none ]; then risk_args=(--risk "$risk"); fi

# one replay; its notes (e.g. "N command(s) rejected") go to stderr, its JSON line to stdout
replay() {
    local output
    # shellcheck disable=SC2086
    output=$(java $opts -cp "$cp" io.nautilus.core.replay.ReplayMain --commands "$stream" --warmup "$warmup" "$@" 2>&1)
    grep -v '^SLF4J' <<<"$output" | grep -v '^{' >&2 || true
    last_json <<<"$output"
}

matching=(); pipeline=(); trades=""; pipeline_trades=""
for r in $(seq 1 "$runs"); do
    line=$(replay)
    rate=$(jfield commandsPerSecond <<<"$line"); trades=$(jfield trades <<<"$line")
    echo "matching alone, run $r: $rate commands/s ($trades trades)"
    matching+=("$rate")
done
for r in $(seq 1 "$runs"); do
    line=$(replay --pipeline --wait "$wait_strategy" --fsync "$fsync" "${risk_args[@]}")
    rate=$(jfield commandsPerSecond <<<"$line"); pipeline_trades=$(jfield trades <<<"$line")
    echo "pipeline (wait $wait_strategy, fsync $fsync, risk $(basename "$risk")), run $r: $rate commands/s ($pipeline_trades trades)"
    pipeline+=("$rate")
done
rows=$(($(zcat "$stream" | wc -l) - 1))
printf '{"benchmark":"core-replay","stream":"exchange-core","commands":%d,"seed":%d,"runs":%d,"warmup":%d,"wait":"%s","fsync":"%s","risk":%s,"trades":%s,"pipelineTrades":%s,"matchingCommandsPerSecondMedian":%s,"pipelineCommandsPerSecondMedian":%s}\n' \
    "$rows" "$seed" "$runs" "$warmup" "$wait_strategy" "$fsync" "$([ "$risk" = none ] && echo false || echo true)" \
    "${trades:-null}" "${pipeline_trades:-null}" \
    "$(printf '%s\n' "${matching[@]}" | median)" "$(printf '%s\n' "${pipeline[@]}" | median)"
