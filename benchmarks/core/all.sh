#!/usr/bin/env bash
#
# The trading core's end-to-end benchmarks, RUNS times each: the replay tool on a 5M-command exchange-core stream
# (matching alone, then the full pipeline), the load generator's throughput, and its coordinated-omission-correct
# latency at each rate of RATES. Prints every run, then a markdown table of the medians (for docs/performance.md)
# and a final JSON line. Every run's JSON is kept in benchmarks/target/core-results/.
#
# Usage: benchmarks/core/all.sh
# Environment: RUNS (3), MIX (exchange-core), LOAD_COMMANDS (2000000), LATENCY_SECONDS (10),
#              RATES ("50000 100000 200000"), WAIT (phased), FSYNC (batch), COMMANDS (5000000, the replay stream);
#              and those of replay-bench.sh and load.sh.
# Takes about 6 minutes on 2 cores.
#
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
runs=${RUNS:-3}
mix=${MIX:-exchange-core}
load_commands=${LOAD_COMMANDS:-2000000}
latency_seconds=${LATENCY_SECONDS:-10}
rates=${RATES:-50000 100000 200000}
export WAIT=${WAIT:-phased}
export FSYNC=${FSYNC:-batch}
export RUNS=$runs

build_if_needed
mkdir -p "$core_root/benchmarks/target/core-results"
results="$core_root/benchmarks/target/core-results/all-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
: >"$results"
echo "results: $results"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; core $(cd "$core_root" && git rev-parse --short HEAD 2>/dev/null || echo '?') (+ working tree)"

echo "== replay tool, exchange-core stream: matching alone and --pipeline"
# each run's output is printed as it comes; its last JSON line is kept in $results
run() {
    local out
    out=$("$@")
    echo "$out"
    last_json <<<"$out" >>"$results"
}
run "$here/replay-bench.sh"

load() {
    run "$here/load.sh" --mix "$mix" --wait "$WAIT" --fsync "$FSYNC" "$@"
}
for r in $(seq 1 "$runs"); do
    echo "== load generator, throughput, run $r"
    load --mode throughput --commands "$load_commands"
done
for rate in $rates; do
    for r in $(seq 1 "$runs"); do
        echo "== load generator, latency at $rate/s, run $r"
        load --mode latency --rate "$rate" --seconds "$latency_seconds"
    done
done
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"

python3 - "$results" "$WAIT" "$FSYNC" "$mix" "$runs" <<'PY'
import json, statistics, sys
path, wait, fsync, mix, runs = sys.argv[1:6]
rows = [json.loads(l) for l in open(path) if l.strip()]
replay = next(r for r in rows if r["benchmark"] == "core-replay")
thr = [r["commandsPerSecond"] for r in rows if r.get("mode") == "throughput"]
lat = {}
for r in rows:
    if r.get("mode") == "latency":
        lat.setdefault(r["rate"], []).append(r)
med = statistics.median
def m(v):
    return f"{v / 1e6:.2f} M"
print()
print(f"Trading core, {mix} mix, median of {runs} runs; pipeline: wait {wait}, journal fsync {fsync}, risk on "
      f"(loose limits), 2 shared cores.")
print()
print("| Benchmark | Commands/s | Goal |")
print("|---|---:|---:|")
print(f"| Replay, matching alone ({replay['commands'] / 1e6:.1f} M commands, --warmup {replay['warmup']}) "
      f"| {m(replay['matchingCommandsPerSecondMedian'])} | ≥ 11 M |")
print(f"| Replay, full pipeline (--pipeline) | {m(replay['pipelineCommandsPerSecondMedian'])} | ≥ 4 M |")
print(f"| Load generator, full pipeline, throughput | {m(med(thr))} | ≥ 4 M |")
print()
print("| Rate | p50 µs | p99 µs | p99.9 µs | p99.99 µs | max µs | Goal |")
print("|---:|---:|---:|---:|---:|---:|---|")
summary = {"benchmark": "core-all", "mix": mix, "runs": int(runs), "wait": wait, "fsync": fsync,
           "replayMatchingCommandsPerSecond": replay["matchingCommandsPerSecondMedian"],
           "replayPipelineCommandsPerSecond": replay["pipelineCommandsPerSecondMedian"],
           "loadCommandsPerSecond": med(thr), "latency": []}
for rate in sorted(lat):
    rs = lat[rate]
    p = {k: med([r[k] for r in rs]) for k in ("p50Micros", "p99Micros", "p999Micros", "p9999Micros", "maxMicros")}
    goal = "p99 ≤ 20, p99.99 ≤ 200" if rate == 100000 else ""
    print(f"| {rate / 1000:.0f} k/s | {p['p50Micros']:.1f} | {p['p99Micros']:.1f} | {p['p999Micros']:.1f} "
          f"| {p['p9999Micros']:.1f} | {p['maxMicros']:.1f} | {goal} |")
    summary["latency"].append(dict(rate=rate, **p))
print()
print(json.dumps(summary, separators=(",", ":")))
PY
