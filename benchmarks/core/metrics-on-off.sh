#!/usr/bin/env bash
#
# Core throughput with and without metrics reads, same session: load.sh's throughput mode in alternating runs,
# off (no reads) then on (--scrape-ms MS: a thread reads the core's metrics snapshot every MS ms during the measured
# phase, what the metrics bundle does once per Prometheus scrape), ROUNDS times each. The core's latency sampling
# (one command in 16 stamped at ingress, CoreMetrics.SAMPLE_EVERY) is always on: both sides include it.
# Prints each run's commands/s, then one JSON line with the medians and the ratio on/off.
#
# Usage: benchmarks/core/metrics-on-off.sh [ROUNDS (default 3)] [MS (default 10)] [load.sh arguments ...]
#
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
rounds=${1:-3}
ms=${2:-10}
shift $(( $# >= 2 ? 2 : $# ))
build_if_needed
off=()
on=()
for r in $(seq 1 "$rounds"); do
    for side in off on; do
        extra=()
        [ "$side" = on ] && extra=(--scrape-ms "$ms")
        line=$("$(dirname "$0")/load.sh" --mode throughput "$@" "${extra[@]}" | tail -n 1)
        cps=$(echo "$line" | jfield commandsPerSecond)
        echo "round $r $side: $cps commands/s" >&2
        if [ "$side" = off ]; then off+=("$cps"); else on+=("$cps"); fi
    done
done
moff=$(printf '%s\n' "${off[@]}" | median)
mon=$(printf '%s\n' "${on[@]}" | median)
ratio=$(awk -v a="$mon" -v b="$moff" 'BEGIN { printf "%.3f", a / b }')
echo "{\"benchmark\":\"core-metrics-on-off\",\"rounds\":$rounds,\"scrapeMs\":$ms,\"offCommandsPerSecond\":[$(IFS=,; echo "${off[*]}")],\"onCommandsPerSecond\":[$(IFS=,; echo "${on[*]}")],\"medianOff\":$moff,\"medianOn\":$mon,\"ratioOnOff\":$ratio}"
