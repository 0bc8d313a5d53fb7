#!/usr/bin/env bash
#
# Sanity check that the load generator and the replay tool run the same engine on the same stream: for each mix,
# writes the stream (COMMANDS flow commands, seed SEED) with StreamGenerator, replays it with the replay tool
# (matching alone, and --pipeline with loose-risk.cfg), runs the LoadGenerator on the same seed and size without
# warm-up, and compares the trade counts. Ends with one JSON line; exit status 1 on a mismatch.
#
# Usage: benchmarks/core/same-trades.sh [MIX...]   (default: exchange-core new-cancel aggressive)
# Environment: COMMANDS (1000000), SEED (1)
#
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
commands=${COMMANDS:-1000000}
seed=${SEED:-1}
mixes=("$@")
if [ ${#mixes[@]} -eq 0 ]; then mixes=(exchange-core new-cancel aggressive); fi

build_if_needed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp=$(replay_classpath)
ok=true
parts=()
for mix in "${mixes[@]}"; do
    stream="$work/$mix.csv.gz"
    java -Xmx4g -cp "$bench_jar" io.nautilus.benchmarks.core.StreamGenerator --mix "$mix" --commands "$commands" \
        --seed "$seed" --out "$stream" >/dev/null
    alone=$(java -Xms1g -XX:+UseParallelGC -cp "$cp" io.nautilus.core.replay.ReplayMain --commands "$stream" \
        2>/dev/null | last_json | jfield trades)
    piped=$(java -Xms1g -XX:+UseParallelGC -cp "$cp" io.nautilus.core.replay.ReplayMain --commands "$stream" \
        --pipeline --fsync none --risk "$here/loose-risk.cfg" 2>/dev/null | last_json | jfield trades)
    load=$("$here/load.sh" --mix "$mix" --commands "$commands" --seed "$seed" --warmup 0 --fsync none | last_json)
    loaded=$(jfield trades <<<"$load")
    rejected=$(jfield rejected <<<"$load")
    verdict=same
    if [ "$alone" != "$piped" ] || [ "$alone" != "$loaded" ] || [ "$rejected" != 0 ]; then verdict=DIFFERENT; ok=false; fi
    echo "$mix, seed $seed, $commands commands: replay matching alone $alone trades, replay --pipeline $piped," \
        "LoadGenerator $loaded (rejected $rejected): $verdict"
    parts+=("\"$mix\":{\"replayMatching\":$alone,\"replayPipeline\":$piped,\"loadGenerator\":$loaded}")
done
printf '{"benchmark":"core-same-trades","seed":%d,"commands":%d,"same":%s,%s}\n' "$seed" "$commands" "$ok" \
    "$(IFS=,; echo "${parts[*]}")"
$ok
