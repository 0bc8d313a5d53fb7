#!/usr/bin/env bash
#
# The Nautilus trading core and exchange-core 0.5.3 side by side, in one run, on the same exchange-core-mix stream:
#
#   1. writes the stream once (StreamGenerator --mix exchange-core: the initial book, WARMUP warm-up flow commands,
#      then COMMANDS measured ones, seed SEED) into benchmarks/target/core-streams/;
#   2. differential: the replay tool (matching alone, and --pipeline with fsync batch and loose-risk.cfg),
#      exchange-core's full engine and exchange-core's order book alone each write the trades of the whole stream
#      (seq,takerOrderId,makerOrderId,price,qty); all four files must be identical, else the script stops with
#      exit status 1;
#   3. ROUNDS rounds, the order of the two sides alternating from round to round, each run in its own JVM:
#      full engines: load.sh --mode throughput --stream (the stream file) --wait LOAD_WAIT (our full pipeline: ring,
#        journal in a temporary
#        folder with fsync batch, risk with loose limits, matching, positions; its layout and wait as the platform
#        chooses them for this machine: compact on 2 CPUs, phased, which spins and yields before it blocks; the WARMUP
#        commands untimed, COMMANDS timed, in the last of ENGINE_PASSES passes; it reads the same file as
#        exchange-core's side, so no generator runs in its JVM before it) against
#        exchange-core's ExchangeCore built as its throughput test builds it (1 matching engine, 1 risk engine,
#        32 K ring, no journaling, YIELDING wait strategy, unpinned threads) on the same rows, the same WARMUP
#        untimed and COMMANDS timed (from the first submit to the last result), in the last of as many passes;
#      order books alone: the replay tool's matching alone (MatchingEngine) against exchange-core's
#        OrderBookDirectImpl driven through IOrderBook.processCommand, every row timed, PASSES passes on a fresh
#        book, the last timed;
#   4. prints each run, then the medians and the ratios (ours / exchange-core: of the medians, and the median of
#      the per-round ratios) as one JSON line, with the load average before and after (the machine may be shared).
#
# Usage: benchmarks/core/vs-exchange-core.sh
# Environment: COMMANDS (3000000), WARMUP (1000000),
#              ENGINE_PASSES (3: passes of the whole stream of each full engine in its JVM, each on a fresh state,
#              the last timed; on 2 CPUs the JIT compiles our engine for seconds, and one pass measured our pipeline
#              while C2 still took a CPU and deoptimized it), SEED (1), ROUNDS (3), PASSES (3), BOOK (direct|naive),
#              LOAD_WAIT (phased: the platform's default; yielding spins and yields only, as exchange-core's),
#              LOAD_ARGS (extra load.sh options for our pipeline, e.g. "--layout parallel"),
#              LOAD_JAVA_OPTS (-Xms2g -Xmx2g -XX:+UseParallelGC: our pipeline and exchange-core's engine),
#              REPLAY_JAVA_OPTS (-Xms1g -XX:+UseParallelGC: both order books alone)
# exchange-core runs from its own jar (benchmarks/exchange-core, built here: it needs the Disruptor 3 and Agrona 1
# that it was built with); the first build fetches exchange-core 0.5.3 and its dependencies from Maven Central.
#
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
commands=${COMMANDS:-3000000}
warmup=${WARMUP:-1000000}
engine_passes=${ENGINE_PASSES:-3}
seed=${SEED:-1}
rounds=${ROUNDS:-3}
passes=${PASSES:-3}
book=${BOOK:-direct}
load_args=${LOAD_ARGS:-}   # extra load.sh options for our pipeline, e.g. "--layout parallel"
load_wait=${LOAD_WAIT:-phased}
load_opts=${LOAD_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseParallelGC}
replay_opts=${REPLAY_JAVA_OPTS:--Xms1g -XX:+UseParallelGC}
# exchange-core's serialisation (Chronicle Bytes, used for the binary add-symbol command) reaches into the JDK
xc_opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
 --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
 --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
 --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-exports=java.base/sun.nio.ch=ALL-UNNAMED
 --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED --add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED"

build_if_needed
xc_dir="$core_root/benchmarks/exchange-core"
xc_jar="$xc_dir/target/exchange-core-side.jar"
if [ ! -f "$xc_jar" ] || [ "$xc_dir/pom.xml" -nt "$xc_jar" ] \
    || [ -n "$(find "$xc_dir/src" -newer "$xc_jar" -type f -print -quit)" ]; then
    echo "building the exchange-core side ..." >&2
    if ! (cd "$xc_dir" && mvn -B -q -o "${mvn_repo[@]}" package) >&2; then
        echo "offline build failed; fetching exchange-core 0.5.3 from Maven Central ..." >&2
        (cd "$xc_dir" && mvn -B -q "${mvn_repo[@]}" package) >&2
    fi
fi

total=$((warmup + commands))
stream="$core_root/benchmarks/target/core-streams/exchange-core-$total-seed$seed.csv.gz"
if [ ! -f "$stream" ] || [ "$bench_jar" -nt "$stream" ]; then
    echo "generating $stream ..."
    java -Xmx4g -cp "$bench_jar" io.nautilus.benchmarks.core.StreamGenerator --mix exchange-core \
        --commands "$total" --seed "$seed" --out "$stream.tmp.gz" | head -n 1
    mv "$stream.tmp.gz" "$stream"
fi
cp=$(replay_classpath)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# one JVM; its notes go to stderr, its JSON line to stdout
json_of() {
    local output
    output=$("$@" 2>&1) || { echo "$output" >&2; echo "failed: $*" >&2; exit 1; }
    grep -v '^SLF4J' <<<"$output" | grep -v '^{' >&2 || true
    last_json <<<"$output"
}
# shellcheck disable=SC2086
replay() { json_of java $replay_opts -cp "$cp" io.nautilus.core.replay.ReplayMain --commands "$stream" "$@"; }
# shellcheck disable=SC2086
xc_engine() {
    json_of java $load_opts $xc_opens -jar "$xc_jar" --commands "$stream" --mode engine --measure "$commands" "$@"
}
# shellcheck disable=SC2086
xc_book() { json_of java $replay_opts $xc_opens -jar "$xc_jar" --commands "$stream" --mode book --book "$book" "$@"; }
# shellcheck disable=SC2086
ours_pipeline() {
    LOAD_JAVA_OPTS="$load_opts" json_of "$here/load.sh" --mode throughput --stream "$stream" --commands "$commands" \
        --warmup "$warmup" --passes "$engine_passes" --fsync batch --wait "$load_wait" $load_args
}

echo "differential: the same trades from both cores, alone and full ..."
replay --trades "$work/ours-matching.csv" >/dev/null
replay --pipeline --fsync batch --risk "$here/loose-risk.cfg" --trades "$work/ours-pipeline.csv" >/dev/null
xc_engine --passes 1 --trades "$work/xc-engine.csv" >/dev/null
xc_book --passes 1 --trades "$work/xc-book.csv" >/dev/null
trades=$(($(wc -l <"$work/ours-matching.csv") - 1))
same=true
for f in ours-pipeline xc-engine xc-book; do
    n=$(($(wc -l <"$work/$f.csv") - 1))
    if cmp -s "$work/ours-matching.csv" "$work/$f.csv"; then
        echo "  $f: $n trades, identical to our matching alone ($trades)"
    else
        same=false
        echo "  $f: $n trades, DIFFERENT from our matching alone ($trades); first difference:"
        diff "$work/ours-matching.csv" "$work/$f.csv" | head -n 6 | sed 's/^/    /'
    fi
done
if [ "$same" != true ]; then
    printf '{"benchmark":"core-vs-exchange-core","seed":%d,"commands":%d,"warmup":%d,"sameTrades":false}\n' \
        "$seed" "$commands" "$warmup"
    exit 1
fi

# a run of exchange-core must have made the differential's trades and refused nothing
check_xc() {
    local n rejected
    n=$(jfield trades <<<"$1"); rejected=$(jfield rejected <<<"$1")
    if [ "$n" != "$trades" ] || [ "$rejected" != 0 ]; then
        echo "round $r: exchange-core made $n trades (not $trades), rejected $rejected: $1" >&2
        exit 1
    fi
}
pipe=(); eng=(); mat=(); bk=()
for r in $(seq 1 "$rounds"); do
    for pair in full alone; do
        sides=(ours xc)
        if [ $((r % 2)) = 1 ]; then sides=(xc ours); fi
        for side in "${sides[@]}"; do
            case "$pair/$side" in
                full/ours)
                    line=$(ours_pipeline)
                    rate=$(jfield commandsPerSecond <<<"$line")
                    n=$(jfield trades <<<"$line")
                    if [ "$n" != "$trades" ]; then
                        echo "round $r: load.sh made $n trades, not $trades" >&2
                        exit 1
                    fi
                    pipe+=("$rate")
                    echo "round $r: our full pipeline (fsync batch, risk on): $rate commands/s" ;;
                full/xc)
                    line=$(xc_engine --passes "$engine_passes")
                    check_xc "$line"
                    rate=$(jfield commandsPerSecond <<<"$line")
                    eng+=("$rate")
                    echo "round $r: exchange-core full engine: $rate commands/s" ;;
                alone/ours)
                    line=$(replay --warmup $((passes - 1)))
                    rate=$(jfield commandsPerSecond <<<"$line")
                    mat+=("$rate")
                    echo "round $r: our MatchingEngine alone: $rate commands/s" ;;
                alone/xc)
                    line=$(xc_book --passes "$passes")
                    check_xc "$line"
                    rate=$(jfield commandsPerSecond <<<"$line")
                    bk+=("$rate")
                    echo "round $r: exchange-core OrderBook${book^}Impl alone: $rate commands/s" ;;
            esac
        done
    done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

med() { printf '%s\n' "$@" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
m_pipe=$(med "${pipe[@]}"); m_eng=$(med "${eng[@]}"); m_mat=$(med "${mat[@]}"); m_bk=$(med "${bk[@]}")
r_full=$(ratio "$m_pipe" "$m_eng"); r_alone=$(ratio "$m_mat" "$m_bk")
# the ratio within each round (its two runs back to back), then their median: steadier on a shared machine
paired() {
    local -n a=$1 b=$2
    local i
    for i in "${!a[@]}"; do ratio "${a[$i]}" "${b[$i]}"; echo; done | median
}
p_full=$(paired pipe eng); p_alone=$(paired mat bk)
echo "full: ours $m_pipe vs exchange-core $m_eng commands/s = ${r_full}x;" \
    "alone: ours $m_mat vs exchange-core $m_bk commands/s = ${r_alone}x (medians of $rounds; median of the per-round" \
    "ratios: full ${p_full}x, alone ${p_alone}x; load $load_before -> $load_after)"
printf '{"benchmark":"core-vs-exchange-core","exchangeCore":"0.5.3","seed":%d,"commands":%d,"warmup":%d,' \
    "$seed" "$commands" "$warmup"
printf '"rounds":%d,"passes":%d,"enginePasses":%d,"orderBook":"%s","sameTrades":true,"trades":%d,' "$rounds" "$passes" \
    "$engine_passes" "$book" "$trades"
printf '"pipeline":%s,"exchangeCoreEngine":%s,"pipelineRatio":%s,' "$m_pipe" "$m_eng" "$r_full"
printf '"matching":%s,"exchangeCoreBook":%s,"matchingRatio":%s,' "$m_mat" "$m_bk" "$r_alone"
printf '"pipelineRatioPaired":%s,"matchingRatioPaired":%s,' "$p_full" "$p_alone"
printf '"loadBefore":"%s","loadAfter":"%s","cpus":%d}\n' "$load_before" "$load_after" "$(nproc)"
